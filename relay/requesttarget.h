#pragma once

#include <string_view>

namespace leadtrail::relay {

/** Which handler a request goes to. */
enum class Route { Open, Click, Unsubscribe, Postback, Events, Health, Metrics, NotFound };

/**
 * The routing decision for a raw request-target, made without decoding or
 * normalising anything: a token is the one path segment after /o/, /c/ or
 * /u/, taken verbatim, so no encoding trick (%2F, backslashes, //host, dot
 * segments) can turn one path into another. Views point into the input.
 */
struct RequestTarget
{
    Route route = Route::NotFound;
    std::string_view path;
    std::string_view query;
    std::string_view token; ///< for Open, Click and Unsubscribe; may be invalid, never contains '/'

    /** Accepts origin-form ("/c/abc?x") and absolute-form ("http://host/c/abc"). Never throws. */
    static RequestTarget parse(std::string_view uri) noexcept;
};

} // namespace leadtrail::relay
