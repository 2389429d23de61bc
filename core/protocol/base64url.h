#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace leadtrail::protocol {

/** base64url (RFC 4648 §5) without padding. */
std::string base64UrlEncode(std::string_view bytes);

/**
 * Strict inverse of base64UrlEncode: rejects padding, characters outside the
 * URL-safe alphabet, impossible lengths and non-zero trailing bits, so every
 * byte string has exactly one accepted spelling (a flipped bit in the last
 * character can never decode to the same bytes). Never throws.
 */
std::optional<std::string> base64UrlDecode(std::string_view text) noexcept;

} // namespace leadtrail::protocol
