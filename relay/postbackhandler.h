#pragma once

#include "relayhandler.h"

namespace leadtrail::relay {

/**
 * GET|POST /p?cid=…&value=…&currency=…&event=…&key=…: a server-to-server
 * conversion against a click id the relay issued. The postback key is
 * required; unknown click ids and malformed values are refused with a 4xx
 * that says why, and nothing is stored for them.
 */
class PostbackHandler final : public RelayHandler
{
public:
    explicit PostbackHandler(const RelayContext &context) : RelayHandler(context, Endpoint::Postback) {}
    void handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response) override;
};

} // namespace leadtrail::relay
