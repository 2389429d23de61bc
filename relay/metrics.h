#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

namespace leadtrail::relay {

/** The endpoints the relay counts requests for. */
enum class Endpoint : int { Open, Click, Unsubscribe, Postback, Events, Health, Metrics, Other, Count };

/**
 * Lock-free counters and the commit latency histogram, rendered in the
 * Prometheus text format by /metrics. Shared by every handler thread.
 */
class Metrics final
{
public:
    Metrics() = default;
    Metrics(const Metrics &) = delete;
    Metrics &operator=(const Metrics &) = delete;

    void countRequest(Endpoint endpoint, int status);
    void countBadToken(Endpoint endpoint);
    void countStoreError();
    void countEventsStored(std::uint64_t n);
    void observeCommit(double seconds, std::size_t batchSize);

    std::uint64_t requests(Endpoint endpoint, int status) const;
    std::uint64_t badTokens(Endpoint endpoint) const;
    std::uint64_t eventsStored() const { return m_eventsStored.load(); }

    std::string renderPrometheus() const;

private:
    static constexpr std::array<int, 13> s_statuses{200, 204, 302, 400, 401, 403, 404, 405, 413, 414, 431, 500, 503};
    static constexpr std::size_t s_otherStatus = s_statuses.size();
    static constexpr std::array<double, 12> s_buckets{0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 5.0};
    static std::size_t statusIndex(int status);

    std::array<std::array<std::atomic<std::uint64_t>, s_statuses.size() + 1>, static_cast<int>(Endpoint::Count)> m_requests{};
    std::array<std::atomic<std::uint64_t>, static_cast<int>(Endpoint::Count)> m_badTokens{};
    std::array<std::atomic<std::uint64_t>, s_buckets.size() + 1> m_commitBuckets{};
    std::atomic<std::uint64_t> m_commitCount{0};
    std::atomic<std::uint64_t> m_commitMicros{0};
    std::atomic<std::uint64_t> m_batchedEvents{0};
    std::atomic<std::uint64_t> m_eventsStored{0};
    std::atomic<std::uint64_t> m_storeErrors{0};
};

} // namespace leadtrail::relay
