#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace leadtrail::protocol {

/**
 * Compares two byte strings in time that depends only on their lengths, never
 * on where they differ, so a client cannot learn a key or tag byte by byte.
 */
bool constantTimeEqual(std::string_view a, std::string_view b) noexcept;

/** Bytes from the operating system's CSPRNG (getrandom); throws std::runtime_error if it fails. */
std::string randomBytes(std::size_t count);

/** Lowercase hex of a byte string. */
std::string toHex(std::string_view bytes);

/** Exact inverse of toHex (either case); false on odd length or a non-hex digit, out untouched. */
bool fromHex(std::string_view hex, std::string &out) noexcept;

} // namespace leadtrail::protocol
