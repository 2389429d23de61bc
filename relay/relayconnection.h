#pragma once

#include <atomic>
#include <mutex>
#include <string>

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/TCPServerConnection.h>

namespace leadtrail::relay {

class RelayConnectionFactory;
class RelaySession;

/**
 * One client connection: Poco's HTTPServerConnection loop (parse, route to
 * the handler factory, 100-continue, 400 for malformed requests, keep-alive
 * and its request limit, orderly stop) on a RelaySession, whose wait for the
 * next keep-alive request costs one poll(2) instead of Poco's four epoll
 * calls. Registered with its factory, which ends it when the server stops
 * (Poco's own connections use the handler factory's serverStopped event,
 * which only they may reach).
 */
class RelayConnection final : public Poco::Net::TCPServerConnection
{
public:
    RelayConnection(const Poco::Net::StreamSocket &socket, Poco::Net::HTTPServerParams::Ptr params,
                    Poco::Net::HTTPRequestHandlerFactory::Ptr handlers, RelayConnectionFactory &owner);
    ~RelayConnection() override;
    RelayConnection(const RelayConnection &) = delete;
    RelayConnection &operator=(const RelayConnection &) = delete;

    void run() override;
    /** Ends the connection; graceful (abortCurrent false) lets the request being served finish first. */
    void stop(bool abortCurrent);

private:
    /** Serves one request; false when the connection must end. */
    bool serve(RelaySession &session);
    static void sendError(RelaySession &session, Poco::Net::HTTPResponse::HTTPStatus status);

    Poco::Net::HTTPServerParams::Ptr m_params;
    Poco::Net::HTTPRequestHandlerFactory::Ptr m_handlers;
    RelayConnectionFactory &m_owner;
    const std::string m_serverName;
    std::atomic<bool> m_stopped{false};
    // Held while a request is served, so a graceful stop lets it finish first.
    std::mutex m_mutex;
};

} // namespace leadtrail::relay
