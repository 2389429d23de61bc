// Tracking tokens and pairing codes: the shared vectors, then every way a
// token can be damaged or forged, which must fail without throwing.
#include "protocol/base64url.h"
#include "protocol/pairing.h"
#include "protocol/secure.h"
#include "protocol/token.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <atomic>
#include <thread>

using namespace Qt::StringLiterals;
using namespace leadtrail::protocol;

namespace {

struct Vector
{
    SigningKey key;
    TokenFields fields;
    std::string token;
};

std::string hexToBytes(const QString &hex)
{
    std::string out;
    if (!fromHex(hex.toStdString(), out))
        qFatal("bad hex in vectors.json");
    return out;
}

TokenKind kindFromName(const QString &name)
{
    if (name == u"open"_s)
        return TokenKind::Open;
    if (name == u"click"_s)
        return TokenKind::Click;
    if (name == u"unsubscribe"_s)
        return TokenKind::Unsubscribe;
    if (name == u"decoy"_s)
        return TokenKind::Decoy;
    qFatal("unknown kind in vectors.json");
}

std::vector<Vector> loadVectors()
{
    QFile file(QStringLiteral(LEADTRAIL_TEST_DATA "/tokens/vectors.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonArray array = QJsonDocument::fromJson(file.readAll()).object().value(u"vectors"_s).toArray();
    std::vector<Vector> vectors;
    for (const QJsonValue &value : array) {
        const QJsonObject o = value.toObject();
        Vector v;
        v.key.id = static_cast<std::uint32_t>(o.value(u"keyId"_s).toInteger());
        v.key.secret = hexToBytes(o.value(u"keyHex"_s).toString());
        v.fields.kind = kindFromName(o.value(u"kind"_s).toString());
        v.fields.delivery = *DeliveryId::fromHex(o.value(u"delivery"_s).toString().toStdString());
        v.fields.linkIndex = static_cast<std::uint32_t>(o.value(u"linkIndex"_s).toInteger());
        v.fields.issuedAt = o.value(u"issuedAt"_s).toInteger();
        v.fields.url = o.value(u"url"_s).toString().toStdString();
        v.token = o.value(u"token"_s).toString().toStdString();
        vectors.push_back(std::move(v));
    }
    return vectors;
}

Keyring ringOf(const SigningKey &key)
{
    Keyring ring;
    ring.add(key);
    return ring;
}

SigningKey testKey(std::uint32_t id, char fill)
{
    return SigningKey{id, std::string(32, fill)};
}

TokenFields clickFields()
{
    TokenFields f;
    f.kind = TokenKind::Click;
    f.delivery = *DeliveryId::fromHex("0f1e2d3c4b5a69788796a5b4c3d2e1f0");
    f.linkIndex = 2;
    f.issuedAt = 1763820000;
    f.url = "https://example.com/a?b=c#d";
    return f;
}

} // namespace

class TstToken final : public QObject
{
    Q_OBJECT

private slots:
    void vectorsMatchAnIndependentSigner();
    void vectorsVerifyToTheirFields();
    void everyTruncationIsRejected();
    void everyExtensionIsRejected();
    void everySingleBitFlipIsRejected();
    void wrongKeyIdAndWrongSecret();
    void wrongKindIsReported();
    void unknownVersionIsReported();
    void garbageNeverThrowsAndIsMalformed();
    void rotatedKeysKeepVerifying();
    void signerRefusesWeakKeysAndHugeUrls();
    void tagsMatchOpenSslHmacForManyKeysAndThreads();
    void base64UrlRoundTripsAndIsStrict();
    void deliveryIdHex();
    void constantTimeEqualCompares();
    void pairingCodeRoundTrips();
    void damagedPairingCodesAreRejected();
};

void TstToken::vectorsMatchAnIndependentSigner()
{
    const std::vector<Vector> vectors = loadVectors();
    QVERIFY2(vectors.size() >= 5, "tests/data/tokens/vectors.json is missing or short");
    for (const Vector &v : vectors)
        QCOMPARE(QString::fromStdString(signToken(v.fields, v.key)), QString::fromStdString(v.token));
}

void TstToken::vectorsVerifyToTheirFields()
{
    for (const Vector &v : loadVectors()) {
        const VerifyResult r = verifyToken(v.token, ringOf(v.key), v.fields.kind);
        QCOMPARE(r.error, TokenError::None);
        QCOMPARE(r.keyId, v.key.id);
        QVERIFY(r.fields == v.fields);
        QVERIFY(r.fields.url == v.fields.url);
    }
}

void TstToken::everyTruncationIsRejected()
{
    for (const Vector &v : loadVectors()) {
        const Keyring ring = ringOf(v.key);
        for (std::size_t n = 0; n < v.token.size(); ++n) {
            const VerifyResult r = verifyToken(std::string_view(v.token).substr(0, n), ring);
            QVERIFY2(!r.ok(), qPrintable(u"prefix of %1 chars accepted"_s.arg(n)));
        }
        // Truncation of the decoded bytes, re-encoded canonically.
        const std::string bytes = *base64UrlDecode(v.token);
        for (std::size_t n = 0; n < bytes.size(); ++n)
            QVERIFY(!verifyToken(base64UrlEncode(bytes.substr(0, n)), ring).ok());
    }
}

void TstToken::everyExtensionIsRejected()
{
    for (const Vector &v : loadVectors()) {
        const Keyring ring = ringOf(v.key);
        for (const char c : std::string("AQgw_-z09=.~ %\n")) {
            QVERIFY(!verifyToken(v.token + c, ring).ok());
            QVERIFY(!verifyToken(v.token + c + c, ring).ok());
        }
        const std::string bytes = *base64UrlDecode(v.token);
        for (int b = 0; b < 256; ++b)
            QCOMPARE(verifyToken(base64UrlEncode(bytes + static_cast<char>(b)), ring).error, TokenError::Malformed);
    }
}

void TstToken::everySingleBitFlipIsRejected()
{
    for (const Vector &v : loadVectors()) {
        const Keyring ring = ringOf(v.key);
        // In the text: any character changed by one bit.
        for (std::size_t i = 0; i < v.token.size(); ++i) {
            for (int bit = 0; bit < 8; ++bit) {
                std::string t = v.token;
                t[i] = static_cast<char>(t[i] ^ (1 << bit));
                QVERIFY2(!verifyToken(t, ring).ok(), qPrintable(u"char %1 bit %2"_s.arg(i).arg(bit)));
            }
        }
        // In the bytes: any field or tag bit flipped and re-encoded canonically.
        const std::string bytes = *base64UrlDecode(v.token);
        for (std::size_t i = 0; i < bytes.size(); ++i) {
            for (int bit = 0; bit < 8; ++bit) {
                std::string b = bytes;
                b[i] = static_cast<char>(b[i] ^ (1 << bit));
                const VerifyResult r = verifyToken(base64UrlEncode(b), ring);
                QVERIFY2(!r.ok(), qPrintable(u"byte %1 bit %2"_s.arg(i).arg(bit)));
            }
        }
    }
}

void TstToken::wrongKeyIdAndWrongSecret()
{
    const std::string token = signToken(clickFields(), testKey(5, 'k'));
    QCOMPARE(verifyToken(token, ringOf(testKey(6, 'k'))).error, TokenError::UnknownKey);
    QCOMPARE(verifyToken(token, Keyring{}).error, TokenError::UnknownKey);
    QCOMPARE(verifyToken(token, ringOf(testKey(5, 'x'))).error, TokenError::BadSignature);
    QCOMPARE(verifyToken(token, ringOf(testKey(5, 'k'))).error, TokenError::None);
}

void TstToken::wrongKindIsReported()
{
    const Keyring ring = ringOf(testKey(1, 'a'));
    const std::string click = signToken(clickFields(), testKey(1, 'a'));
    QCOMPARE(verifyToken(click, ring, TokenKind::Open).error, TokenError::WrongKind);
    QCOMPARE(verifyToken(click, ring, TokenKind::Unsubscribe).error, TokenError::WrongKind);
    QCOMPARE(verifyToken(click, ring, TokenKind::Click).error, TokenError::None);
    // Changing the kind byte (to another kind or outside the enum) breaks the tag.
    std::string bytes = *base64UrlDecode(click);
    for (int kind : {1, 3, 4, 9}) {
        bytes[5] = static_cast<char>(kind);
        QCOMPARE(verifyToken(base64UrlEncode(bytes), ring).error, TokenError::BadSignature);
    }
}

void TstToken::unknownVersionIsReported()
{
    const Keyring ring = ringOf(testKey(1, 'a'));
    std::string bytes = *base64UrlDecode(signToken(clickFields(), testKey(1, 'a')));
    for (int version : {0, 2, 255}) {
        bytes[0] = static_cast<char>(version);
        QCOMPARE(verifyToken(base64UrlEncode(bytes), ring).error, TokenError::UnknownVersion);
    }
}

void TstToken::garbageNeverThrowsAndIsMalformed()
{
    const Keyring ring = ringOf(testKey(1, 'a'));
    const std::vector<std::string> samples = {
        "", "=", "====", "A", "AQ", "AQ==", "not a token", "../../etc/passwd", "%0d%0aLocation:x",
        std::string(100000, 'A'), std::string("\0\0\0", 3), "//evil.example", "\\\\evil",
    };
    for (const std::string &s : samples)
        QVERIFY(!verifyToken(s, ring).ok());
    QCOMPARE(verifyToken(std::string(100000, 'A'), ring).error, TokenError::Malformed);
    QCOMPARE(verifyToken("AQ==", ring).error, TokenError::Malformed);
    auto *rng = QRandomGenerator::global();
    for (int i = 0; i < 5000; ++i) {
        std::string s(rng->bounded(0, 200), '\0');
        for (char &c : s)
            c = static_cast<char>(rng->bounded(256));
        QVERIFY(!verifyToken(s, ring).ok());
        QVERIFY(!verifyToken(base64UrlEncode(s), ring).ok());
    }
}

void TstToken::rotatedKeysKeepVerifying()
{
    Keyring ring;
    ring.add(testKey(1, 'a'));
    const std::string oldToken = signToken(clickFields(), *ring.current());
    ring.add(testKey(2, 'b'));
    QCOMPARE(ring.current()->id, 2u);
    const std::string newToken = signToken(clickFields(), *ring.current());
    QVERIFY(oldToken != newToken);
    QCOMPARE(verifyToken(oldToken, ring).keyId, 1u);
    QVERIFY(verifyToken(oldToken, ring).ok());
    QVERIFY(verifyToken(newToken, ring).ok());
    QCOMPARE(ring.keys().size(), std::size_t(2));
    ring.add(testKey(1, 'c')); // same id replaces
    QCOMPARE(ring.keys().size(), std::size_t(2));
    QCOMPARE(verifyToken(oldToken, ring).error, TokenError::BadSignature);
}

void TstToken::signerRefusesWeakKeysAndHugeUrls()
{
    QVERIFY(signToken(clickFields(), SigningKey{1, std::string(31, 'a')}).empty());
    TokenFields f = clickFields();
    f.url = "https://example.com/" + std::string(tokenMaxUrlSize, 'x');
    QVERIFY(signToken(f, testKey(1, 'a')).empty());
    f.url.resize(tokenMaxUrlSize);
    const std::string t = signToken(f, testKey(1, 'a'));
    QVERIFY(!t.empty());
    QVERIFY(verifyToken(t, ringOf(testKey(1, 'a'))).ok());
}

void TstToken::tagsMatchOpenSslHmacForManyKeysAndThreads()
{
    // The signer keeps each thread's last few keys' pad states; every tag must
    // still equal OpenSSL's one-shot HMAC(), whatever the key size (longer
    // than SHA-256's 64-byte block: hashed first), however keys alternate
    // (more keys than it keeps) and on several threads at once.
    std::vector<SigningKey> keys;
    for (std::size_t size : {32, 33, 63, 64, 65, 100, 200})
        keys.push_back(SigningKey{static_cast<std::uint32_t>(size), randomBytes(size)});
    const auto expectedTag = [](const std::string &token, const SigningKey &key) {
        const std::string bytes = *base64UrlDecode(token);
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int size = 0;
        HMAC(EVP_sha256(), key.secret.data(), static_cast<int>(key.secret.size()),
             reinterpret_cast<const unsigned char *>(bytes.data()), bytes.size() - tokenTagSize, digest, &size);
        return bytes.substr(bytes.size() - tokenTagSize) == std::string(reinterpret_cast<char *>(digest), tokenTagSize);
    };
    std::atomic<int> mismatches{0};
    std::atomic<int> checked{0};
    const auto run = [&](int seed) {
        for (int i = 0; i < 300; ++i) {
            const SigningKey &key = keys[static_cast<std::size_t>(i * 7 + seed) % keys.size()];
            TokenFields f = clickFields();
            f.linkIndex = static_cast<std::uint32_t>(i);
            f.url = "https://example.com/" + std::string(static_cast<std::size_t>(i % 150), 'a' + char(seed));
            const std::string token = signToken(f, key);
            Keyring ring;
            ring.add(key);
            if (!expectedTag(token, key) || !verifyToken(token, ring).ok())
                ++mismatches;
            ++checked;
        }
    };
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back(run, t);
    run(5);
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(checked.load(), 5 * 300);
    QCOMPARE(mismatches.load(), 0);
}

void TstToken::base64UrlRoundTripsAndIsStrict()
{
    for (int n = 0; n < 80; ++n) {
        const std::string bytes = randomBytes(static_cast<std::size_t>(n));
        const std::string text = base64UrlEncode(bytes);
        QVERIFY(text.find_first_of("+/=") == std::string::npos);
        QVERIFY(base64UrlDecode(text) == bytes);
    }
    QVERIFY(base64UrlDecode("Zg") == std::string("f"));
    QVERIFY(!base64UrlDecode("Zh")); // non-zero trailing bits
    QVERIFY(!base64UrlDecode("Zg=="));
    QVERIFY(!base64UrlDecode("Z"));
    QVERIFY(!base64UrlDecode("Zm9v+A"));
    QVERIFY(base64UrlEncode("\xfb\xff") == "-_8");
}

void TstToken::deliveryIdHex()
{
    const auto id = DeliveryId::fromHex("00112233445566778899AABBCCDDEEFF");
    QVERIFY(id);
    QCOMPARE(QString::fromStdString(id->toHex()), u"00112233445566778899aabbccddeeff"_s);
    QVERIFY(!DeliveryId::fromHex("00112233445566778899aabbccddeef"));
    QVERIFY(!DeliveryId::fromHex("00112233445566778899aabbccddeeff0"));
    QVERIFY(!DeliveryId::fromHex("g0112233445566778899aabbccddeeff"));
    QVERIFY(!DeliveryId::fromHex(""));
    const DeliveryId a = DeliveryId::random(), b = DeliveryId::random();
    QVERIFY(a != b);
    QVERIFY(a != DeliveryId{});
}

void TstToken::constantTimeEqualCompares()
{
    QVERIFY(constantTimeEqual("abc", "abc"));
    QVERIFY(!constantTimeEqual("abc", "abd"));
    QVERIFY(!constantTimeEqual("abc", "ab"));
    QVERIFY(constantTimeEqual("", ""));
}

void TstToken::pairingCodeRoundTrips()
{
    PairingInfo info{"https://track.example.com", SigningKey{3, randomBytes(32)}, "api-" + toHex(randomBytes(24))};
    const std::string code = formatPairingCode(info);
    QVERIFY(code.rfind(std::string(pairingCodePrefix), 0) == 0);
    QVERIFY(code.find_first_of(" \t\r\n") == std::string::npos);
    const auto parsed = parsePairingCode("  " + code + "\n");
    QVERIFY(parsed);
    QCOMPARE(QString::fromStdString(parsed->publicUrl), QString::fromStdString(info.publicUrl));
    QCOMPARE(parsed->signingKey.id, 3u);
    QVERIFY(parsed->signingKey.secret == info.signingKey.secret);
    QVERIFY(parsed->apiKey == info.apiKey);
    // The key carried by the code signs tokens that the relay's keyring accepts.
    QVERIFY(verifyToken(signToken(clickFields(), parsed->signingKey), ringOf(info.signingKey)).ok());
}

void TstToken::damagedPairingCodesAreRejected()
{
    PairingInfo info{"http://127.0.0.1:8080/relay", SigningKey{1, std::string(32, 's')}, "k"};
    const std::string code = formatPairingCode(info);
    QVERIFY(parsePairingCode(code));
    for (std::size_t i = pairingCodePrefix.size(); i < code.size(); ++i) {
        std::string damaged = code;
        damaged[i] = damaged[i] == 'A' ? 'B' : 'A';
        QVERIFY2(!parsePairingCode(damaged), qPrintable(u"changed char %1 accepted"_s.arg(i)));
    }
    QVERIFY(!parsePairingCode(code.substr(0, code.size() - 1)));
    QVERIFY(!parsePairingCode("ltpair2." + code.substr(pairingCodePrefix.size())));
    QVERIFY(!parsePairingCode(code.substr(0, 20) + " " + code.substr(20)));
    QVERIFY(!parsePairingCode(""));
    QVERIFY(!parsePairingCode("garbage"));
    QVERIFY(formatPairingCode(PairingInfo{"https://x", SigningKey{1, std::string(300, 's')}, "k"}).empty());
    // Fields that parse but are unusable are refused too.
    QVERIFY(!parsePairingCode(formatPairingCode(PairingInfo{"ftp://x", SigningKey{1, std::string(32, 's')}, "k"})));
    QVERIFY(!parsePairingCode(formatPairingCode(PairingInfo{"https://x", SigningKey{1, std::string(8, 's')}, "k"})));
    QVERIFY(!parsePairingCode(formatPairingCode(PairingInfo{"https://x", SigningKey{1, std::string(32, 's')}, ""})));
    QVERIFY(!parsePairingCode(formatPairingCode(PairingInfo{"https://x/?a", SigningKey{1, std::string(32, 's')}, "k"})));
}

QTEST_APPLESS_MAIN(TstToken)
#include "tst_token.moc"
