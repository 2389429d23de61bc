#include "relayconfig.h"

#include "protocol/base64url.h"
#include "protocol/pairing.h"
#include "protocol/secure.h"

#include <cctype>
#include <fstream>
#include <sstream>

#include <Poco/AutoPtr.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace leadtrail::relay {

namespace {

constexpr const char *keysKey = "relay.signing.keys";

protocol::Keyring parseKeyring(const std::string &text)
{
    protocol::Keyring ring;
    const Poco::StringTokenizer items(text, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    for (const std::string &item : items) {
        const auto colon = item.find(':');
        unsigned id = 0;
        std::string secret;
        if (colon == std::string::npos || !Poco::NumberParser::tryParseUnsigned(item.substr(0, colon), id)
            || !protocol::fromHex(item.substr(colon + 1), secret) || secret.size() < protocol::tokenMinSecretSize)
            throw Poco::DataFormatException(std::string(keysKey) + ": each key must be <id>:<64+ hex digits>");
        ring.add(protocol::SigningKey{id, secret});
    }
    if (!ring.current())
        throw Poco::DataFormatException(std::string(keysKey) + " is empty: run leadtrail-relay init");
    return ring;
}

std::string newKeyEntry(std::uint32_t id)
{
    return std::to_string(id) + ":" + protocol::toHex(protocol::randomBytes(32));
}

/** Writes via a temporary file and rename, mode 0600, so a crash never leaves half a config. */
void writePrivateFile(const std::string &path, const std::string &content)
{
    const std::string tmp = path + ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        throw Poco::FileException("cannot write " + tmp);
    ::fchmod(fd, 0600);
    std::size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n <= 0) {
            ::close(fd);
            ::unlink(tmp.c_str());
            throw Poco::FileException("cannot write " + tmp);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0 || ::rename(tmp.c_str(), path.c_str()) != 0) {
        ::unlink(tmp.c_str());
        throw Poco::FileException("cannot replace " + path);
    }
}

int getInt(const Poco::Util::AbstractConfiguration &c, const std::string &key, int def, int min, int max)
{
    int v = def;
    try {
        v = c.getInt(key, def);
    } catch (const Poco::Exception &) {
        throw Poco::DataFormatException(key + " must be a whole number");
    }
    if (v < min || v > max)
        throw Poco::DataFormatException(key + " must be between " + std::to_string(min) + " and " + std::to_string(max));
    return v;
}

} // namespace

RelayConfig RelayConfig::load(const std::string &path)
{
    if (!Poco::File(path).exists())
        throw Poco::FileNotFoundException("config file " + path + " does not exist: run leadtrail-relay init");
    Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> c(new Poco::Util::PropertyFileConfiguration(path));
    RelayConfig config;
    config.publicUrl = c->getString("relay.public_url", "");
    if (!protocol::isValidPublicUrl(config.publicUrl))
        throw Poco::DataFormatException("relay.public_url must be an http(s) URL without query");
    config.bindAddress = c->getString("relay.bind", config.bindAddress);
    config.port = static_cast<std::uint16_t>(getInt(*c, "relay.port", config.port, 0, 65535));
    config.keyring = parseKeyring(c->getString(keysKey, ""));
    config.apiKey = c->getString("relay.api_key", "");
    config.postbackKey = c->getString("relay.postback_key", "");
    if (config.apiKey.size() < 16 || config.postbackKey.size() < 16)
        throw Poco::DataFormatException("relay.api_key and relay.postback_key must be at least 16 characters");
    config.fallbackUrl = c->getString("relay.fallback_url", config.publicUrl + "/");
    if (!protocol::isValidPublicUrl(config.fallbackUrl))
        throw Poco::DataFormatException("relay.fallback_url must be an http(s) URL without query");
    config.clickIdsEnabled = c->getBool("relay.click_id.enabled", config.clickIdsEnabled);
    config.clickIdParam = c->getString("relay.click_id.param", config.clickIdParam);
    for (const char ch : config.clickIdParam) {
        if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '_' && ch != '-')
            throw Poco::DataFormatException("relay.click_id.param may hold only letters, digits, _ and -");
    }
    if (config.clickIdParam.empty())
        throw Poco::DataFormatException("relay.click_id.param is empty");
    config.storeKind = Poco::toLower(c->getString("relay.store.kind", config.storeKind));
    if (config.storeKind != "sqlite" && config.storeKind != "postgresql")
        throw Poco::DataFormatException("relay.store.kind must be sqlite or postgresql");
    config.storePostgres = c->getString("relay.store.postgresql", "");
    if (config.storeKind == "postgresql" && config.storePostgres.empty())
        throw Poco::DataFormatException(
            "relay.store.postgresql (a connection string such as host=db.example dbname=relay user=relay) is missing");
    config.storePath = c->getString("relay.store.path", config.storePath);
    config.storeSynchronous = Poco::toLower(c->getString("relay.store.synchronous", config.storeSynchronous));
    if (config.storeSynchronous != "full" && config.storeSynchronous != "normal")
        throw Poco::DataFormatException("relay.store.synchronous must be full or normal");
    config.retentionDays = getInt(*c, "relay.retention_days", config.retentionDays, 1, 36500);
    const Poco::StringTokenizer proxies(c->getString("relay.trusted_proxies", ""), ",",
                                        Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    config.trustedProxies.assign(proxies.begin(), proxies.end());
    config.dataDir = c->getString("relay.data_dir", config.dataDir);
    config.maxThreads = getInt(*c, "relay.http.max_threads", config.maxThreads, 2, 4096);
    config.maxQueued = getInt(*c, "relay.http.max_queued", config.maxQueued, 1, 65536);
    config.timeoutSeconds = getInt(*c, "relay.http.timeout_seconds", config.timeoutSeconds, 1, 300);
    config.keepAliveSeconds = getInt(*c, "relay.http.keepalive_seconds", config.keepAliveSeconds, 1, 300);
    config.maxKeepAliveRequests = getInt(*c, "relay.http.max_keepalive_requests", config.maxKeepAliveRequests, 1, 1000000);
    config.maxUriLength = static_cast<std::size_t>(getInt(*c, "relay.http.max_uri", 8192, 256, 16384));
    return config;
}

void RelayConfig::writeNew(const std::string &path, const std::string &publicUrl)
{
    if (!protocol::isValidPublicUrl(publicUrl))
        throw Poco::InvalidArgumentException("--public-url must be an http(s) URL without query, e.g. https://track.example.com");
    if (Poco::File(path).exists())
        throw Poco::FileExistsException(path + " already exists; use rotate-key to add a signing key");
    std::string url = publicUrl;
    while (url.size() > 8 && url.back() == '/')
        url.pop_back();
    std::ostringstream out;
    out << "# leadtrail-relay configuration. Holds secrets: keep it mode 0600.\n"
           "# Written by 'leadtrail-relay init'; see leadtrail-relay.conf.sample for every key.\n"
           "relay.public_url = " << url << "\n"
           "relay.bind = 127.0.0.1\n"
           "relay.port = 8080\n"
           "# id:hex, oldest first; the last one signs new mail. Never remove a key that\n"
           "# signed mail people may still open.\n"
           << keysKey << " = " << newKeyEntry(1) << "\n"
           "relay.api_key = " << protocol::base64UrlEncode(protocol::randomBytes(32)) << "\n"
           "relay.postback_key = " << protocol::base64UrlEncode(protocol::randomBytes(32)) << "\n"
           "relay.fallback_url = " << url << "/\n"
           "relay.click_id.enabled = true\n"
           "relay.click_id.param = lt_cid\n"
           "relay.store.path = /var/lib/leadtrail-relay/events.sqlite\n"
           "relay.retention_days = 90\n"
           "relay.trusted_proxies = 127.0.0.1/32, ::1/128\n"
           "relay.data_dir = /usr/share/leadtrail-relay\n";
    writePrivateFile(path, out.str());
}

std::uint32_t RelayConfig::rotateKey(const std::string &path)
{
    const RelayConfig current = load(path);
    std::uint32_t next = 0;
    for (const protocol::SigningKey &k : current.keyring.keys())
        next = std::max(next, k.id);
    ++next;
    std::ifstream in(path);
    std::ostringstream out;
    std::string line;
    bool replaced = false;
    while (std::getline(in, line)) {
        const std::string trimmed = Poco::trimLeft(line);
        if (!replaced && trimmed.rfind(keysKey, 0) == 0) {
            line = Poco::trimRight(line) + "," + newKeyEntry(next);
            replaced = true;
        }
        out << line << '\n';
    }
    if (!replaced)
        throw Poco::DataFormatException(std::string(keysKey) + " not found in " + path);
    writePrivateFile(path, out.str());
    return next;
}

} // namespace leadtrail::relay
