#include "deferredanswer.h"

#include <cerrno>

#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/SocketImpl.h>
#include <Poco/Net/StreamSocket.h>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace leadtrail::relay {

DeferredAnswer::DeferredAnswer(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response,
                               std::string_view body, LocationFor location)
    : m_connection(connectionOf(request))
    , m_body(body)
    , m_headOnly(request.getMethod() == "HEAD")
    , m_location(std::move(location))
{
    if (m_connection >= 0)
        m_fd = ::fcntl(m_connection, F_DUPFD_CLOEXEC, 0);
    // What HTTPResponse::write() renders, without the blank line: the Location goes last.
    m_head.reserve(256);
    m_head += response.getVersion();
    m_head += ' ';
    m_head += std::to_string(static_cast<int>(response.getStatus()));
    m_head += ' ';
    m_head += response.getReason();
    m_head += "\r\n";
    for (const auto &[name, value] : response) {
        m_head += name;
        m_head += ": ";
        m_head += value;
        m_head += "\r\n";
    }
}

DeferredAnswer::~DeferredAnswer()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

int DeferredAnswer::connectionOf(const Poco::Net::HTTPServerRequest &request)
{
    // Poco's server hands its handlers HTTPServerRequestImpl; socket() only returns a reference.
    auto *impl = dynamic_cast<const Poco::Net::HTTPServerRequestImpl *>(&request);
    if (!impl)
        return -1;
    const Poco::Net::SocketImpl *socketImpl = const_cast<Poco::Net::HTTPServerRequestImpl *>(impl)->socket().impl();
    return socketImpl ? static_cast<int>(socketImpl->sockfd()) : -1;
}

std::string DeferredAnswer::location(bool stored) const
{
    return m_location ? m_location(event, stored) : std::string();
}

bool DeferredAnswer::send(bool stored)
{
    std::string out;
    const std::string where = location(stored);
    out.reserve(m_head.size() + where.size() + m_body.size() + 16);
    out += m_head;
    if (!where.empty()) {
        out += "Location: ";
        out += where;
        out += "\r\n";
    }
    out += "\r\n";
    if (!m_headOnly)
        out += m_body;
    std::size_t sent = 0;
    while (sent < out.size()) {
        const ssize_t n = ::send(m_fd, out.data() + sent, out.size() - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            // Gone, or its socket buffer is full of unread answers: end the connection.
            ::shutdown(m_fd, SHUT_RDWR);
            return false;
        }
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

} // namespace leadtrail::relay
