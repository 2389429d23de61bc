#pragma once

#include "relayhandler.h"

#include <string>

namespace leadtrail::relay {

/**
 * A fixed answer: /healthz ("ok"), /metrics (rendered at request time) and the
 * 404/405/414 errors, so the router never needs a class per constant reply.
 */
class PlainHandler final : public RelayHandler
{
public:
    enum class Kind { Health, Metrics, NotFound, MethodNotAllowed, UriTooLong };
    PlainHandler(const RelayContext &context, Endpoint endpoint, Kind kind)
        : RelayHandler(context, endpoint), m_kind(kind)
    {
    }
    void handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response) override;

private:
    Kind m_kind;
};

} // namespace leadtrail::relay
