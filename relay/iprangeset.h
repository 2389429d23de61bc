#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace leadtrail::relay {

/**
 * A set of IPv4/IPv6 CIDR ranges (trusted proxies, Apple's Private Relay
 * egress ranges). IPv4 is kept as IPv4-mapped IPv6 so one comparison serves both.
 */
class IpRangeSet final
{
public:
    /** Adds "a.b.c.d/n", "x::y/n" or a bare address; false (and nothing added) if it does not parse. */
    bool add(std::string_view cidr);
    /**
     * Loads one range per line, or Apple's egress-ip-ranges.csv (first column);
     * '#' starts a comment. Returns false if the file cannot be read.
     */
    bool loadFile(const std::string &path);
    bool contains(std::string_view address) const;
    std::size_t size() const { return m_ranges.size(); }

    /** Parses an address into 16 bytes (IPv4 mapped); false if it is not an address. */
    static bool parse(std::string_view address, std::array<std::uint8_t, 16> &out);

private:
    struct Range
    {
        std::array<std::uint8_t, 16> base{};
        int prefix = 0;
    };
    std::vector<Range> m_ranges;
};

} // namespace leadtrail::relay
