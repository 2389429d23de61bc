#include "connectiongate.h"

#include <chrono>
#include <thread>

namespace leadtrail::relay {

ConnectionGate::ConnectionGate() : m_busy(new std::atomic<std::uint8_t>[s_connections])
{
    for (int i = 0; i < s_connections; ++i)
        m_busy[i].store(0, std::memory_order_relaxed);
}

bool ConnectionGate::enter(int connection)
{
    if (connection < 0 || connection >= s_connections)
        return false;
    // Counted before the check, both sequentially consistent: close() either
    // sees this answer in flight or this call sees the gate closed.
    m_inFlight.fetch_add(1);
    if (m_closed.load()) {
        m_inFlight.fetch_sub(1);
        return false;
    }
    m_busy[connection].store(1, std::memory_order_release);
    return true;
}

void ConnectionGate::leave(int connection)
{
    m_busy[connection].store(0, std::memory_order_release);
    m_inFlight.fetch_sub(1);
}

void ConnectionGate::waitUntilAnswered(int connection) const
{
    if (connection < 0 || connection >= s_connections)
        return;
    // Only a client that pipelines ever waits here, for one group commit at most.
    while (m_busy[connection].load(std::memory_order_acquire) != 0)
        std::this_thread::sleep_for(std::chrono::microseconds(100));
}

void ConnectionGate::close()
{
    m_closed.store(true);
    while (m_inFlight.load() > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void ConnectionGate::open()
{
    m_closed.store(false);
}

} // namespace leadtrail::relay
