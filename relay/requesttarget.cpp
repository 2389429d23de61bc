#include "requesttarget.h"

#include "protocol/text.h"

namespace leadtrail::relay {

using protocol::startsWithNoCase;



RequestTarget RequestTarget::parse(std::string_view uri) noexcept
{
    RequestTarget t;
    // absolute-form: drop scheme and authority; the Host never matters to us.
    for (std::string_view scheme : {std::string_view("http://"), std::string_view("https://")}) {
        if (startsWithNoCase(uri, scheme)) {
            const auto slash = uri.find('/', scheme.size());
            uri = slash == std::string_view::npos ? std::string_view("/") : uri.substr(slash);
            break;
        }
    }
    const auto fragment = uri.find('#');
    if (fragment != std::string_view::npos)
        uri = uri.substr(0, fragment);
    const auto question = uri.find('?');
    t.path = uri.substr(0, question);
    if (question != std::string_view::npos)
        t.query = uri.substr(question + 1);

    if (t.path.size() >= 3 && t.path[0] == '/' && t.path[2] == '/') {
        Route tokenRoute = Route::NotFound;
        switch (t.path[1]) {
        case 'o':
            tokenRoute = Route::Open;
            break;
        case 'c':
            tokenRoute = Route::Click;
            break;
        case 'u':
            tokenRoute = Route::Unsubscribe;
            break;
        default:
            break;
        }
        if (tokenRoute != Route::NotFound) {
            t.route = tokenRoute;
            t.token = t.path.substr(3);
            // A second segment is not a token; handlers treat it as a bad one.
            if (t.token.find('/') != std::string_view::npos)
                t.token = {};
            return t;
        }
    }
    if (t.path == "/p")
        t.route = Route::Postback;
    else if (t.path == "/api/v1/events")
        t.route = Route::Events;
    else if (t.path == "/healthz")
        t.route = Route::Health;
    else if (t.path == "/metrics")
        t.route = Route::Metrics;
    return t;
}

} // namespace leadtrail::relay
