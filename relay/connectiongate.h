#pragma once

#include <atomic>
#include <cstdint>
#include <memory>

namespace leadtrail::relay {

/**
 * Keeps answers in request order on a connection whose answers the writer
 * thread sends (DeferredAnswer): a connection is "busy" from the moment its
 * answer is queued until it is on the wire, and the next request on it waits
 * for that (only a pipelining client ever does). Also counts the answers in
 * flight so that shutdown can let them all out before Poco shuts the sockets.
 * Connections are keyed by their socket descriptor; a reused number only
 * makes a new connection wait for the old one's last answer.
 */
class ConnectionGate final
{
public:
    ConnectionGate();
    ConnectionGate(const ConnectionGate &) = delete;
    ConnectionGate &operator=(const ConnectionGate &) = delete;

    /** Marks the connection busy; false (nothing marked) while closed or for a descriptor beyond the table. */
    bool enter(int connection);
    /** The connection's answer is sent (or given up): the next request on it may go. */
    void leave(int connection);
    /** Blocks while an answer of this connection is still queued. */
    void waitUntilAnswered(int connection) const;

    /** From now on enter() fails; returns when every entered answer has left. */
    void close();
    void open();

private:
    static constexpr int s_connections = 65536;
    std::unique_ptr<std::atomic<std::uint8_t>[]> m_busy;
    std::atomic<int> m_inFlight{0};
    std::atomic<bool> m_closed{false};
};

} // namespace leadtrail::relay
