#include "metrics.h"

#include <sstream>

namespace leadtrail::relay {

namespace {

constexpr std::array<std::string_view, static_cast<int>(Endpoint::Count)> endpointNames{
    "open", "click", "unsubscribe", "postback", "events", "healthz", "metrics", "other"};

} // namespace

std::size_t Metrics::statusIndex(int status)
{
    for (std::size_t i = 0; i < s_statuses.size(); ++i) {
        if (s_statuses[i] == status)
            return i;
    }
    return s_otherStatus;
}

void Metrics::countRequest(Endpoint endpoint, int status)
{
    m_requests[static_cast<int>(endpoint)][statusIndex(status)].fetch_add(1, std::memory_order_relaxed);
}

void Metrics::countBadToken(Endpoint endpoint)
{
    m_badTokens[static_cast<int>(endpoint)].fetch_add(1, std::memory_order_relaxed);
}

void Metrics::countStoreError()
{
    m_storeErrors.fetch_add(1, std::memory_order_relaxed);
}

void Metrics::countEventsStored(std::uint64_t n)
{
    m_eventsStored.fetch_add(n, std::memory_order_relaxed);
}

void Metrics::observeCommit(double seconds, std::size_t batchSize)
{
    std::size_t i = 0;
    while (i < s_buckets.size() && seconds > s_buckets[i])
        ++i;
    m_commitBuckets[i].fetch_add(1, std::memory_order_relaxed);
    m_commitCount.fetch_add(1, std::memory_order_relaxed);
    m_commitMicros.fetch_add(static_cast<std::uint64_t>(seconds * 1e6), std::memory_order_relaxed);
    m_batchedEvents.fetch_add(batchSize, std::memory_order_relaxed);
}

std::uint64_t Metrics::requests(Endpoint endpoint, int status) const
{
    return m_requests[static_cast<int>(endpoint)][statusIndex(status)].load();
}

std::uint64_t Metrics::badTokens(Endpoint endpoint) const
{
    return m_badTokens[static_cast<int>(endpoint)].load();
}

std::string Metrics::renderPrometheus() const
{
    std::ostringstream out;
    out << "# HELP leadtrail_relay_requests_total HTTP requests answered, by endpoint and status.\n"
           "# TYPE leadtrail_relay_requests_total counter\n";
    for (int e = 0; e < static_cast<int>(Endpoint::Count); ++e) {
        for (std::size_t s = 0; s <= s_statuses.size(); ++s) {
            const std::uint64_t n = m_requests[e][s].load();
            if (n == 0)
                continue;
            out << "leadtrail_relay_requests_total{endpoint=\"" << endpointNames[e] << "\",status=\"";
            if (s == s_otherStatus)
                out << "other";
            else
                out << s_statuses[s];
            out << "\"} " << n << '\n';
        }
    }
    out << "# HELP leadtrail_relay_bad_tokens_total Requests whose token did not verify, by endpoint.\n"
           "# TYPE leadtrail_relay_bad_tokens_total counter\n";
    for (int e = 0; e < static_cast<int>(Endpoint::Count); ++e) {
        if (e == static_cast<int>(Endpoint::Open) || e == static_cast<int>(Endpoint::Click)
            || e == static_cast<int>(Endpoint::Unsubscribe))
            out << "leadtrail_relay_bad_tokens_total{endpoint=\"" << endpointNames[e] << "\"} " << m_badTokens[e].load() << '\n';
    }
    out << "# HELP leadtrail_relay_events_stored_total Events committed to the store.\n"
           "# TYPE leadtrail_relay_events_stored_total counter\n"
           "leadtrail_relay_events_stored_total " << m_eventsStored.load() << '\n';
    out << "# HELP leadtrail_relay_store_errors_total Batches the store failed to commit.\n"
           "# TYPE leadtrail_relay_store_errors_total counter\n"
           "leadtrail_relay_store_errors_total " << m_storeErrors.load() << '\n';
    out << "# HELP leadtrail_relay_store_batch_events_total Events written by group commits (divide by the commit count for the mean batch).\n"
           "# TYPE leadtrail_relay_store_batch_events_total counter\n"
           "leadtrail_relay_store_batch_events_total " << m_batchedEvents.load() << '\n';
    out << "# HELP leadtrail_relay_store_commit_seconds Latency of one group commit.\n"
           "# TYPE leadtrail_relay_store_commit_seconds histogram\n";
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < s_buckets.size(); ++i) {
        cumulative += m_commitBuckets[i].load();
        out << "leadtrail_relay_store_commit_seconds_bucket{le=\"" << s_buckets[i] << "\"} " << cumulative << '\n';
    }
    cumulative += m_commitBuckets[s_buckets.size()].load();
    out << "leadtrail_relay_store_commit_seconds_bucket{le=\"+Inf\"} " << cumulative << '\n'
        << "leadtrail_relay_store_commit_seconds_sum " << static_cast<double>(m_commitMicros.load()) / 1e6 << '\n'
        << "leadtrail_relay_store_commit_seconds_count " << m_commitCount.load() << '\n';
    return out.str();
}

} // namespace leadtrail::relay
