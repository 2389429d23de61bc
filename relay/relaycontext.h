#pragma once

#include "event.h"
#include "iprangeset.h"
#include "relayconfig.h"
#include "scannersignatures.h"

#include <string>

namespace Poco::Net {
class HTTPServerRequest;
}

namespace leadtrail::relay {

class EventStore;
class EventWriter;
class Metrics;

/**
 * What every handler needs, owned by RelayServer and shared read-only by all
 * request threads (the writer, store and metrics are thread-safe).
 */
class RelayContext final
{
public:
    RelayContext(const RelayConfig &config, EventStore &store, EventWriter &writer, Metrics &metrics);
    RelayContext(const RelayContext &) = delete;
    RelayContext &operator=(const RelayContext &) = delete;

    const RelayConfig &config() const { return m_config; }
    EventStore &store() const { return m_store; }
    EventWriter &writer() const { return m_writer; }
    Metrics &metrics() const { return m_metrics; }
    const ScannerSignatures &scanners() const { return m_scanners; }
    const IpRangeSet &appleRanges() const { return m_appleRanges; }

    /** The client's address: X-Forwarded-For is believed only when the peer is a trusted proxy. */
    std::string clientIp(const Poco::Net::HTTPServerRequest &request) const;

    /** An event of this type with the request's evidence and first-pass signals filled in. */
    Event eventFor(const Poco::Net::HTTPServerRequest &request, EventType type, std::int64_t issuedAt) const;

    /** Milliseconds since the epoch, UTC. */
    static std::int64_t nowMs();

private:
    const RelayConfig &m_config;
    EventStore &m_store;
    EventWriter &m_writer;
    Metrics &m_metrics;
    ScannerSignatures m_scanners;
    IpRangeSet m_appleRanges;
    IpRangeSet m_trustedProxies;
};

} // namespace leadtrail::relay
