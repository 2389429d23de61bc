#include "openhandler.h"

#include "relaycontext.h"

#include "protocol/token.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

namespace leadtrail::relay {

std::string_view OpenHandler::pixel()
{
    static constexpr unsigned char gif[] = {
        0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00,
        0x00, 0xff, 0xff, 0xff, 0x21, 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2c, 0x00, 0x00,
        0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b};
    static_assert(sizeof gif == 43);
    return std::string_view(reinterpret_cast<const char *>(gif), sizeof gif);
}

void OpenHandler::handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response)
{
    const protocol::VerifyResult token = protocol::verifyToken(m_token, m_context.config().keyring, protocol::TokenKind::Open);
    if (!token.ok()) {
        m_context.metrics().countBadToken(m_endpoint);
        send(response, Poco::Net::HTTPResponse::HTTP_OK, "image/gif", pixel());
        return;
    }
    Event event = m_context.eventFor(request, EventType::Open, token.fields.issuedAt);
    event.delivery = token.fields.delivery.toHex();
    event.linkIndex = token.fields.linkIndex;
    // A failed commit is counted by the writer; the image is answered regardless.
    answerAfterCommit(request, response, Poco::Net::HTTPResponse::HTTP_OK, "image/gif", pixel(), std::move(event));
}

} // namespace leadtrail::relay
