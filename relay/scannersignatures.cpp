#include "scannersignatures.h"

#include <algorithm>
#include <fstream>

namespace leadtrail::relay {

namespace {

char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string trim(std::string_view s)
{
    const auto first = s.find_first_not_of(" \t\r");
    if (first == std::string_view::npos)
        return {};
    const auto last = s.find_last_not_of(" \t\r");
    return std::string(s.substr(first, last - first + 1));
}

} // namespace

bool ScannerSignatures::loadFile(const std::string &path)
{
    std::ifstream in(path);
    if (!in)
        return false;
    std::string line;
    while (std::getline(in, line)) {
        if (trim(line).empty() || trim(line).front() == '#')
            continue;
        const auto bar = line.find('|');
        if (bar == std::string::npos)
            add(trim(line), trim(line));
        else
            add(trim(std::string_view(line).substr(0, bar)), trim(std::string_view(line).substr(bar + 1)));
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
