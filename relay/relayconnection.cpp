#include "relayconnection.h"

#include "relayconnectionfactory.h"
#include "relaysession.h"

#include <memory>

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponseImpl.h>
#include <Poco/Net/NetException.h>
#include <Poco/Timestamp.h>

namespace leadtrail::relay {

RelayConnection::RelayConnection(const Poco::Net::StreamSocket &socket, Poco::Net::HTTPServerParams::Ptr params,
                                 Poco::Net::HTTPRequestHandlerFactory::Ptr handlers, RelayConnectionFactory &owner)
    : Poco::Net::TCPServerConnection(socket)
    , m_params(std::move(params))
    , m_handlers(std::move(handlers))
    , m_owner(owner)
    , m_serverName(m_params->getSoftwareVersion())
{
    m_owner.add(this);
}

RelayConnection::~RelayConnection()
{
    m_owner.remove(this);
}

void RelayConnection::run()
{
    RelaySession session(socket(), m_params);
    while (session.waitForRequest()) {
        try {
            if (!serve(session))
                break;
        } catch (Poco::Net::NoMessageException &) {
            break; // the client closed between requests
        } catch (Poco::Net::MessageException &) {
            sendError(session, Poco::Net::HTTPResponse::HTTP_BAD_REQUEST);
        } catch (Poco::Exception &) {
            if (session.networkException())
                session.networkException()->rethrow();
            throw;
        }
    }
}

bool RelayConnection::serve(RelaySession &session)
{
    const std::lock_guard lock(m_mutex);
    if (m_stopped)
        return false;
    Poco::Net::HTTPServerResponseImpl response(session);
    Poco::Net::HTTPServerRequestImpl request(response, session, m_params.get());
    response.setDate(Poco::Timestamp());
    response.setVersion(request.getVersion());
    response.setKeepAlive(m_params->getKeepAlive() && request.getKeepAlive() && session.mayKeepAlive());
    if (!m_serverName.empty())
        response.set("Server", m_serverName);
    try {
        const std::unique_ptr<Poco::Net::HTTPRequestHandler> handler(m_handlers->createRequestHandler(request));
        if (!handler) {
            sendError(session, Poco::Net::HTTPResponse::HTTP_NOT_IMPLEMENTED);
            return true;
        }
        if (request.getExpectContinue() && response.getStatus() == Poco::Net::HTTPResponse::HTTP_OK)
            response.sendContinue();
        handler->handleRequest(request, response);
        session.setKeepAlive(m_params->getKeepAlive() && response.getKeepAlive() && session.mayKeepAlive());
    } catch (Poco::Exception &) {
        if (!response.sent()) {
            try {
                sendError(session, Poco::Net::HTTPResponse::HTTP_INTERNAL_SERVER_ERROR);
            } catch (...) {
                // The connection is going anyway; the first error is the one to report.
            }
        }
        throw;
    }
    return true;
}

void RelayConnection::sendError(RelaySession &session, Poco::Net::HTTPResponse::HTTPStatus status)
{
    Poco::Net::HTTPServerResponseImpl response(session);
    response.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
    response.setStatusAndReason(status);
    response.setKeepAlive(false);
    response.send();
    session.setKeepAlive(false);
}

void RelayConnection::stop(bool abortCurrent)
{
    // Graceful: wait for the request being served, then end the connection;
    // the shutdown wakes a connection waiting for its next request.
    std::unique_lock lock(m_mutex, std::defer_lock);
    if (!abortCurrent)
        lock.lock();
    m_stopped = true;
    try {
        socket().shutdown();
    } catch (...) {
        // Already gone: nothing to wake.
    }
}

} // namespace leadtrail::relay
