#include "relayapplication.h"

#include <iostream> // POCO_SERVER_MAIN reports exceptions on std::cerr

#include <Poco/Util/ServerApplication.h>

// Wiring only: the application class owns options and lifecycle.
POCO_SERVER_MAIN(leadtrail::relay::RelayApplication)
