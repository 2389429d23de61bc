#include "protocol/base64url.h"

#include <array>
#include <cstdint>

namespace leadtrail::protocol {

namespace {

constexpr std::string_view alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

constexpr std::array<std::int8_t, 256> makeDecodeTable()
{
    std::array<std::int8_t, 256> table{};
    for (auto &entry : table)
        entry = -1;
    for (std::size_t i = 0; i < alphabet.size(); ++i)
        table[static_cast<unsigned char>(alphabet[i])] = static_cast<std::int8_t>(i);
    return table;
}

constexpr std::array<std::int8_t, 256> decodeTable = makeDecodeTable();

} // namespace

std::string base64UrlEncode(std::string_view bytes)
{
    // Sized once and written through a pointer: a tracked link's token is
    // encoded for every link of every message.
    const std::size_t rest = bytes.size() % 3;
    std::string out(bytes.size() / 3 * 4 + (rest ? rest + 1 : 0), '\0');
    char *o = out.data();
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const unsigned char *const whole = p + (bytes.size() - rest);
    for (; p < whole; p += 3) {
        const std::uint32_t n = (std::uint32_t(p[0]) << 16) | (std::uint32_t(p[1]) << 8) | p[2];
        *o++ = alphabet[(n >> 18) & 63];
        *o++ = alphabet[(n >> 12) & 63];
        *o++ = alphabet[(n >> 6) & 63];
        *o++ = alphabet[n & 63];
    }
    if (rest) {
        const std::uint32_t n = (std::uint32_t(p[0]) << 16) | (rest == 2 ? std::uint32_t(p[1]) << 8 : 0);
        *o++ = alphabet[(n >> 18) & 63];
        *o++ = alphabet[(n >> 12) & 63];
        if (rest == 2)
            *o++ = alphabet[(n >> 6) & 63];
    }
    return out;
}

std::optional<std::string> base64UrlDecode(std::string_view text) noexcept
{
    // One leftover character can never carry a whole byte.
    if (text.size() % 4 == 1)
        return std::nullopt;
    try {
        std::string out;
        out.reserve(text.size() * 3 / 4);
        std::uint32_t acc = 0;
        int bits = 0;
        for (const char c : text) {
            const std::int8_t v = decodeTable[static_cast<unsigned char>(c)];
            if (v < 0)
                return std::nullopt;
            acc = (acc << 6) | std::uint32_t(v);
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out += static_cast<char>((acc >> bits) & 0xff);
            }
        }
        // Canonical form only: the unused low bits of the last character are zero.
        if (bits > 0 && (acc & ((1u << bits) - 1)) != 0)
            return std::nullopt;
        return out;
    } catch (...) {
        return std::nullopt;
    }
}

} // namespace leadtrail::protocol
