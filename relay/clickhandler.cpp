#include "clickhandler.h"

#include "eventwriter.h"
#include "redirectlocation.h"
#include "relaycontext.h"

#include "protocol/base64url.h"
#include "protocol/secure.h"
#include "protocol/token.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

namespace leadtrail::relay {

std::string ClickHandler::newClickId()
{
    return protocol::base64UrlEncode(protocol::randomBytes(16));
}

bool ClickHandler::isClickId(std::string_view text)
{
    const auto bytes = protocol::base64UrlDecode(text);
    return text.size() == 22 && bytes && bytes->size() == 16;
}

void ClickHandler::redirect(Poco::Net::HTTPServerResponse &response, const std::string &location) const
{
    response.set("Location", location);
    send(response, Poco::Net::HTTPResponse::HTTP_FOUND, {}, {});
}

void ClickHandler::handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response)
{
    const RelayConfig &config = m_context.config();
    const protocol::VerifyResult token = protocol::verifyToken(m_token, config.keyring);
    const bool kindOk = token.ok()
        && (token.fields.kind == protocol::TokenKind::Click || token.fields.kind == protocol::TokenKind::Decoy);
    std::optional<std::string> location;
    std::string clickId;
    if (kindOk) {
        const bool isClick = token.fields.kind == protocol::TokenKind::Click;
        if (isClick && config.clickIdsEnabled)
            clickId = newClickId();
        location = redirectLocation(token.fields.url, config.clickIdParam, clickId);
    }
    if (!location) {
        m_context.metrics().countBadToken(m_endpoint);
        redirect(response, config.fallbackUrl);
        return;
    }
    Event event = m_context.eventFor(request, token.fields.kind == protocol::TokenKind::Click ? EventType::Click : EventType::Decoy,
                                     token.fields.issuedAt);
    event.delivery = token.fields.delivery.toHex();
    event.linkIndex = token.fields.linkIndex;
    event.url = token.fields.url;
    event.clickId = clickId;
    if (!m_context.writer().submit(event) && !clickId.empty()) {
        // Not stored, so a click id would only lead to rejected conversions: send the plain URL.
        location = redirectLocation(token.fields.url);
    }
    redirect(response, *location);
}

} // namespace leadtrail::relay
