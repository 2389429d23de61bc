#pragma once

#include <string_view>

namespace leadtrail::protocol {

/** ASCII case-insensitive prefix test (URL schemes, code prefixes); prefix must be lowercase. */
bool startsWithNoCase(std::string_view s, std::string_view lowercasePrefix) noexcept;

/** s without leading and trailing spaces, tabs, CR and LF. */
std::string_view trimmed(std::string_view s) noexcept;

} // namespace leadtrail::protocol
