#include "relayversion.h"

namespace leadtrail::relay {

std::string version()
{
    return LEADTRAIL_VERSION;
}

} // namespace leadtrail::relay
