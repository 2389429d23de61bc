#include "relayapplication.h"

#include <Poco/Util/ServerApplication.h>

// Wiring only: the application class owns options and lifecycle.
POCO_SERVER_MAIN(leadtrail::relay::RelayApplication)
