#include "protocol/pairing.h"

#include "protocol/base64url.h"
#include "protocol/secure.h"
#include "protocol/text.h"

#include <Poco/SHA2Engine.h>

namespace leadtrail::protocol {

namespace {

constexpr std::size_t maxUrl = 2048;
constexpr std::size_t checksumSize = 4;

std::string checksum(std::string_view bytes)
{
    Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
    sha.update(bytes.data(), static_cast<unsigned>(bytes.size()));
    const Poco::DigestEngine::Digest &d = sha.digest();
    return std::string(reinterpret_cast<const char *>(d.data()), checksumSize);
}


/** Reads fields front to back and fails once, at the first short read. */
class Reader final
{
public:
    explicit Reader(std::string_view bytes) : m_bytes(bytes) {}
    bool take(std::size_t n, std::string_view &out)
    {
        if (m_bytes.size() - m_pos < n)
            return false;
        out = m_bytes.substr(m_pos, n);
        m_pos += n;
        return true;
    }
    bool number(std::size_t n, std::uint64_t &out)
    {
        std::string_view raw;
        if (!take(n, raw))
            return false;
        out = 0;
        for (const char c : raw)
            out = (out << 8) | static_cast<std::uint8_t>(c);
        return true;
    }
    std::size_t position() const { return m_pos; }

private:
    std::string_view m_bytes;
    std::size_t m_pos = 0;
};

} // namespace

bool isValidPublicUrl(std::string_view url) noexcept
{
    std::string_view rest;
    if (startsWithNoCase(url, "https://"))
        rest = url.substr(8);
    else if (startsWithNoCase(url, "http://"))
        rest = url.substr(7);
    else
        return false;
    if (rest.empty() || rest.front() == '/' || url.size() > maxUrl)
        return false;
    for (const char c : url) {
        const auto b = static_cast<unsigned char>(c);
        if (b <= 0x20 || b >= 0x7f || c == '?' || c == '#' || c == '\\')
            return false;
    }
    return true;
}

std::string formatPairingCode(const PairingInfo &info)
{
    if (info.publicUrl.size() > maxUrl || info.signingKey.secret.size() > 255 || info.apiKey.size() > 255)
        return {};
    std::string payload;
    payload += static_cast<char>((info.publicUrl.size() >> 8) & 0xff);
    payload += static_cast<char>(info.publicUrl.size() & 0xff);
    payload += info.publicUrl;
    for (int shift = 24; shift >= 0; shift -= 8)
        payload += static_cast<char>((info.signingKey.id >> shift) & 0xff);
    payload += static_cast<char>(info.signingKey.secret.size());
    payload += info.signingKey.secret;
    payload += static_cast<char>(info.apiKey.size());
    payload += info.apiKey;
    payload += checksum(payload);
    return std::string(pairingCodePrefix) + base64UrlEncode(payload);
}

std::optional<PairingInfo> parsePairingCode(std::string_view code) noexcept
{
    try {
        code = trimmed(code);
        if (!startsWithNoCase(code, pairingCodePrefix))
            return std::nullopt;
        const std::optional<std::string> payload = base64UrlDecode(code.substr(pairingCodePrefix.size()));
        if (!payload || payload->size() < checksumSize)
            return std::nullopt;
        const std::string_view body(payload->data(), payload->size() - checksumSize);
        if (!constantTimeEqual(checksum(body), std::string_view(payload->data() + body.size(), checksumSize)))
            return std::nullopt;

        Reader reader(body);
        std::uint64_t urlSize = 0, keyId = 0, secretSize = 0, apiKeySize = 0;
        std::string_view url, secret, apiKey;
        if (!reader.number(2, urlSize) || !reader.take(urlSize, url) || !reader.number(4, keyId)
            || !reader.number(1, secretSize) || !reader.take(secretSize, secret)
            || !reader.number(1, apiKeySize) || !reader.take(apiKeySize, apiKey)
            || reader.position() != body.size())
            return std::nullopt;
        if (!isValidPublicUrl(url) || secret.size() < tokenMinSecretSize || apiKey.empty())
            return std::nullopt;
        PairingInfo info;
        info.publicUrl.assign(url);
        info.signingKey.id = static_cast<std::uint32_t>(keyId);
        info.signingKey.secret.assign(secret);
        info.apiKey.assign(apiKey);
        return info;
    } catch (...) {
        return std::nullopt;
    }
}

} // namespace leadtrail::protocol
