#pragma once

#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerSession.h>
#include <Poco/Timespan.h>

namespace leadtrail::relay {

/**
 * Poco's HTTP server session with the relay's own wait for the next request.
 * Poco 1.11's hasMoreRequests() waits through Socket::poll(), which on
 * Debian's epoll build creates, registers, waits on and closes an epoll
 * instance for every keep-alive request (four system calls, about 12% of the
 * relay's CPU under load); waitForRequest() keeps the same rules (request
 * timeout for the first request, keep-alive timeout and request limit after
 * that, pipelined bytes already buffered count) with one plain poll(2).
 */
class RelaySession final : public Poco::Net::HTTPServerSession
{
public:
    RelaySession(const Poco::Net::StreamSocket &socket, const Poco::Net::HTTPServerParams::Ptr &params);

    /** True when a request's first bytes are there; false on timeout, hang-up or the end of keep-alive. */
    bool waitForRequest();
    /** Whether the answer to the request being served may keep the connection open (the request limit). */
    bool mayKeepAlive() const { return m_requestsLeft != 0; }

private:
    bool readable(const Poco::Timespan &timeout);

    bool m_firstRequest = true;
    Poco::Timespan m_keepAliveTimeout;
    int m_requestsLeft;
};

} // namespace leadtrail::relay
