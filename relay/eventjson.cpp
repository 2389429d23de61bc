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

/** name: value, then a comma; the caller turns the last comma into the closing brace. */
void stringField(std::string &out, std::string_view name, std::string_view value)
{
    key(out, name);
    appendJsonString(out, value);
    out += ',';
}

void rawField(std::string &out, std::string_view name, std::string_view literal)
{
    key(out, name);
    out += literal;
    out += ',';
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
    for (const Event &e : events) {
        out += '{';
        rawField(out, f::id, std::to_string(e.id));
        stringField(out, f::type, eventTypeName(e.type));
        stringField(out, f::delivery, e.delivery);
        rawField(out, f::link, std::to_string(e.linkIndex));
        stringField(out, f::url, e.url);
        stringField(out, f::clickId, e.clickId);
        stringField(out, f::value, e.value);
        stringField(out, f::currency, e.currency);
        stringField(out, f::conversion, e.conversion);
        rawField(out, f::time, std::to_string(e.timeMs));
        stringField(out, f::method, e.method);
        stringField(out, f::ip, e.ip);
        stringField(out, f::userAgent, e.userAgent);
        key(out, f::signals);
        out += '{';
        stringField(out, f::scanner, e.scanner);
        rawField(out, f::head, e.head ? "true" : "false");
        rawField(out, f::age, std::to_string(e.ageSeconds));
        rawField(out, f::appleMpp, e.appleMpp ? "true" : "false");
        out.back() = '}';
        out += "},";
    }
    if (!events.empty())
        out.pop_back();
    out += "],";
    key(out, f::next);
    out += std::to_string(next);
    out += "}\n";
    return out;
}

} // namespace leadtrail::relay
