#include "clickid.h"

#include "protocol/base64url.h"
#include "protocol/secure.h"

namespace leadtrail::relay::clickid {

std::string newNonce()
{
    return protocol::randomBytes(nonceSize);
}

std::string make(std::int64_t eventId, std::string_view nonce)
{
    std::string bytes;
    bytes.reserve(8 + nonce.size());
    for (int shift = 56; shift >= 0; shift -= 8)
        bytes += static_cast<char>((static_cast<std::uint64_t>(eventId) >> shift) & 0xff);
    bytes.append(nonce);
    return protocol::base64UrlEncode(bytes);
}

std::optional<std::int64_t> eventIdOf(std::string_view clickId)
{
    if (clickId.size() != textSize)
        return std::nullopt;
    const auto bytes = protocol::base64UrlDecode(clickId);
    if (!bytes || bytes->size() != 8 + nonceSize)
        return std::nullopt;
    std::uint64_t id = 0;
    for (int i = 0; i < 8; ++i)
        id = (id << 8) | static_cast<std::uint8_t>((*bytes)[static_cast<std::size_t>(i)]);
    if (id == 0 || id > static_cast<std::uint64_t>(INT64_MAX))
        return std::nullopt;
    return static_cast<std::int64_t>(id);
}

} // namespace leadtrail::relay::clickid
