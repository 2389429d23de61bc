#include "protocol/secure.h"

#include <cerrno>
#include <stdexcept>

#include <sys/random.h>

namespace leadtrail::protocol {

bool constantTimeEqual(std::string_view a, std::string_view b) noexcept
{
    // Lengths are not secret (keys and tags have fixed sizes); contents are.
    if (a.size() != b.size())
        return false;
    volatile unsigned char diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        diff = diff | static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

std::string randomBytes(std::size_t count)
{
    std::string out(count, '\0');
    std::size_t filled = 0;
    while (filled < count) {
        const ssize_t n = ::getrandom(out.data() + filled, count - filled, 0);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            throw std::runtime_error("getrandom failed");
        }
        filled += static_cast<std::size_t>(n);
    }
    return out;
}

std::string toHex(std::string_view bytes)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        out += digits[b >> 4];
        out += digits[b & 15];
    }
    return out;
}

namespace {
int hexValue(char c) noexcept
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}
} // namespace

bool fromHex(std::string_view hex, std::string &out) noexcept
{
    if (hex.size() % 2 != 0)
        return false;
    try {
        std::string result;
        result.reserve(hex.size() / 2);
        for (std::size_t i = 0; i < hex.size(); i += 2) {
            const int hi = hexValue(hex[i]);
            const int lo = hexValue(hex[i + 1]);
            if (hi < 0 || lo < 0)
                return false;
            result += static_cast<char>((hi << 4) | lo);
        }
        out = std::move(result);
        return true;
    } catch (...) {
        return false;
    }
}

} // namespace leadtrail::protocol
