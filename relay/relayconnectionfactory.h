#pragma once

#include <mutex>
#include <set>

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/TCPServerConnectionFactory.h>

namespace leadtrail::relay {

class RelayConnection;

/**
 * Makes a RelayConnection for each accepted client, all routed to one
 * handler factory; owned by the TCPServer. stopConnections() is what
 * HTTPServer::stopAll() does after stop(): ends every open connection.
 */
class RelayConnectionFactory final : public Poco::Net::TCPServerConnectionFactory
{
public:
    RelayConnectionFactory(Poco::Net::HTTPServerParams::Ptr params, Poco::Net::HTTPRequestHandlerFactory::Ptr handlers);

    Poco::Net::TCPServerConnection *createConnection(const Poco::Net::StreamSocket &socket) override;
    /** Graceful (abortCurrent false): requests being served finish first. */
    void stopConnections(bool abortCurrent);

    /** RelayConnection's constructor and destructor: the connections stopConnections() ends. */
    void add(RelayConnection *connection);
    void remove(RelayConnection *connection);

private:
    Poco::Net::HTTPServerParams::Ptr m_params;
    Poco::Net::HTTPRequestHandlerFactory::Ptr m_handlers;
    std::mutex m_mutex;
    std::set<RelayConnection *> m_open;
};

} // namespace leadtrail::relay
