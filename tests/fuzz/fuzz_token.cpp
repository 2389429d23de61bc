// libFuzzer target: token decoding and pairing-code parsing on arbitrary bytes.
// Beyond "no crash": verification never accepts an input that is not exactly
// what the signer writes for the fields it returns.
#include "protocol/base64url.h"
#include "protocol/pairing.h"
#include "protocol/token.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace leadtrail::protocol;

namespace {

const Keyring &ring()
{
    static const Keyring keys = [] {
        Keyring k;
        k.add(SigningKey{1, std::string(32, '\x11')});
        k.add(SigningKey{2, std::string(32, '\x22')});
        return k;
    }();
    return keys;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char *>(data), size);

    const VerifyResult r = verifyToken(input, ring());
    if (r.ok()) {
        // Only a canonical, correctly signed token verifies: re-signing reproduces it exactly.
        if (signToken(r.fields, *ring().find(r.keyId)) != input)
            std::abort();
    }
    for (TokenKind kind : {TokenKind::Open, TokenKind::Click, TokenKind::Unsubscribe, TokenKind::Decoy}) {
        const VerifyResult k = verifyToken(input, ring(), kind);
        if (k.ok() && k.fields.kind != kind)
            std::abort();
    }

    if (const auto bytes = base64UrlDecode(input)) {
        if (base64UrlEncode(*bytes) != input) // strict decoding means one spelling per byte string
            std::abort();
        // Also feed the bytes as a token body, so the fuzzer reaches the field parser quickly.
        const std::string asToken = base64UrlEncode(*bytes);
        (void)verifyToken(asToken, ring());
    }

    if (const auto info = parsePairingCode(input)) {
        if (!isValidPublicUrl(info->publicUrl) || info->signingKey.secret.size() < tokenMinSecretSize)
            std::abort();
        if (!parsePairingCode(formatPairingCode(*info)))
            std::abort();
    }
    return 0;
}
