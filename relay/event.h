#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace leadtrail::relay {

/** The kinds of event the relay stores; the numbers are stored in the database. */
enum class EventType : int {
    Open = 1,
    Click = 2,
    Unsubscribe = 3,
    Decoy = 4,
    Conversion = 5,
};

/** The API name of a type (protocol::eventtype). */
std::string_view eventTypeName(EventType type);

/**
 * One recorded request with its evidence and first-pass signals. The store
 * assigns id; everything else is filled in by the handler that saw the request.
 */
struct Event
{
    std::int64_t id = 0; ///< 0 until committed; stays 0 when a duplicate was dropped
    EventType type = EventType::Open;
    std::string delivery; ///< 32 lowercase hex digits
    std::uint32_t linkIndex = 0;
    std::string url;
    std::string clickId; ///< for clicks: made by the store from the id and clickIdNonce
    std::string clickIdNonce; ///< set by the click handler when click ids are on
    std::string value;
    std::string currency;
    std::string conversion;
    std::int64_t timeMs = 0;
    std::string method;
    std::string ip;
    std::string userAgent;
    std::string scanner; ///< name of the matched signature, empty when none
    bool head = false;
    std::int64_t ageSeconds = 0;
    bool appleMpp = false;
    /** When set, an event with the same key already stored makes this one a no-op (idempotent unsubscribe). */
    std::string dedupeKey;
};

} // namespace leadtrail::relay
