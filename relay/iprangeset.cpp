#include "iprangeset.h"

#include "protocol/text.h"

#include <algorithm>
#include <fstream>

#include <arpa/inet.h>

namespace leadtrail::relay {

namespace {

std::uint64_t half(const std::array<std::uint8_t, 16> &a, std::size_t from)
{
    std::uint64_t v = 0;
    for (std::size_t i = from; i < from + 8; ++i)
        v = (v << 8) | a[i];
    return v;
}

/** The low `bits` bits set (bits 0..64). */
std::uint64_t lowMask(int bits)
{
    return bits >= 64 ? ~std::uint64_t(0) : bits <= 0 ? 0 : (std::uint64_t(1) << bits) - 1;
}

} // namespace

bool IpRangeSet::parse(std::string_view address, std::array<std::uint8_t, 16> &out)
{
    if (address.empty() || address.size() > 64)
        return false;
    char text[65];
    std::copy(address.begin(), address.end(), text);
    text[address.size()] = '\0';
    in6_addr v6{};
    in_addr v4{};
    if (::inet_pton(AF_INET, text, &v4) == 1) {
        out.fill(0);
        out[10] = 0xff;
        out[11] = 0xff;
        const auto *b = reinterpret_cast<const std::uint8_t *>(&v4.s_addr);
        std::copy(b, b + 4, out.begin() + 12);
        return true;
    }
    if (::inet_pton(AF_INET6, text, &v6) == 1) {
        std::copy(v6.s6_addr, v6.s6_addr + 16, out.begin());
        return true;
    }
    return false;
}

bool IpRangeSet::append(std::string_view cidr)
{
    const auto slash = cidr.find('/');
    const std::string_view host = cidr.substr(0, slash);
    std::array<std::uint8_t, 16> base{};
    if (!parse(host, base))
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
    const int prefix = v4 ? bits + 96 : bits;
    // Host bits below the prefix: cleared in the first address, set in the last.
    const std::uint64_t hostHigh = lowMask(64 - std::min(prefix, 64));
    const std::uint64_t hostLow = lowMask(128 - std::max(prefix, 64));
    const Key key{half(base, 0), half(base, 8)};
    m_ranges.push_back({{key.first & ~hostHigh, key.second & ~hostLow}, {key.first | hostHigh, key.second | hostLow}});
    return true;
}

void IpRangeSet::normalize()
{
    std::sort(m_ranges.begin(), m_ranges.end(), [](const Range &a, const Range &b) { return a.first < b.first; });
    std::vector<Range> merged;
    merged.reserve(m_ranges.size());
    for (const Range &r : m_ranges) {
        if (!merged.empty()) {
            Range &prev = merged.back();
            // Overlapping, or adjacent (prev.last + 1 == r.first, without overflowing).
            const bool adjacent = prev.last.second == ~std::uint64_t(0)
                ? Key{prev.last.first + 1, 0} == r.first && prev.last.first != ~std::uint64_t(0)
                : Key{prev.last.first, prev.last.second + 1} == r.first;
            if (r.first <= prev.last || adjacent) {
                prev.last = std::max(prev.last, r.last);
                continue;
            }
        }
        merged.push_back(r);
    }
    merged.shrink_to_fit();
    m_ranges.swap(merged);
}

bool IpRangeSet::add(std::string_view cidr)
{
    if (!append(cidr))
        return false;
    normalize();
    return true;
}

bool IpRangeSet::loadFile(const std::string &path, std::size_t *badLines, std::size_t *firstBadLine)
{
    std::ifstream in(path);
    if (!in)
        return false;
    std::size_t bad = 0, firstBad = 0, number = 0;
    std::string line;
    while (std::getline(in, line)) {
        ++number;
        std::string_view view(line);
        view = view.substr(0, view.find('#'));
        view = view.substr(0, view.find(','));
        const std::string_view range = protocol::trimmed(view);
        if (!range.empty() && !append(range) && bad++ == 0)
            firstBad = number;
    }
    normalize();
    if (badLines)
        *badLines = bad;
    if (firstBadLine)
        *firstBadLine = firstBad;
    return true;
}

bool IpRangeSet::contains(std::string_view address) const
{
    std::array<std::uint8_t, 16> a{};
    if (m_ranges.empty() || !parse(address, a))
        return false;
    const Key key{half(a, 0), half(a, 8)};
    // The last range starting at or before the address is the only candidate.
    auto it = std::upper_bound(m_ranges.begin(), m_ranges.end(), key,
                               [](const Key &k, const Range &r) { return k < r.first; });
    if (it == m_ranges.begin())
        return false;
    --it;
    return key <= it->last;
}

} // namespace leadtrail::relay
