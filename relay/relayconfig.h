#pragma once

#include "protocol/token.h"

#include <cstdint>
#include <string>
#include <vector>

namespace leadtrail::relay {

/**
 * Everything the relay reads from its config file (Poco properties format,
 * keys under "relay."; see installer/relay/leadtrail-relay.conf.sample).
 * Holds secrets: never log it.
 */
struct RelayConfig
{
    std::string publicUrl;
    std::string bindAddress = "127.0.0.1";
    std::uint16_t port = 8080;
    protocol::Keyring keyring;
    std::string apiKey;
    std::string postbackKey;
    std::string fallbackUrl;
    bool clickIdsEnabled = true;
    std::string clickIdParam = "lt_cid";
    std::string storeKind = "sqlite"; ///< "sqlite", or "postgresql" for several relays sharing one database
    std::string storePostgres;        ///< libpq connection string, for storeKind "postgresql" (may hold a password)
    std::string storePath = "/var/lib/leadtrail-relay/events.sqlite";
    std::string storeSynchronous = "normal"; ///< "normal": survives kill -9; "full": also power loss (one fsync per group commit)
    int retentionDays = 90;
    std::vector<std::string> trustedProxies; ///< CIDRs whose X-Forwarded-For is believed
    std::string dataDir = "/usr/share/leadtrail-relay";
    int maxThreads = 256;
    int maxQueued = 512;
    int timeoutSeconds = 10;
    int keepAliveSeconds = 5;
    int maxKeepAliveRequests = 10000;
    std::size_t maxUriLength = 8192;

    /** Reads a config file; throws Poco::Exception with a message naming the bad key. */
    static RelayConfig load(const std::string &path);

    /**
     * Writes a new config with fresh random keys, mode 0600, refusing to
     * overwrite an existing file (that would orphan every email already sent).
     */
    static void writeNew(const std::string &path, const std::string &publicUrl);

    /** Adds a fresh signing key to the file and makes it current; keeps the old ones. Returns its id. */
    static std::uint32_t rotateKey(const std::string &path);
};

} // namespace leadtrail::relay
