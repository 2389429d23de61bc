#include "protocol/token.h"

#include "protocol/base64url.h"
#include "protocol/secure.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <vector>

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
 * HMAC-SHA256 (RFC 2104) of one key, with the SHA-256 states after the
 * inner and outer pads computed once: each tag then costs two context copies
 * and the hashing of the message. OpenSSL 3's one-shot HMAC() fetches the
 * algorithm and builds a MAC context on every call; at one call per link it
 * was 10% of a campaign send's CPU. OpenSSL's SHA-256 uses the CPU's SHA
 * extensions (Poco's portable one was another 8%).
 */
class HmacSha256
{
public:
    explicit HmacSha256(const std::string &secret)
        : m_secret(secret)
    {
        if (!m_inner || !m_outer || !m_work)
            return;
        unsigned char block[blockSize] = {};
        if (secret.size() > blockSize) { // RFC 2104: a long key is hashed first
            unsigned int size = 0;
            if (!EVP_Digest(secret.data(), secret.size(), block, &size, EVP_sha256(), nullptr))
                return;
        } else {
            std::memcpy(block, secret.data(), secret.size());
        }
        unsigned char pad[blockSize];
        for (std::size_t i = 0; i < blockSize; ++i)
            pad[i] = block[i] ^ 0x36;
        bool ok = EVP_DigestInit_ex(m_inner, EVP_sha256(), nullptr) && EVP_DigestUpdate(m_inner, pad, blockSize);
        for (std::size_t i = 0; i < blockSize; ++i)
            pad[i] = block[i] ^ 0x5c;
        ok = ok && EVP_DigestInit_ex(m_outer, EVP_sha256(), nullptr) && EVP_DigestUpdate(m_outer, pad, blockSize);
        OPENSSL_cleanse(block, sizeof block);
        OPENSSL_cleanse(pad, sizeof pad);
        m_ready = ok;
    }
    ~HmacSha256()
    {
        EVP_MD_CTX_free(m_work);
        EVP_MD_CTX_free(m_outer);
        EVP_MD_CTX_free(m_inner);
        OPENSSL_cleanse(m_secret.data(), m_secret.size());
    }
    HmacSha256(const HmacSha256 &) = delete;
    HmacSha256 &operator=(const HmacSha256 &) = delete;

    bool isFor(const std::string &secret) const { return constantTimeEqual(m_secret, secret); }

    /** The tag of @p message, truncated to tokenTagSize; empty if OpenSSL fails (out of memory). */
    std::string tag(std::string_view message)
    {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int size = 0;
        if (!m_ready || !EVP_MD_CTX_copy_ex(m_work, m_inner) || !EVP_DigestUpdate(m_work, message.data(), message.size())
            || !EVP_DigestFinal_ex(m_work, digest, &size) || !EVP_MD_CTX_copy_ex(m_work, m_outer)
            || !EVP_DigestUpdate(m_work, digest, size) || !EVP_DigestFinal_ex(m_work, digest, &size)
            || size < tokenTagSize)
            return {};
        return std::string(reinterpret_cast<const char *>(digest), tokenTagSize);
    }

private:
    static constexpr std::size_t blockSize = 64; // SHA-256's
    std::string m_secret;
    EVP_MD_CTX *m_inner = EVP_MD_CTX_new();
    EVP_MD_CTX *m_outer = EVP_MD_CTX_new();
    EVP_MD_CTX *m_work = EVP_MD_CTX_new();
    bool m_ready = false;
};

/**
 * The tag of @p message under @p secret. Each thread keeps the pad states of
 * the few keys it used last (a relay verifies with a handful of rotated
 * keys), so no context is shared between threads.
 */
std::string tag(std::string_view message, const std::string &secret)
{
    constexpr std::size_t cachedKeys = 4;
    thread_local std::vector<std::unique_ptr<HmacSha256>> recent; // most recent first
    auto it = std::find_if(recent.begin(), recent.end(), [&](const auto &hmac) { return hmac->isFor(secret); });
    if (it == recent.end()) {
        if (recent.size() == cachedKeys)
            recent.pop_back();
        it = recent.insert(recent.begin(), std::make_unique<HmacSha256>(secret));
    } else if (it != recent.begin()) {
        std::rotate(recent.begin(), it, it + 1);
        it = recent.begin();
    }
    return (*it)->tag(message);
}

bool knownKind(std::uint8_t kind)
{
    return kind >= static_cast<std::uint8_t>(TokenKind::Open)
        && kind <= static_cast<std::uint8_t>(TokenKind::ClickWithoutId);
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
