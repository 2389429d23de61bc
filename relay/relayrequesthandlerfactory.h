#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>

namespace leadtrail::relay {

class RelayContext;

/** Routes each request by method and path (RequestTarget) to one small handler. */
class RelayRequestHandlerFactory final : public Poco::Net::HTTPRequestHandlerFactory
{
public:
    explicit RelayRequestHandlerFactory(const RelayContext &context) : m_context(context) {}
    Poco::Net::HTTPRequestHandler *createRequestHandler(const Poco::Net::HTTPServerRequest &request) override;

private:
    const RelayContext &m_context;
};

} // namespace leadtrail::relay
