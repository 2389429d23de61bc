#pragma once

#include "protocol/token.h"

#include <optional>
#include <string>
#include <string_view>

namespace leadtrail::protocol {

/** What the desktop needs to work with one relay; carried by the pairing code. */
struct PairingInfo
{
    std::string publicUrl; ///< http(s)://host[:port][/prefix], no query, no fragment
    SigningKey signingKey; ///< the relay's current signing key
    std::string apiKey;    ///< the bearer key of the polling API
};

/** The versioned prefix of every pairing code. */
constexpr std::string_view pairingCodePrefix = "ltpair1.";

/**
 * One line, no spaces: pairingCodePrefix + base64url of
 * [u16 url length][url][u32 key id][u8 secret length][secret][u8 api key length][api key]
 * [first 4 bytes of SHA-256 of everything before], so a code damaged in a copy
 * and paste is rejected instead of half-working. Returns "" when a field does
 * not fit (URL over 2048 bytes, secret or API key over 255 bytes).
 */
std::string formatPairingCode(const PairingInfo &info);

/** Accepts only what formatPairingCode writes (surrounding whitespace allowed); never throws. */
std::optional<PairingInfo> parsePairingCode(std::string_view code) noexcept;

/** True for an absolute http or https URL made of printable ASCII, no query or fragment. */
bool isValidPublicUrl(std::string_view url) noexcept;

} // namespace leadtrail::protocol
