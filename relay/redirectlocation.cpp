#include "redirectlocation.h"

#include "protocol/text.h"

namespace leadtrail::relay {

using protocol::startsWithNoCase;



std::optional<std::string> redirectLocation(std::string_view url, std::string_view param, std::string_view clickId)
{
    std::size_t schemeEnd = 0;
    if (startsWithNoCase(url, "https://"))
        schemeEnd = 8;
    else if (startsWithNoCase(url, "http://"))
        schemeEnd = 7;
    else
        return std::nullopt;
    // A host must follow: "https:///x" or "https://\x" would be read by some browsers as another origin.
    if (url.size() <= schemeEnd || url[schemeEnd] == '/' || url[schemeEnd] == '\\' || url[schemeEnd] == '?'
        || url[schemeEnd] == '#')
        return std::nullopt;

    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(url.size() + param.size() + clickId.size() + 8);
    for (const char c : url) {
        const auto b = static_cast<unsigned char>(c);
        if (b <= 0x20 || b == 0x7f)
            return std::nullopt;
        if (b > 0x7f) {
            out += '%';
            out += hex[b >> 4];
            out += hex[b & 15];
        } else if (c == '\\') {
            return std::nullopt;
        } else {
            out += c;
        }
    }
    if (clickId.empty() || param.empty())
        return out;

    const auto hash = out.find('#');
    std::string fragment;
    if (hash != std::string::npos) {
        fragment = out.substr(hash);
        out.resize(hash);
    }
    const auto question = out.find('?');
    if (question == std::string::npos)
        out += '?';
    else if (out.back() != '?' && out.back() != '&')
        out += '&';
    out.append(param);
    out += '=';
    out.append(clickId);
    out += fragment;
    return out;
}

} // namespace leadtrail::relay
