#include "scannersignatures.h"

#include "protocol/text.h"

#include <algorithm>
#include <fstream>

namespace leadtrail::relay {

namespace {

char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}


} // namespace

bool ScannerSignatures::loadFile(const std::string &path)
{
    std::ifstream in(path);
    if (!in)
        return false;
    std::string line;
    while (std::getline(in, line)) {
        const std::string_view text = protocol::trimmed(line);
        if (text.empty() || text.front() == '#')
            continue;
        const auto bar = text.find('|');
        if (bar == std::string_view::npos)
            add(std::string(text), std::string(text));
        else
            add(std::string(protocol::trimmed(text.substr(0, bar))), std::string(protocol::trimmed(text.substr(bar + 1))));
    }
    return true;
}

void ScannerSignatures::add(std::string name, std::string substring)
{
    if (substring.empty())
        return;
    std::transform(substring.begin(), substring.end(), substring.begin(), lower);
    m_signatures.push_back(Signature{std::move(name), std::move(substring)});
}

std::string_view ScannerSignatures::match(std::string_view userAgent) const
{
    if (userAgent.empty())
        return {};
    std::string ua(userAgent.substr(0, 1024));
    std::transform(ua.begin(), ua.end(), ua.begin(), lower);
    for (const Signature &s : m_signatures) {
        if (ua.find(s.needle) != std::string::npos)
            return s.name;
    }
    return {};
}

} // namespace leadtrail::relay
