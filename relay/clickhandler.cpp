#include "clickhandler.h"

#include "clickid.h"
#include "redirectlocation.h"
#include "relaycontext.h"

#include "protocol/token.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

namespace leadtrail::relay {

void ClickHandler::redirect(Poco::Net::HTTPServerResponse &response, const std::string &location) const
{
    response.set("Location", location);
    send(response, Poco::Net::HTTPResponse::HTTP_FOUND, {}, {});
}

void ClickHandler::handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response)
{
    const RelayConfig &config = m_context.config();
    const protocol::VerifyResult token = protocol::verifyToken(m_token, config.keyring);
    const protocol::TokenKind kind = token.fields.kind;
    const bool click = kind == protocol::TokenKind::Click || kind == protocol::TokenKind::ClickWithoutId;
    const bool kindOk = token.ok() && (click || kind == protocol::TokenKind::Decoy);
    // Checked before storing: a destination we would not redirect to is a bad token.
    // A decoy signed without a destination (the sender's default) is still a
    // decoy hit, the evidence classification needs; it leads to the fallback page.
    const bool bareDecoy = kindOk && token.fields.kind == protocol::TokenKind::Decoy && token.fields.url.empty();
    std::optional<std::string> location = bareDecoy ? std::optional<std::string>(config.fallbackUrl)
                                        : kindOk    ? redirectLocation(token.fields.url)
                                                    : std::nullopt;
    if (!location) {
        m_context.metrics().countBadToken(m_endpoint);
        redirect(response, config.fallbackUrl);
        return;
    }
    Event event = m_context.eventFor(request, click ? EventType::Click : EventType::Decoy, token.fields.issuedAt);
    event.delivery = token.fields.delivery.toHex();
    event.linkIndex = token.fields.linkIndex;
    event.url = token.fields.url;
    // The campaign's choice, signed into the token; the relay's switch can only turn them off.
    if (kind == protocol::TokenKind::Click && config.clickIdsEnabled)
        event.clickIdNonce = clickid::newNonce();
    // When the store fails there is no click id (it would only lead to rejected
    // conversions): the recipient still gets the plain destination.
    auto locationFor = [&config, url = token.fields.url, plain = std::move(*location)](const Event &stored, bool ok) {
        if (ok && !stored.clickId.empty()) {
            if (std::optional<std::string> withId = redirectLocation(url, config.clickIdParam, stored.clickId))
                return std::move(*withId);
        }
        return plain;
    };
    answerAfterCommit(request, response, Poco::Net::HTTPResponse::HTTP_FOUND, {}, {}, std::move(event),
                      std::move(locationFor));
}

} // namespace leadtrail::relay
