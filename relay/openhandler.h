#pragma once

#include "relayhandler.h"

#include <string_view>

namespace leadtrail::relay {

/** GET /o/<token>: stores an open and answers the 43-byte GIF, for bad tokens too (no broken images). */
class OpenHandler final : public RelayHandler
{
public:
    OpenHandler(const RelayContext &context, std::string_view token) : RelayHandler(context, Endpoint::Open), m_token(token) {}
    void handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response) override;

    /** The 43-byte transparent GIF. */
    static std::string_view pixel();

private:
    std::string m_token;
};

} // namespace leadtrail::relay
