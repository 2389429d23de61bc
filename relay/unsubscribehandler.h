#pragma once

#include "relayhandler.h"

#include <string>
#include <string_view>

namespace leadtrail::relay {

/**
 * /u/<token>. GET shows a page asking to confirm and changes nothing (mail
 * scanners follow links); POST, from that page's button or an RFC 8058
 * one-click client, records the unsubscribe once per delivery and confirms.
 */
class UnsubscribeHandler final : public RelayHandler
{
public:
    UnsubscribeHandler(const RelayContext &context, std::string_view token)
        : RelayHandler(context, Endpoint::Unsubscribe), m_token(token)
    {
    }
    void handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response) override;

private:
    void page(Poco::Net::HTTPServerResponse &response, Poco::Net::HTTPResponse::HTTPStatus status,
              std::string_view title, std::string_view text, bool withButton) const;
    std::string m_token;
};

} // namespace leadtrail::relay
