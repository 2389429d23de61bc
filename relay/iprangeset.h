#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace leadtrail::relay {

/**
 * A set of IPv4/IPv6 CIDR ranges (trusted proxies, Apple's Private Relay
 * egress ranges). IPv4 is kept as IPv4-mapped IPv6 so one comparison serves
 * both. Kept as sorted, merged address intervals: Apple's published list has
 * hundreds of thousands of prefixes, and every open is looked up in it, so a
 * lookup is one binary search.
 */
class IpRangeSet final
{
public:
    /** Adds "a.b.c.d/n", "x::y/n" or a bare address; false (and nothing added) if it does not parse. */
    bool add(std::string_view cidr);
    /**
     * Loads one range per line, or Apple's egress-ip-ranges.csv
     * (prefix,country,region,city: the first column); '#' starts a comment.
     * Returns false if the file cannot be read; lines that are not a range are
     * skipped and counted in badLines, with the first one's number in firstBadLine.
     */
    bool loadFile(const std::string &path, std::size_t *badLines = nullptr, std::size_t *firstBadLine = nullptr);
    bool contains(std::string_view address) const;
    /** Disjoint intervals after merging (adjacent and overlapping ranges become one). */
    std::size_t size() const { return m_ranges.size(); }

    /** Parses an address into 16 bytes (IPv4 mapped); false if it is not an address. */
    static bool parse(std::string_view address, std::array<std::uint8_t, 16> &out);

private:
    /** A 128-bit address as two halves, most significant first: compares like the address. */
    using Key = std::pair<std::uint64_t, std::uint64_t>;
    struct Range
    {
        Key first;
        Key last;
    };

    bool append(std::string_view cidr);
    void normalize();

    std::vector<Range> m_ranges;
};

} // namespace leadtrail::relay
