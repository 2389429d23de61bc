#pragma once

#include "event.h"

#include <functional>
#include <string>
#include <string_view>

namespace Poco::Net {
class HTTPServerRequest;
class HTTPServerResponse;
} // namespace Poco::Net

namespace leadtrail::relay {

/**
 * An answer that the writer thread sends itself once the request's event is
 * committed, so the request's thread goes straight back to its connection
 * instead of sleeping through the commit and being woken for it: one wake-up
 * per request instead of two, and no wait for 64 threads to be scheduled
 * between the commit and the answer. Holds the event, the header rendered
 * from the Poco response, and a duplicate of the connection's descriptor, so
 * a connection closed meanwhile can never have its number reused under the
 * answer.
 */
class DeferredAnswer final
{
public:
    /** The Location for the committed event (stored: it is in the store); empty for none. */
    using LocationFor = std::function<std::string(const Event &event, bool stored)>;

    /** Renders the response's status line and headers now; body must outlive the answer (static data). */
    DeferredAnswer(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response,
                   std::string_view body, LocationFor location);
    ~DeferredAnswer();
    DeferredAnswer(const DeferredAnswer &) = delete;
    DeferredAnswer &operator=(const DeferredAnswer &) = delete;

    /** False when the connection could not be duplicated: answer on the request's thread instead. */
    bool valid() const { return m_fd >= 0; }
    /** The connection's own descriptor, ConnectionGate's key. */
    int connection() const { return m_connection; }
    std::string location(bool stored) const;

    /**
     * Writer thread: sends the whole answer without blocking. A client that
     * is gone or does not read its answers is cut off (false): the writer
     * never waits for one connection.
     */
    bool send(bool stored);

    /** The descriptor of the request's connection, or -1. */
    static int connectionOf(const Poco::Net::HTTPServerRequest &request);

    Event event;

private:
    int m_connection = -1;
    int m_fd = -1;
    std::string m_head;
    std::string_view m_body;
    bool m_headOnly = false;
    LocationFor m_location;
};

} // namespace leadtrail::relay
