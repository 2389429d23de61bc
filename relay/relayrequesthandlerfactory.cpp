#include "relayrequesthandlerfactory.h"

#include "clickhandler.h"
#include "deferredanswer.h"
#include "eventsapihandler.h"
#include "eventwriter.h"
#include "openhandler.h"
#include "plainhandler.h"
#include "postbackhandler.h"
#include "relaycontext.h"
#include "requesttarget.h"
#include "unsubscribehandler.h"

#include <Poco/Net/HTTPServerRequest.h>

namespace leadtrail::relay {

Poco::Net::HTTPRequestHandler *RelayRequestHandlerFactory::createRequestHandler(const Poco::Net::HTTPServerRequest &request)
{
    using Kind = PlainHandler::Kind;
    // A pipelined request waits until the writer has sent the answer before it.
    m_context.writer().waitForAnswers(DeferredAnswer::connectionOf(request));
    const std::string &uri = request.getURI();
    if (uri.size() > m_context.config().maxUriLength)
        return new PlainHandler(m_context, Endpoint::Other, Kind::UriTooLong);
    const RequestTarget target = RequestTarget::parse(uri);
    const std::string &method = request.getMethod();
    const bool getOrHead = method == "GET" || method == "HEAD";
    switch (target.route) {
    case Route::Open:
        return getOrHead ? static_cast<Poco::Net::HTTPRequestHandler *>(new OpenHandler(m_context, target.token))
                         : new PlainHandler(m_context, Endpoint::Open, Kind::MethodNotAllowed);
    case Route::Click:
        return getOrHead ? static_cast<Poco::Net::HTTPRequestHandler *>(new ClickHandler(m_context, target.token))
                         : new PlainHandler(m_context, Endpoint::Click, Kind::MethodNotAllowed);
    case Route::Unsubscribe:
        return new UnsubscribeHandler(m_context, target.token);
    case Route::Postback:
        return new PostbackHandler(m_context);
    case Route::Events:
        return new EventsApiHandler(m_context);
    case Route::Health:
        return new PlainHandler(m_context, Endpoint::Health, Kind::Health);
    case Route::Metrics:
        return new PlainHandler(m_context, Endpoint::Metrics, Kind::Metrics);
    case Route::NotFound:
        break;
    }
    return new PlainHandler(m_context, Endpoint::Other, Kind::NotFound);
}

} // namespace leadtrail::relay
