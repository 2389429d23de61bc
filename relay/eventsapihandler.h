#pragma once

#include "relayhandler.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace leadtrail::relay {

/**
 * GET /api/v1/events?after=&limit=&wait=: pages of events for the desktop,
 * oldest first, behind the bearer API key; long-polls up to wait seconds
 * when nothing is newer than the cursor.
 */
class EventsApiHandler final : public RelayHandler
{
public:
    explicit EventsApiHandler(const RelayContext &context) : RelayHandler(context, Endpoint::Events) {}
    void handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response) override;

    static constexpr std::int64_t defaultLimit = 500;
    static constexpr std::int64_t maxLimit = 5000;
    static constexpr std::int64_t maxWaitSeconds = 60;

    /** A non-negative decimal integer of at most 18 digits; nullopt for anything else. */
    static std::optional<std::int64_t> parseCount(std::string_view text);
};

} // namespace leadtrail::relay
