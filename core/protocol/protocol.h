#pragma once

#include <string_view>

namespace leadtrail::protocol {

/** The version of the desktop/relay contract this build speaks. */
constexpr int contractVersion = 1;

/** The path prefix of the relay's polling API. */
constexpr std::string_view eventsApiPath = "/api/v1/events";

} // namespace leadtrail::protocol
