#include "plainhandler.h"

#include "relaycontext.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

namespace leadtrail::relay {

void PlainHandler::handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response)
{
    using Status = Poco::Net::HTTPResponse::HTTPStatus;
    const bool head = request.getMethod() == "HEAD";
    switch (m_kind) {
    case Kind::Health:
        send(response, Status::HTTP_OK, "text/plain; charset=utf-8", "ok\n", head);
        return;
    case Kind::Metrics:
        send(response, Status::HTTP_OK, "text/plain; version=0.0.4; charset=utf-8",
             m_context.metrics().renderPrometheus(), head);
        return;
    case Kind::NotFound:
        fail(response, Status::HTTP_NOT_FOUND, "not found");
        return;
    case Kind::MethodNotAllowed:
        fail(response, Status::HTTP_METHOD_NOT_ALLOWED, "method not allowed");
        return;
    case Kind::UriTooLong:
        response.setKeepAlive(false);
        fail(response, Status::HTTP_REQUEST_URI_TOO_LONG, "request URI too long");
        return;
    }
}

} // namespace leadtrail::relay
