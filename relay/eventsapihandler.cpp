#include "eventsapihandler.h"

#include "eventjson.h"
#include "eventstore.h"
#include "eventwriter.h"
#include "relaycontext.h"

#include "protocol/secure.h"

#include <chrono>

#include <Poco/Exception.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/URI.h>

namespace leadtrail::relay {

std::optional<std::int64_t> EventsApiHandler::parseCount(std::string_view text)
{
    if (text.empty() || text.size() > 18)
        return std::nullopt;
    std::int64_t v = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

void EventsApiHandler::handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response)
{
    using Status = Poco::Net::HTTPResponse::HTTPStatus;
    if (request.getMethod() != "GET") {
        response.set("Allow", "GET");
        fail(response, Status::HTTP_METHOD_NOT_ALLOWED, "use GET");
        return;
    }
    const std::string &auth = request.get("Authorization", "");
    constexpr std::string_view bearer = "Bearer ";
    if (auth.size() <= bearer.size() || auth.compare(0, bearer.size(), bearer) != 0
        || !protocol::constantTimeEqual(std::string_view(auth).substr(bearer.size()), m_context.config().apiKey)) {
        response.set("WWW-Authenticate", "Bearer realm=\"leadtrail-relay\"");
        fail(response, Status::HTTP_UNAUTHORIZED, "a valid 'Authorization: Bearer <api key>' header is required");
        return;
    }

    std::int64_t after = 0, limit = defaultLimit, wait = 0;
    try {
        const Poco::URI uri(request.getURI());
        for (const auto &[name, value] : uri.getQueryParameters()) {
            if (name == "after") {
                const auto v = parseCount(value);
                if (!v) {
                    fail(response, Status::HTTP_BAD_REQUEST, "after= must be an event id (a whole number >= 0)");
                    return;
                }
                after = *v;
            } else if (name == "limit") {
                const auto v = parseCount(value);
                if (!v || *v < 1 || *v > maxLimit) {
                    fail(response, Status::HTTP_BAD_REQUEST,
                         "limit= must be a whole number from 1 to " + std::to_string(maxLimit));
                    return;
                }
                limit = *v;
            } else if (name == "wait") {
                const auto v = parseCount(value);
                if (!v) {
                    fail(response, Status::HTTP_BAD_REQUEST, "wait= must be a whole number of seconds");
                    return;
                }
                wait = std::min(*v, maxWaitSeconds);
            }
        }
    } catch (const Poco::Exception &) {
        fail(response, Status::HTTP_BAD_REQUEST, "the query string could not be read");
        return;
    }

    try {
        std::vector<Event> events = m_context.store().fetchAfter(after, static_cast<std::size_t>(limit));
        if (events.empty() && wait > 0) {
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(wait);
            while (events.empty()) {
                const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
                if (left.count() <= 0 || !m_context.writer().waitForNewerThan(after, left))
                    break;
                events = m_context.store().fetchAfter(after, static_cast<std::size_t>(limit));
            }
        }
        const std::int64_t next = events.empty() ? after : events.back().id;
        send(response, Status::HTTP_OK, "application/json", eventsPageJson(events, next));
    } catch (const std::exception &) {
        fail(response, Status::HTTP_SERVICE_UNAVAILABLE, "the event store is unavailable, retry later");
    }
}

} // namespace leadtrail::relay
