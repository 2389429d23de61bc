#include "eventjson.h"

#include "protocol/eventfields.h"

namespace leadtrail::relay {

namespace {

/** Length of the valid UTF-8 sequence at s[i], or 0. */
std::size_t utf8Length(std::string_view s, std::size_t i)
{
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    std::uint32_t cp = 0;
    if (b0 >= 0xc2 && b0 <= 0xdf) {
        n = 2;
        cp = b0 & 0x1f;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
        n = 3;
        cp = b0 & 0x0f;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
        n = 4;
        cp = b0 & 0x07;
    } else {
        return 0;
    }
    if (i + n > s.size())
        return 0;
    for (std::size_t k = 1; k < n; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (b & 0x3f);
    }
    if ((n == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)))
        return 0;
    return n;
}

void key(std::string &out, std::string_view name)
{
    out += '"';
    out += name;
    out += "\":";
}

} // namespace

void appendJsonString(std::string &out, std::string_view s)
{
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            const std::size_t n = utf8Length(s, i);
            if (n == 0) {
                out += "\\ufffd";
                ++i;
            } else {
                out.append(s.substr(i, n));
                i += n;
            }
            continue;
        }
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20 || c == 0x7f) {
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
        ++i;
    }
    out += '"';
}

std::string eventsPageJson(const std::vector<Event> &events, std::int64_t next)
{
    namespace f = protocol::eventfield;
    std::string out;
    out.reserve(64 + events.size() * 400);
    out += '{';
    key(out, f::events);
    out += '[';
    bool first = true;
    for (const Event &e : events) {
        if (!first)
            out += ',';
        first = false;
        out += '{';
        key(out, f::id);
        out += std::to_string(e.id);
        out += ',';
        key(out, f::type);
        appendJsonString(out, eventTypeName(e.type));
        out += ',';
        key(out, f::delivery);
        appendJsonString(out, e.delivery);
        out += ',';
        key(out, f::link);
        out += std::to_string(e.linkIndex);
        out += ',';
        key(out, f::url);
        appendJsonString(out, e.url);
        out += ',';
        key(out, f::clickId);
        appendJsonString(out, e.clickId);
        out += ',';
        key(out, f::value);
        appendJsonString(out, e.value);
        out += ',';
        key(out, f::currency);
        appendJsonString(out, e.currency);
        out += ',';
        key(out, f::conversion);
        appendJsonString(out, e.conversion);
        out += ',';
        key(out, f::time);
        out += std::to_string(e.timeMs);
        out += ',';
        key(out, f::method);
        appendJsonString(out, e.method);
        out += ',';
        key(out, f::ip);
        appendJsonString(out, e.ip);
        out += ',';
        key(out, f::userAgent);
        appendJsonString(out, e.userAgent);
        out += ',';
        key(out, f::signals);
        out += '{';
        key(out, f::scanner);
        appendJsonString(out, e.scanner);
        out += ',';
        key(out, f::head);
        out += e.head ? "true" : "false";
        out += ',';
        key(out, f::age);
        out += std::to_string(e.ageSeconds);
        out += ',';
        key(out, f::appleMpp);
        out += e.appleMpp ? "true" : "false";
        out += "}}";
    }
    out += "],";
    key(out, f::next);
    out += std::to_string(next);
    out += "}\n";
    return out;
}

} // namespace leadtrail::relay
