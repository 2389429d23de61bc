#include "relayserver.h"

#include "eventwriter.h"
#include "metrics.h"
#include "postgreseventstore.h"
#include "relayconnectionfactory.h"
#include "relaycontext.h"
#include "relayrequesthandlerfactory.h"
#include "relayversion.h"
#include "sqliteeventstore.h"

#include <chrono>
#include <thread>

#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/ThreadPool.h>

namespace leadtrail::relay {

RelayServer::RelayServer(RelayConfig config)
    : m_config(std::move(config))
    , m_metrics(std::make_unique<Metrics>())
    , m_store(m_config.storeKind == "postgresql"
                  ? std::unique_ptr<EventStore>(std::make_unique<PostgresEventStore>(m_config.storePostgres))
                  : std::make_unique<SqliteEventStore>(m_config.storePath, m_config.storeSynchronous))
    , m_writer(std::make_unique<EventWriter>(*m_store, *m_metrics,
                                             std::int64_t(m_config.retentionDays) * 24 * 3600 * 1000))
    , m_context(std::make_unique<RelayContext>(m_config, *m_store, *m_writer, *m_metrics))
{
}

RelayServer::~RelayServer()
{
    stop();
}

void RelayServer::start()
{
    if (m_server)
        return;
    m_writer->start();
    Poco::Net::ServerSocket socket;
    socket.bind(Poco::Net::SocketAddress(m_config.bindAddress, m_config.port), true);
    socket.listen(1024);
    m_port = socket.address().port();

    auto *params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(m_config.maxThreads);
    params->setMaxQueued(m_config.maxQueued);
    params->setTimeout(Poco::Timespan(m_config.timeoutSeconds, 0));
    params->setKeepAlive(true);
    params->setKeepAliveTimeout(Poco::Timespan(m_config.keepAliveSeconds, 0));
    params->setMaxKeepAliveRequests(m_config.maxKeepAliveRequests);
    params->setServerName("leadtrail-relay");
    params->setSoftwareVersion("leadtrail-relay/" + version());
    // Poco's default pool stops at 16 threads; every keep-alive client holds one.
    m_pool = std::make_unique<Poco::ThreadPool>("relay", 4, m_config.maxThreads + 4, 60);
    Poco::Net::HTTPServerParams::Ptr shared(params);
    m_connections = new RelayConnectionFactory(shared, new RelayRequestHandlerFactory(*m_context));
    m_server = std::make_unique<Poco::Net::TCPServer>(m_connections, *m_pool, socket, shared);
    m_server->start();
}

std::uint16_t RelayServer::port() const
{
    return m_port;
}

void RelayServer::stop()
{
    if (m_server) {
        // Stop accepting, and let the writer send every answer handed to it before
        // Poco shuts the connections; later requests answer on their own threads,
        // which stopConnections() waits for.
        m_server->stop();
        m_writer->finishAnswers();
        m_connections->stopConnections(false);
        m_writer->releaseWaiters();
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (m_server->currentConnections() > 0 && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        m_server.reset();
        m_connections = nullptr;
        m_pool->joinAll();
        m_pool.reset();
    }
    m_writer->stop();
}

} // namespace leadtrail::relay
