#pragma once

#include <string_view>

/**
 * The event JSON that GET /api/v1/events returns, field by field. The relay
 * writes these names and the desktop reads them, from this one header.
 *
 *   {
 *     "events": [
 *       {
 *         "id": 42,                          // monotonic, > 0; the polling cursor
 *         "type": "click",                   // open | click | decoy | unsubscribe | conversion
 *         "delivery": "00112233…eeff",       // 32 lowercase hex digits
 *         "link": 3,                         // link index from the token (0 for opens)
 *         "url": "https://example.com/x",    // clicks and decoys: the signed destination; "" otherwise
 *         "cid": "Qm9…",                     // click id (clicks when enabled, conversions); "" otherwise
 *         "value": "19.90",                  // conversions: decimal string, exact; "" otherwise
 *         "currency": "EUR",                 // conversions: ISO 4217; "" otherwise
 *         "conversion": "purchase",          // conversions: the postback's event name; "" otherwise
 *         "time": 1763820000123,             // relay time, milliseconds since the epoch, UTC
 *         "method": "GET",                   // HTTP method of the request
 *         "ip": "203.0.113.7",               // client IP (X-Forwarded-For only from trusted proxies)
 *         "ua": "Mozilla/5.0 …",             // User-Agent, "" when absent
 *         "signals": {
 *           "scanner": "Mimecast",           // matched scanner/prefetcher signature; "" when none
 *           "head": false,                   // the request was a HEAD
 *           "age": 12,                       // seconds from token issue to the request (may be < 0 on clock skew)
 *           "apple_mpp": false               // opens: Apple Mail Privacy Protection proxy
 *         }
 *       }
 *     ],
 *     "next": 42                             // pass as ?after= next time; equals after when empty
 *   }
 */
namespace leadtrail::protocol::eventfield {

constexpr std::string_view events = "events";
constexpr std::string_view next = "next";

constexpr std::string_view id = "id";
constexpr std::string_view type = "type";
constexpr std::string_view delivery = "delivery";
constexpr std::string_view link = "link";
constexpr std::string_view url = "url";
constexpr std::string_view clickId = "cid";
constexpr std::string_view value = "value";
constexpr std::string_view currency = "currency";
constexpr std::string_view conversion = "conversion";
constexpr std::string_view time = "time";
constexpr std::string_view method = "method";
constexpr std::string_view ip = "ip";
constexpr std::string_view userAgent = "ua";
constexpr std::string_view signals = "signals";
constexpr std::string_view scanner = "scanner";
constexpr std::string_view head = "head";
constexpr std::string_view age = "age";
constexpr std::string_view appleMpp = "apple_mpp";

} // namespace leadtrail::protocol::eventfield

namespace leadtrail::protocol::eventtype {

constexpr std::string_view open = "open";
constexpr std::string_view click = "click";
constexpr std::string_view decoy = "decoy";
constexpr std::string_view unsubscribe = "unsubscribe";
constexpr std::string_view conversion = "conversion";

} // namespace leadtrail::protocol::eventtype
