#include "relaysession.h"

#include <cerrno>
#include <chrono>

#include <Poco/Net/SocketImpl.h>

#include <poll.h>

namespace leadtrail::relay {

RelaySession::RelaySession(const Poco::Net::StreamSocket &socket, const Poco::Net::HTTPServerParams::Ptr &params)
    : Poco::Net::HTTPServerSession(socket, params)
    , m_keepAliveTimeout(params->getKeepAliveTimeout())
    , m_requestsLeft(params->getMaxKeepAliveRequests())
{
}

bool RelaySession::waitForRequest()
{
    if (!socket().impl()->initialized())
        return false;
    if (m_firstRequest) {
        m_firstRequest = false;
        if (m_requestsLeft > 0)
            --m_requestsLeft;
        return readable(getTimeout());
    }
    if (m_requestsLeft == 0 || !getKeepAlive())
        return false;
    if (m_requestsLeft > 0) // negative: no limit
        --m_requestsLeft;
    // A pipelining client's next request may already be in the session's buffer.
    return buffered() > 0 || readable(m_keepAliveTimeout);
}

bool RelaySession::readable(const Poco::Timespan &timeout)
{
    pollfd entry{};
    entry.fd = static_cast<int>(socket().impl()->sockfd());
    entry.events = POLLIN;
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + std::chrono::microseconds(timeout.totalMicroseconds());
    for (;;) {
        const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
        const int rc = ::poll(&entry, 1, static_cast<int>(left > 0 ? left : 0));
        if (rc >= 0)
            // Hang-ups and errors count as readable, as with Poco: the read reports them.
            return rc > 0;
        if (errno != EINTR)
            return false;
    }
}

} // namespace leadtrail::relay
