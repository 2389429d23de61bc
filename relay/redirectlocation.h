#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace leadtrail::relay {

/**
 * Builds the Location of a click redirect from a signed destination. Only
 * absolute http(s) URLs with a host qualify; spaces and control characters
 * (CR/LF above all) disqualify the URL, and bytes above 0x7e are
 * percent-encoded, so the header value is always plain printable ASCII.
 * When clickId is not empty, param=clickId is appended to the query, before
 * any fragment, keeping the existing query as it is.
 */
std::optional<std::string> redirectLocation(std::string_view url, std::string_view param = {},
                                            std::string_view clickId = {});

} // namespace leadtrail::relay
