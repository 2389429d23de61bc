#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace leadtrail::relay {

/**
 * Click ids: base64url of the click event's id (8 bytes, big-endian) and a
 * 128-bit random nonce. Unforgeable (the nonce is checked in constant time
 * against the stored id) and found by primary key, so the store needs no
 * random-key index, whose page writes dominated each group commit.
 */
namespace clickid {

constexpr std::size_t nonceSize = 16;
constexpr std::size_t textSize = 32; ///< base64url of 24 bytes

/** A fresh random nonce for a click about to be stored. */
std::string newNonce();
/** The click id of event eventId with this nonce. */
std::string make(std::int64_t eventId, std::string_view nonce);
/** The event id a well-formed click id names; nullopt for anything else. */
std::optional<std::int64_t> eventIdOf(std::string_view clickId);

} // namespace clickid

} // namespace leadtrail::relay
