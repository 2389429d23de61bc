#pragma once

#include "deferredanswer.h"
#include "metrics.h"

#include <string>
#include <string_view>

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPResponse.h>

namespace leadtrail::relay {

class RelayContext;

/** Base of the relay's handlers: shared context and one way to answer and count. */
class RelayHandler : public Poco::Net::HTTPRequestHandler
{
public:
    RelayHandler(const RelayContext &context, Endpoint endpoint) : m_context(context), m_endpoint(endpoint) {}

protected:
    /** Sends a complete response with no-store caching and counts it under this endpoint. */
    void send(Poco::Net::HTTPServerResponse &response, Poco::Net::HTTPResponse::HTTPStatus status,
              std::string_view contentType, std::string_view body, bool headOnly = false) const;
    /**
     * Stores the event, then answers like send() (plus a Location when one is
     * given for the commit's outcome): by the writer thread right after the
     * commit when it can, else here after a blocking submit. Either way the
     * answer leaves only after the commit.
     */
    void answerAfterCommit(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response,
                           Poco::Net::HTTPResponse::HTTPStatus status, std::string_view contentType,
                           std::string_view body, Event event, DeferredAnswer::LocationFor location = {}) const;
    /** Plain-text error answer. */
    void fail(Poco::Net::HTTPServerResponse &response, Poco::Net::HTTPResponse::HTTPStatus status,
              std::string_view message) const;
    /** Reads and drops at most limit bytes of body so a keep-alive connection stays usable. */
    static std::string readBody(Poco::Net::HTTPServerRequest &request, std::size_t limit, bool &tooLarge);

    /** The headers send() sets; counts the request. */
    void prepare(Poco::Net::HTTPServerResponse &response, Poco::Net::HTTPResponse::HTTPStatus status,
                 std::string_view contentType, std::size_t length) const;

    const RelayContext &m_context;
    const Endpoint m_endpoint;
};

} // namespace leadtrail::relay
