#include "protocol/text.h"

namespace leadtrail::protocol {

bool startsWithNoCase(std::string_view s, std::string_view lowercasePrefix) noexcept
{
    if (s.size() < lowercasePrefix.size())
        return false;
    for (std::size_t i = 0; i < lowercasePrefix.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
        if (c != lowercasePrefix[i])
            return false;
    }
    return true;
}

std::string_view trimmed(std::string_view s) noexcept
{
    constexpr std::string_view space = " \t\r\n";
    const auto first = s.find_first_not_of(space);
    if (first == std::string_view::npos)
        return {};
    const auto last = s.find_last_not_of(space);
    return s.substr(first, last - first + 1);
}

} // namespace leadtrail::protocol
