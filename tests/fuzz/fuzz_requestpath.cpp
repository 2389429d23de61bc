// libFuzzer target: the relay's request-target routing, redirect Location
// building, JSON escaping and the small parsers that see request bytes.
// Invariants: a token never spans path segments, a Location is always an
// http(s) URL of printable ASCII, and the JSON string never holds raw controls.
#include "eventjson.h"
#include "eventsapihandler.h"
#include "iprangeset.h"
#include "redirectlocation.h"
#include "requesttarget.h"

#include <array>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace leadtrail::relay;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char *>(data), size);

    const RequestTarget t = RequestTarget::parse(input);
    if (t.token.find('/') != std::string_view::npos)
        std::abort();
    if (!t.token.empty() && t.route != Route::Open && t.route != Route::Click && t.route != Route::Unsubscribe)
        std::abort();
    if (t.path.find('?') != std::string_view::npos || t.path.find('#') != std::string_view::npos)
        std::abort();

    for (const auto &location : {redirectLocation(input), redirectLocation(input, "lt_cid", "AAAAAAAAAAAAAAAAAAAAAA")}) {
        if (!location)
            continue;
        std::string scheme = location->substr(0, 8);
        for (char &c : scheme)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (scheme.rfind("http://", 0) != 0 && scheme.rfind("https://", 0) != 0)
            std::abort();
        for (const char c : *location) {
            const auto b = static_cast<unsigned char>(c);
            if (b <= 0x20 || b >= 0x7f || c == '\\')
                std::abort();
        }
    }

    std::string json;
    appendJsonString(json, input);
    for (const char c : json) {
        if (static_cast<unsigned char>(c) < 0x20)
            std::abort();
    }

    std::array<std::uint8_t, 16> address{};
    (void)IpRangeSet::parse(input, address);
    IpRangeSet ranges;
    (void)ranges.add(input);
    (void)ranges.contains("192.0.2.1");
    if (const auto n = EventsApiHandler::parseCount(input); n && *n < 0)
        std::abort();
    return 0;
}
