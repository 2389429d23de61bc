#include "relayconnectionfactory.h"

#include "relayconnection.h"

namespace leadtrail::relay {

RelayConnectionFactory::RelayConnectionFactory(Poco::Net::HTTPServerParams::Ptr params,
                                               Poco::Net::HTTPRequestHandlerFactory::Ptr handlers)
    : m_params(std::move(params))
    , m_handlers(std::move(handlers))
{
}

Poco::Net::TCPServerConnection *RelayConnectionFactory::createConnection(const Poco::Net::StreamSocket &socket)
{
    return new RelayConnection(socket, m_params, m_handlers, *this);
}

void RelayConnectionFactory::stopConnections(bool abortCurrent)
{
    // Held throughout: a connection ending meanwhile waits in remove() while
    // its members are still whole.
    const std::lock_guard lock(m_mutex);
    for (RelayConnection *connection : m_open)
        connection->stop(abortCurrent);
}

void RelayConnectionFactory::add(RelayConnection *connection)
{
    const std::lock_guard lock(m_mutex);
    m_open.insert(connection);
}

void RelayConnectionFactory::remove(RelayConnection *connection)
{
    const std::lock_guard lock(m_mutex);
    m_open.erase(connection);
}

} // namespace leadtrail::relay
