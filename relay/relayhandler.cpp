#include "relayhandler.h"

#include "eventwriter.h"
#include "relaycontext.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

namespace leadtrail::relay {

void RelayHandler::prepare(Poco::Net::HTTPServerResponse &response, Poco::Net::HTTPResponse::HTTPStatus status,
                           std::string_view contentType, std::size_t length) const
{
    response.setStatusAndReason(status);
    response.set("Cache-Control", "no-store");
    if (!contentType.empty())
        response.setContentType(std::string(contentType));
    response.setContentLength(static_cast<std::streamsize>(length));
    m_context.metrics().countRequest(m_endpoint, static_cast<int>(status));
}

void RelayHandler::send(Poco::Net::HTTPServerResponse &response, Poco::Net::HTTPResponse::HTTPStatus status,
                        std::string_view contentType, std::string_view body, bool headOnly) const
{
    prepare(response, status, contentType, body.size());
    if (headOnly || body.empty()) {
        response.send();
        return;
    }
    response.sendBuffer(body.data(), body.size());
}

void RelayHandler::answerAfterCommit(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response,
                                     Poco::Net::HTTPResponse::HTTPStatus status, std::string_view contentType,
                                     std::string_view body, Event event, DeferredAnswer::LocationFor location) const
{
    prepare(response, status, contentType, body.size());
    auto answer = std::make_unique<DeferredAnswer>(request, response, body, std::move(location));
    answer->event = std::move(event);
    EventWriter &writer = m_context.writer();
    if (writer.answerAfterCommit(answer))
        return;
    const bool stored = writer.submit(answer->event);
    const std::string where = answer->location(stored);
    if (!where.empty())
        response.set("Location", where);
    if (body.empty())
        response.send();
    else
        response.sendBuffer(body.data(), body.size()); // nothing but the header for HEAD
}

void RelayHandler::fail(Poco::Net::HTTPServerResponse &response, Poco::Net::HTTPResponse::HTTPStatus status,
                        std::string_view message) const
{
    // Unread request data would be taken for the next request: close instead.
    if (status == Poco::Net::HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE)
        response.setKeepAlive(false);
    std::string body(message);
    body += '\n';
    send(response, status, "text/plain; charset=utf-8", body);
}

std::string RelayHandler::readBody(Poco::Net::HTTPServerRequest &request, std::size_t limit, bool &tooLarge)
{
    tooLarge = false;
    std::string body;
    if (request.hasContentLength() && request.getContentLength64() > static_cast<Poco::Int64>(limit)) {
        tooLarge = true;
        return body;
    }
    std::istream &in = request.stream();
    char buffer[1024];
    while (in) {
        in.read(buffer, sizeof buffer);
        const auto n = static_cast<std::size_t>(in.gcount());
        if (body.size() + n > limit) {
            tooLarge = true;
            return {};
        }
        body.append(buffer, n);
    }
    return body;
}

} // namespace leadtrail::relay
