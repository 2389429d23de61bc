#include "protocol/token.h"

#include "protocol/base64url.h"
#include "protocol/secure.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace leadtrail::protocol {

namespace {

void putU32(std::string &out, std::uint32_t v)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        out += static_cast<char>((v >> shift) & 0xff);
}

void putU64(std::string &out, std::uint64_t v)
{
    for (int shift = 56; shift >= 0; shift -= 8)
        out += static_cast<char>((v >> shift) & 0xff);
}

std::uint64_t getBig(std::string_view bytes, std::size_t offset, std::size_t size)
{
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < size; ++i)
        v = (v << 8) | static_cast<std::uint8_t>(bytes[offset + i]);
    return v;
}

/**
 * HMAC-SHA256 truncated to the token's tag size; empty if OpenSSL fails (out
 * of memory), which no tag equals. OpenSSL's SHA-256 uses the CPU's SHA
 * extensions: Poco's portable one was 8% of a campaign send's CPU.
 */
std::string tag(std::string_view message, const std::string &secret)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (!HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
              reinterpret_cast<const unsigned char *>(message.data()), message.size(), digest, &size)
        || size < tokenTagSize)
        return {};
    return std::string(reinterpret_cast<const char *>(digest), tokenTagSize);
}

bool knownKind(std::uint8_t kind)
{
    return kind >= static_cast<std::uint8_t>(TokenKind::Open)
        && kind <= static_cast<std::uint8_t>(TokenKind::Decoy);
}

} // namespace

DeliveryId DeliveryId::random()
{
    const std::string bytes = randomBytes(16);
    DeliveryId id;
    for (std::size_t i = 0; i < id.bytes.size(); ++i)
        id.bytes[i] = static_cast<std::uint8_t>(bytes[i]);
    return id;
}

std::optional<DeliveryId> DeliveryId::fromHex(std::string_view hex)
{
    std::string raw;
    if (hex.size() != 32 || !protocol::fromHex(hex, raw))
        return std::nullopt;
    DeliveryId id;
    for (std::size_t i = 0; i < id.bytes.size(); ++i)
        id.bytes[i] = static_cast<std::uint8_t>(raw[i]);
    return id;
}

std::string DeliveryId::toHex() const
{
    return protocol::toHex(std::string_view(reinterpret_cast<const char *>(bytes.data()), bytes.size()));
}

void Keyring::add(SigningKey key)
{
    for (std::size_t i = 0; i < m_keys.size(); ++i) {
        if (m_keys[i].id == key.id) {
            m_keys[i] = std::move(key);
            m_current = i;
            return;
        }
    }
    m_keys.push_back(std::move(key));
    m_current = m_keys.size() - 1;
}

const SigningKey *Keyring::current() const
{
    return m_keys.empty() ? nullptr : &m_keys[m_current];
}

const SigningKey *Keyring::find(std::uint32_t id) const
{
    for (const SigningKey &key : m_keys) {
        if (key.id == id)
            return &key;
    }
    return nullptr;
}

std::string_view describe(TokenError error)
{
    switch (error) {
    case TokenError::None:
        return "ok";
    case TokenError::Malformed:
        return "malformed";
    case TokenError::UnknownVersion:
        return "unknown version";
    case TokenError::UnknownKey:
        return "unknown key";
    case TokenError::BadSignature:
        return "bad signature";
    case TokenError::WrongKind:
        return "wrong kind";
    }
    return "unknown error";
}

std::string signToken(const TokenFields &fields, const SigningKey &key)
{
    if (key.secret.size() < tokenMinSecretSize || fields.url.size() > tokenMaxUrlSize)
        return {};
    std::string message;
    message.reserve(tokenHeaderSize + fields.url.size() + tokenTagSize);
    message += static_cast<char>(tokenVersion);
    putU32(message, key.id);
    message += static_cast<char>(fields.kind);
    message.append(reinterpret_cast<const char *>(fields.delivery.bytes.data()), fields.delivery.bytes.size());
    putU32(message, fields.linkIndex);
    putU64(message, static_cast<std::uint64_t>(fields.issuedAt));
    message += static_cast<char>((fields.url.size() >> 8) & 0xff);
    message += static_cast<char>(fields.url.size() & 0xff);
    message += fields.url;
    const std::string mac = tag(message, key.secret);
    if (mac.empty())
        return {}; // as for a bad key: no token rather than a weak one
    message += mac;
    return base64UrlEncode(message);
}

VerifyResult verifyToken(std::string_view token, const Keyring &keyring,
                         std::optional<TokenKind> expectedKind) noexcept
{
    VerifyResult result;
    try {
        // Cheap bound first, so garbage of any size costs no allocation.
        constexpr std::size_t maxChars = ((tokenHeaderSize + tokenMaxUrlSize + tokenTagSize) * 4 + 2) / 3;
        if (token.size() > maxChars)
            return result;
        const std::optional<std::string> decoded = base64UrlDecode(token);
        if (!decoded || decoded->empty())
            return result;
        const std::string &bytes = *decoded;
        if (static_cast<std::uint8_t>(bytes[0]) != tokenVersion) {
            result.error = TokenError::UnknownVersion;
            return result;
        }
        if (bytes.size() < tokenHeaderSize + tokenTagSize)
            return result;
        const std::size_t urlSize = static_cast<std::size_t>(getBig(bytes, 34, 2));
        // Exactly one length is valid: this rejects every truncation and extension.
        if (urlSize > tokenMaxUrlSize || bytes.size() != tokenHeaderSize + urlSize + tokenTagSize)
            return result;

        result.keyId = static_cast<std::uint32_t>(getBig(bytes, 1, 4));
        const SigningKey *key = keyring.find(result.keyId);
        if (!key || key->secret.size() < tokenMinSecretSize) {
            result.error = TokenError::UnknownKey;
            return result;
        }
        const std::string_view message(bytes.data(), tokenHeaderSize + urlSize);
        const std::string_view given(bytes.data() + message.size(), tokenTagSize);
        if (!constantTimeEqual(tag(message, key->secret), given)) {
            result.error = TokenError::BadSignature;
            return result;
        }

        const auto kind = static_cast<std::uint8_t>(bytes[5]);
        if (!knownKind(kind))
            return result; // signed, but by a newer signer than we understand: Malformed
        result.fields.kind = static_cast<TokenKind>(kind);
        for (std::size_t i = 0; i < result.fields.delivery.bytes.size(); ++i)
            result.fields.delivery.bytes[i] = static_cast<std::uint8_t>(bytes[6 + i]);
        result.fields.linkIndex = static_cast<std::uint32_t>(getBig(bytes, 22, 4));
        result.fields.issuedAt = static_cast<std::int64_t>(getBig(bytes, 26, 8));
        result.fields.url.assign(bytes.data() + tokenHeaderSize, urlSize);
        if (expectedKind && *expectedKind != result.fields.kind) {
            result.error = TokenError::WrongKind;
            return result;
        }
        result.error = TokenError::None;
        return result;
    } catch (...) {
        // Only allocation can throw here; a token we cannot hold is not a token.
        result.error = TokenError::Malformed;
        result.fields = {};
        return result;
    }
}

} // namespace leadtrail::protocol
