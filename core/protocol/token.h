#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leadtrail::protocol {

/**
 * Wire format, version 1 (all integers big-endian), then base64url without padding:
 *
 *   offset  size  field
 *   0       1     version (1)
 *   1       4     key id
 *   5       1     kind (TokenKind)
 *   6       16    delivery id
 *   22      4     link index
 *   26      8     issue time, seconds since the epoch (signed)
 *   34      2     URL length n (0 for opens and unsubscribes)
 *   36      n     URL bytes
 *   36+n    16    HMAC-SHA256 over bytes [0, 36+n), truncated to 128 bits
 */
constexpr std::uint8_t tokenVersion = 1;
constexpr std::size_t tokenTagSize = 16;
constexpr std::size_t tokenHeaderSize = 36;
constexpr std::size_t tokenMaxUrlSize = 4096; ///< longer URLs are not signed (signToken returns "")
constexpr std::size_t tokenMinSecretSize = 32;

/** What a tracking token stands for; the numeric values are part of the wire format. */
enum class TokenKind : std::uint8_t {
    Open = 1,
    Click = 2,
    Unsubscribe = 3,
    Decoy = 4,
    /**
     * A click whose redirect carries no click id: the campaign was sent with
     * click ids off. Kind 2 (Click) gets one when the relay allows them
     * (relay.click_id.enabled, on by default), so what the sender chose per
     * campaign is what the recipient's link does, and links sent before this
     * kind existed keep working as they did.
     */
    ClickWithoutId = 5,
};

/** A delivery's 128-bit random id: one per (campaign, lead). */
struct DeliveryId
{
    std::array<std::uint8_t, 16> bytes{};

    /** 128 bits from the operating system's CSPRNG. */
    static DeliveryId random();
    /** Accepts exactly 32 hex digits (either case); nothing else. */
    static std::optional<DeliveryId> fromHex(std::string_view hex);
    /** 32 lowercase hex digits. */
    std::string toHex() const;

    friend bool operator==(const DeliveryId &a, const DeliveryId &b) { return a.bytes == b.bytes; }
    friend bool operator!=(const DeliveryId &a, const DeliveryId &b) { return !(a == b); }
};

/** Everything a token carries. No name and no email address, by design. */
struct TokenFields
{
    TokenKind kind = TokenKind::Open;
    DeliveryId delivery;
    std::uint32_t linkIndex = 0;
    std::int64_t issuedAt = 0; ///< seconds since the Unix epoch, UTC
    std::string url;           ///< the destination, for clicks (and decoys); empty otherwise

    friend bool operator==(const TokenFields &a, const TokenFields &b)
    {
        return a.kind == b.kind && a.delivery == b.delivery && a.linkIndex == b.linkIndex
            && a.issuedAt == b.issuedAt && a.url == b.url;
    }
};

/** One HMAC key; its id travels in every token signed with it. */
struct SigningKey
{
    std::uint32_t id = 0;
    std::string secret; ///< raw key bytes (at least 32)
};

/**
 * The keys a party knows. The desktop signs with current(); the relay verifies
 * with whichever key a token names, so rotated-out keys keep old emails working.
 */
class Keyring
{
public:
    /** Adds a key and makes it current. A key with the same id is replaced. */
    void add(SigningKey key);
    /** The newest key, or nullptr when the ring is empty. */
    const SigningKey *current() const;
    const SigningKey *find(std::uint32_t id) const;
    const std::vector<SigningKey> &keys() const { return m_keys; }

private:
    std::vector<SigningKey> m_keys;
    std::size_t m_current = 0;
};

enum class TokenError {
    None,
    Malformed,      ///< not base64url, too short or too long, fields that do not parse
    UnknownVersion,
    UnknownKey,
    BadSignature,
    WrongKind,      ///< valid, but not the kind the endpoint expects
};

/** A short English description of a TokenError, for logs and metrics labels. */
std::string_view describe(TokenError error);

struct VerifyResult
{
    TokenError error = TokenError::Malformed;
    TokenFields fields; ///< meaningful only when error == TokenError::None
    std::uint32_t keyId = 0;

    bool ok() const { return error == TokenError::None; }
};

/**
 * base64url (no padding) of version, key id, fields and HMAC-SHA256 tag.
 * Returns an empty string, never a weak token, when the key is shorter than
 * tokenMinSecretSize, the URL is longer than tokenMaxUrlSize, or the HMAC
 * cannot be computed.
 */
std::string signToken(const TokenFields &fields, const SigningKey &key);

/**
 * Verifies in constant time with respect to the tag. Never throws, whatever
 * the input. When expectedKind is given, a token of another kind is WrongKind.
 */
VerifyResult verifyToken(std::string_view token, const Keyring &keyring,
                         std::optional<TokenKind> expectedKind = std::nullopt) noexcept;

} // namespace leadtrail::protocol
