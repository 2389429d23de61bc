#include "relaycontext.h"

#include "protocol/text.h"

#include <chrono>

#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerRequest.h>

namespace leadtrail::relay {

RelayContext::RelayContext(const RelayConfig &config, EventStore &store, EventWriter &writer, Metrics &metrics)
    : m_config(config), m_store(store), m_writer(writer), m_metrics(metrics)
{
    auto &log = Poco::Logger::get("leadtrail.relay");
    const std::string scanners = config.dataDir + "/scanners.txt";
    if (!m_scanners.loadFile(scanners))
        log.warning("no scanner signatures at " + scanners + ": scanner signals are off");
    const std::string apple = config.dataDir + "/apple-mpp-ranges.txt";
    std::size_t badLines = 0, firstBadLine = 0;
    if (!m_appleRanges.loadFile(apple, &badLines, &firstBadLine))
        log.warning("no Apple MPP ranges at " + apple + ": only the user agent marks MPP opens");
    else if (badLines > 0)
        log.warning(apple + ": skipped " + std::to_string(badLines) + " lines that are not address ranges (the first is line "
                    + std::to_string(firstBadLine) + ")");
    for (const std::string &cidr : config.trustedProxies) {
        if (!m_trustedProxies.add(cidr))
            throw Poco::DataFormatException("relay.trusted_proxies: not an address or CIDR: " + cidr);
    }
}

std::int64_t RelayContext::nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string RelayContext::clientIp(const Poco::Net::HTTPServerRequest &request) const
{
    std::string peer = request.clientAddress().host().toString();
    if (m_trustedProxies.size() == 0 || !m_trustedProxies.contains(peer))
        return peer;
    const std::string &xff = request.get("X-Forwarded-For", "");
    // Walk from the nearest hop outwards; the first address not a proxy of ours is the client.
    std::string_view rest(xff);
    std::string candidate = peer;
    while (!rest.empty()) {
        const auto comma = rest.rfind(',');
        const std::string hop(protocol::trimmed(comma == std::string_view::npos ? rest : rest.substr(comma + 1)));
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
        std::array<std::uint8_t, 16> parsed{};
        if (!IpRangeSet::parse(hop, parsed))
            break; // a forged or broken entry: stop at the last address we could trust
        candidate = hop;
        if (!m_trustedProxies.contains(hop))
            break;
    }
    return candidate;
}

Event RelayContext::eventFor(const Poco::Net::HTTPServerRequest &request, EventType type, std::int64_t issuedAt) const
{
    Event e;
    e.type = type;
    e.timeMs = nowMs();
    e.method = request.getMethod();
    e.ip = clientIp(request);
    e.userAgent = request.get("User-Agent", "").substr(0, 1024);
    e.scanner = std::string(m_scanners.match(e.userAgent));
    e.head = e.method == "HEAD";
    e.ageSeconds = issuedAt > 0 ? e.timeMs / 1000 - issuedAt : 0;
    if (type == EventType::Open) {
        // Apple's MPP proxy sends a bare "Mozilla/5.0" and comes from Apple's egress ranges.
        e.appleMpp = e.userAgent == "Mozilla/5.0" || m_appleRanges.contains(e.ip);
    }
    return e;
}

} // namespace leadtrail::relay
