#include "iprangeset.h"

#include "protocol/text.h"

#include <fstream>

#include <arpa/inet.h>

namespace leadtrail::relay {

bool IpRangeSet::parse(std::string_view address, std::array<std::uint8_t, 16> &out)
{
    if (address.empty() || address.size() > 64)
        return false;
    const std::string text(address);
    in6_addr v6{};
    in_addr v4{};
    if (::inet_pton(AF_INET, text.c_str(), &v4) == 1) {
        out.fill(0);
        out[10] = 0xff;
        out[11] = 0xff;
        const auto *b = reinterpret_cast<const std::uint8_t *>(&v4.s_addr);
        std::copy(b, b + 4, out.begin() + 12);
        return true;
    }
    if (::inet_pton(AF_INET6, text.c_str(), &v6) == 1) {
        std::copy(v6.s6_addr, v6.s6_addr + 16, out.begin());
        return true;
    }
    return false;
}

bool IpRangeSet::add(std::string_view cidr)
{
    Range r;
    const auto slash = cidr.find('/');
    const std::string_view host = cidr.substr(0, slash);
    if (!parse(host, r.base))
        return false;
    const bool v4 = host.find(':') == std::string_view::npos;
    const int maxBits = v4 ? 32 : 128;
    int bits = maxBits;
    if (slash != std::string_view::npos) {
        const std::string_view digits = cidr.substr(slash + 1);
        if (digits.empty() || digits.size() > 3)
            return false;
        bits = 0;
        for (const char c : digits) {
            if (c < '0' || c > '9')
                return false;
            bits = bits * 10 + (c - '0');
        }
        if (bits > maxBits)
            return false;
    }
    r.prefix = v4 ? bits + 96 : bits;
    m_ranges.push_back(r);
    return true;
}

bool IpRangeSet::loadFile(const std::string &path)
{
    std::ifstream in(path);
    if (!in)
        return false;
    std::string line;
    while (std::getline(in, line)) {
        const auto hash = line.find('#');
        if (hash != std::string::npos)
            line.resize(hash);
        const auto comma = line.find(',');
        if (comma != std::string::npos)
            line.resize(comma);
        const std::string_view range = protocol::trimmed(line);
        if (!range.empty())
            add(range);
    }
    return true;
}

bool IpRangeSet::contains(std::string_view address) const
{
    std::array<std::uint8_t, 16> a{};
    if (!parse(address, a))
        return false;
    for (const Range &r : m_ranges) {
        int bits = r.prefix;
        bool match = true;
        for (std::size_t i = 0; i < 16 && bits > 0 && match; ++i, bits -= 8) {
            const std::uint8_t mask = bits >= 8 ? 0xff : static_cast<std::uint8_t>(0xff << (8 - bits));
            match = (a[i] & mask) == (r.base[i] & mask);
        }
        if (match)
            return true;
    }
    return false;
}

} // namespace leadtrail::relay
