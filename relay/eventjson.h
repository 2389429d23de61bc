#pragma once

#include "event.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace leadtrail::relay {

/** The body of GET /api/v1/events, as documented in protocol/eventfields.h. */
std::string eventsPageJson(const std::vector<Event> &events, std::int64_t next);

/**
 * Appends s as a JSON string literal. Invalid UTF-8 (user agents are
 * attacker-controlled) becomes U+FFFD, so the output is always valid JSON.
 */
void appendJsonString(std::string &out, std::string_view s);

} // namespace leadtrail::relay
