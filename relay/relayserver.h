#pragma once

#include "relayconfig.h"

#include <cstdint>
#include <memory>

namespace Poco {
class ThreadPool;
}
namespace Poco::Net {
class TCPServer;
}

namespace leadtrail::relay {

class EventStore;
class EventWriter;
class Metrics;
class RelayConnectionFactory;
class RelayContext;

/**
 * The whole relay in one object: store, writer thread, context and the Poco
 * TCPServer serving RelayConnections (Poco's HTTP connection loop without its
 * per-request epoll instance) with a thread pool sized for keep-alive
 * clients. Used by the application and, on port 0, by the tests in-process.
 */
class RelayServer final
{
public:
    /** Opens the store and loads the data files; throws with a clear message on bad config. */
    explicit RelayServer(RelayConfig config);
    ~RelayServer();
    RelayServer(const RelayServer &) = delete;
    RelayServer &operator=(const RelayServer &) = delete;

    /** Binds (port 0 picks a free port) and starts serving. */
    void start();
    /** The bound port, valid after start(). */
    std::uint16_t port() const;
    /**
     * Stops accepting, lets requests in flight finish (long polls are released),
     * then commits everything queued and stops the writer.
     */
    void stop();

    const RelayConfig &config() const { return m_config; }
    Metrics &metrics() { return *m_metrics; }
    EventStore &store() { return *m_store; }

private:
    RelayConfig m_config;
    std::unique_ptr<Metrics> m_metrics;
    std::unique_ptr<EventStore> m_store;
    std::unique_ptr<EventWriter> m_writer;
    std::unique_ptr<RelayContext> m_context;
    std::unique_ptr<Poco::ThreadPool> m_pool;
    std::unique_ptr<Poco::Net::TCPServer> m_server;
    RelayConnectionFactory *m_connections = nullptr; // owned by m_server
    std::uint16_t m_port = 0;
};

} // namespace leadtrail::relay
