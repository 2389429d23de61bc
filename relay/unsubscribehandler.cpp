#include "unsubscribehandler.h"

#include "eventwriter.h"
#include "relaycontext.h"

#include "protocol/token.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

namespace leadtrail::relay {

void UnsubscribeHandler::page(Poco::Net::HTTPServerResponse &response, Poco::Net::HTTPResponse::HTTPStatus status,
                              std::string_view title, std::string_view text, bool withButton) const
{
    std::string html =
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<meta name=\"robots\" content=\"noindex\"><title>";
    html += title;
    html += "</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;"
            "color:#222;line-height:1.5}button{font-size:1rem;padding:.6rem 1.2rem;border:0;border-radius:.3rem;"
            "background:#2557a7;color:#fff;cursor:pointer}</style></head><body><h1>";
    html += title;
    html += "</h1><p>";
    html += text;
    html += "</p>";
    if (withButton) {
        // The token is base64url (checked), so it is safe inside the attribute as it is.
        html += "<form method=\"post\" action=\"/u/" + m_token
            + "\"><input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
              "<button type=\"submit\">Unsubscribe</button></form>";
    }
    html += "</body></html>\n";
    response.set("X-Frame-Options", "DENY");
    response.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
    send(response, status, "text/html; charset=utf-8", html);
}

void UnsubscribeHandler::handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response)
{
    const std::string &method = request.getMethod();
    if (method != "GET" && method != "POST" && method != "HEAD") {
        response.set("Allow", "GET, HEAD, POST");
        fail(response, Poco::Net::HTTPResponse::HTTP_METHOD_NOT_ALLOWED, "use GET or POST");
        return;
    }
    const protocol::VerifyResult token =
        protocol::verifyToken(m_token, m_context.config().keyring, protocol::TokenKind::Unsubscribe);
    if (!token.ok()) {
        m_context.metrics().countBadToken(m_endpoint);
        page(response, Poco::Net::HTTPResponse::HTTP_BAD_REQUEST, "This link is not valid",
             "The unsubscribe link is incomplete or damaged. Please use the link from the email as it is, "
             "or reply to the sender and ask to be removed.",
             false);
        return;
    }
    if (method != "POST") {
        page(response, Poco::Net::HTTPResponse::HTTP_OK, "Unsubscribe?",
             "Press the button to stop receiving these emails.", true);
        return;
    }
    bool tooLarge = false;
    readBody(request, 4096, tooLarge);
    if (tooLarge) {
        fail(response, Poco::Net::HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE, "request body too large");
        return;
    }
    Event event = m_context.eventFor(request, EventType::Unsubscribe, token.fields.issuedAt);
    event.delivery = token.fields.delivery.toHex();
    event.linkIndex = token.fields.linkIndex;
    event.dedupeKey = "u:" + event.delivery;
    if (!m_context.writer().submit(event)) {
        page(response, Poco::Net::HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "Please try again",
             "Your request could not be saved just now. Please try again in a minute.", true);
        return;
    }
    page(response, Poco::Net::HTTPResponse::HTTP_OK, "You are unsubscribed",
         "You will not receive these emails any more.", false);
}

} // namespace leadtrail::relay
