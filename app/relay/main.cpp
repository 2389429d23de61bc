#include "relayversion.h"

#include <iostream>

// Placeholder until the relay server lands (issue: the tracking relay).
int main(int argc, char **argv)
{
    if (argc > 1 && std::string(argv[1]) == "--version") {
        std::cout << "leadtrail-relay " << leadtrail::relay::version() << '\n';
        return 0;
    }
    std::cerr << "leadtrail-relay: the tracking relay is not built yet\n";
    return 2;
}
