#pragma once

#include "relayhandler.h"

#include <string>
#include <string_view>

namespace leadtrail::relay {

/**
 * GET|HEAD /c/<token>: stores the click (with a fresh click id when enabled)
 * and redirects to the signed URL; anything else redirects to the fallback.
 * The Location comes only from the token or the config, never the request.
 */
class ClickHandler final : public RelayHandler
{
public:
    ClickHandler(const RelayContext &context, std::string_view token) : RelayHandler(context, Endpoint::Click), m_token(token) {}
    void handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response) override;

private:
    void redirect(Poco::Net::HTTPServerResponse &response, const std::string &location) const;
    std::string m_token;
};

} // namespace leadtrail::relay
