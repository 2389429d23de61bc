// The relay in-process on port 0, driven by real HTTP clients over loopback:
// every endpoint's success and failure answers, open-redirect attempts,
// unsubscribe semantics, postback authentication, the events API (auth,
// validation, paging, long-poll), metrics, limits and the first-pass signals.
#include "relaytestsupport.h"

#include "eventstore.h"
#include "metrics.h"
#include "openhandler.h"
#include "relaycontext.h"
#include "relayserver.h"
#include "sqliteeventstore.h"

#include "protocol/eventfields.h"

#include <atomic>
#include <functional>
#include <memory>
#include <set>
#include <thread>
#include <vector>

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <Poco/Net/NetException.h>

using namespace Qt::StringLiterals;
using namespace leadtrail;
using protocol::TokenKind;
using relaytest::request;

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

QString field(std::string_view name)
{
    return QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size()));
}

const std::map<std::string, std::string> &auth()
{
    static const std::map<std::string, std::string> h{{"Authorization", "Bearer test-api-key-0123456789"}};
    return h;
}

/**
 * Reads one whole answer (head and Content-Length body) from a kept-alive
 * connection; empty when the server closed it or nothing came in time.
 */
std::string readAnswer(Poco::Net::StreamSocket &socket)
{
    std::string out;
    char buffer[4096];
    for (;;) {
        const std::size_t end = out.find("\r\n\r\n");
        if (end != std::string::npos) {
            std::size_t length = 0;
            const std::string head = Poco::toLower(out.substr(0, end));
            const std::size_t cl = head.find("content-length: ");
            if (cl != std::string::npos)
                length = std::stoul(head.substr(cl + 16));
            if (out.size() >= end + 4 + length)
                return out;
        }
        int n = 0;
        try {
            n = socket.receiveBytes(buffer, sizeof buffer);
        } catch (const Poco::Exception &) {
            return {};
        }
        if (n <= 0)
            return {};
        out.append(buffer, static_cast<std::size_t>(n));
    }
}

/** True when the server closes the connection (end of stream) before the socket's receive timeout. */
bool closedByServer(Poco::Net::StreamSocket &socket)
{
    char byte = 0;
    try {
        return socket.receiveBytes(&byte, 1) == 0;
    } catch (const Poco::Net::ConnectionResetException &) {
        return true;
    } catch (const Poco::Exception &) {
        return false;
    }
}

} // namespace

class TstRelayServer final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void healthz();
    void openPixelStoresEvent();
    void badOpenTokenStillGetsGifButNoEvent();
    void clickRedirectsWithClickIdPreservingQueryAndFragment();
    void clickIdsCanBeTurnedOffAndRenamed();
    void headClickIsStoredAndMarked();
    void decoyRedirectsWithoutClickId();
    void campaignWithoutClickIdsGetsNone();
    void badClickTokensGoToFallback();
    void openRedirectAttemptsCannotChangeLocation();
    void unsafeSignedUrlsGoToFallback();
    void noResponseHeaderContainsCrOrLf();
    void oldKeyStillVerifies();
    void unsubscribeGetChangesNothing();
    void unsubscribePostIsIdempotent();
    void unsubscribeBadTokenAndMethod();
    void postbackAuthenticationAndValidation();
    void postbackRecordsConversion();
    void apiRejectsMissingOrWrongKey();
    void apiRejectsMalformedCursorAndLimit();
    void apiPagesThousandsOfEvents();
    void apiLongPollWakesOnNewEvent();
    void apiLongPollTimesOutEmpty();
    void apiJsonIsValidForHostileUserAgents();
    void signalsAreRecorded();
    void forwardedForOnlyFromTrustedProxies();
    void metricsCountRequestsAndCommits();
    void uriTooLongIsRefused();
    void oversizedHeadersAreRefused();
    void unknownPathsAndMethods();
    void slowConnectionsDoNotStarveTheServer();
    void pipelinedRequestsAreAnsweredInOrder();
    void keepAliveServesAPausedClientThenClosesWhenIdle();
    void keepAliveEndsAfterTheRequestLimit();
    void expectContinueGetsTheInterimAnswer();
    void stopEndsIdleKeepAliveConnectionsPromptly();
    void clientsGoneBeforeTheirAnswerLoseNoEventAndHarmNoOne();
    void storeRetentionPurgeKeepsNewerAndIdsMonotonic();
    void storeWalStaysBoundedUnderSustainedWrites();
    void storeCopiesTheWalInTheBackground();

private:
    void startRelay(const std::function<void(relay::RelayConfig &)> &tweak = {});
    QJsonArray events(std::int64_t after = 0, int limit = 5000);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<relay::RelayServer> m_relay;
    std::uint16_t m_port = 0;
};

void TstRelayServer::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    startRelay();
}

void TstRelayServer::cleanup()
{
    if (m_relay)
        m_relay->stop();
    m_relay.reset();
    m_dir.reset();
}

void TstRelayServer::startRelay(const std::function<void(relay::RelayConfig &)> &tweak)
{
    if (m_relay)
        m_relay->stop();
    m_relay.reset();
    relay::RelayConfig config = relaytest::testConfig(m_dir->path().toStdString());
    if (tweak)
        tweak(config);
    m_relay = std::make_unique<relay::RelayServer>(config);
    m_relay->start();
    m_port = m_relay->port();
    QVERIFY(m_port != 0);
}

QJsonArray TstRelayServer::events(std::int64_t after, int limit)
{
    const auto r = request(m_port, "GET", "/api/v1/events?after=" + std::to_string(after) + "&limit=" + std::to_string(limit),
                           auth());
    if (r.status != 200)
        qWarning("events API answered %d", r.status);
    return QJsonDocument::fromJson(QByteArray::fromStdString(r.body)).object().value(field(protocol::eventfield::events)).toArray();
}

void TstRelayServer::healthz()
{
    const auto r = request(m_port, "GET", "/healthz");
    QCOMPARE(r.status, 200);
    QCOMPARE(q(r.body), u"ok\n"_s);
}

void TstRelayServer::openPixelStoresEvent()
{
    const auto r = request(m_port, "GET", "/o/" + relaytest::token(TokenKind::Open), {{"User-Agent", "Thunderbird/115"}});
    QCOMPARE(r.status, 200);
    QCOMPARE(q(r.header("content-type")), u"image/gif"_s);
    QCOMPARE(q(r.header("cache-control")), u"no-store"_s);
    QCOMPARE(r.body.size(), std::size_t(43));
    QVERIFY(r.body == std::string(relay::OpenHandler::pixel()));
    QVERIFY(r.body.rfind("GIF89a", 0) == 0);
    const QJsonArray e = events();
    QCOMPARE(e.size(), 1);
    const QJsonObject o = e.at(0).toObject();
    QCOMPARE(o[u"type"_s].toString(), u"open"_s);
    QCOMPARE(o[u"delivery"_s].toString(), u"00112233445566778899aabbccddeeff"_s);
    QCOMPARE(o[u"method"_s].toString(), u"GET"_s);
    QCOMPARE(o[u"ua"_s].toString(), u"Thunderbird/115"_s);
    QCOMPARE(o[u"ip"_s].toString(), u"127.0.0.1"_s);
    QVERIFY(o[u"id"_s].toInteger() > 0);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(qAbs(o[u"time"_s].toInteger() - now) < 60000);
}

void TstRelayServer::badOpenTokenStillGetsGifButNoEvent()
{
    for (const std::string &t : {std::string("garbage"), relaytest::token(TokenKind::Click, "https://a.example/"),
                                 relaytest::token(TokenKind::Open).substr(1), std::string()}) {
        const auto r = request(m_port, "GET", "/o/" + t);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.size(), std::size_t(43));
        QCOMPARE(q(r.header("cache-control")), u"no-store"_s);
    }
    QCOMPARE(events().size(), 0);
    QCOMPARE(m_relay->metrics().badTokens(relay::Endpoint::Open), std::uint64_t(4));
}

void TstRelayServer::clickRedirectsWithClickIdPreservingQueryAndFragment()
{
    const std::string url = "https://shop.example/p?a=1&b=two#section-2";
    const auto r = request(m_port, "GET", "/c/" + relaytest::token(TokenKind::Click, url, 7));
    QCOMPARE(r.status, 302);
    const std::string loc = r.header("location");
    QVERIFY2(loc.rfind("https://shop.example/p?a=1&b=two&lt_cid=", 0) == 0, loc.c_str());
    QVERIFY(loc.size() > 8 && loc.compare(loc.size() - 10, 10, "#section-2") == 0);
    const std::string cid = loc.substr(loc.find("lt_cid=") + 7, 32);
    QCOMPARE(cid.size(), std::size_t(32));
    QVERIFY(loc.compare(loc.find("lt_cid=") + 7 + 32, 1, "#") == 0);

    const QJsonArray e = events();
    QCOMPARE(e.size(), 1);
    const QJsonObject o = e.at(0).toObject();
    QCOMPARE(o[u"type"_s].toString(), u"click"_s);
    QCOMPARE(o[u"link"_s].toInt(), 7);
    QCOMPARE(o[u"url"_s].toString(), q(url));
    QCOMPARE(o[u"cid"_s].toString(), q(cid));

    // Every click gets its own id; a URL without query gets '?'.
    const auto r2 = request(m_port, "GET", "/c/" + relaytest::token(TokenKind::Click, "https://shop.example/p", 7));
    const auto r3 = request(m_port, "GET", "/c/" + relaytest::token(TokenKind::Click, "https://shop.example/p", 7));
    QVERIFY(r2.header("location").rfind("https://shop.example/p?lt_cid=", 0) == 0);
    QVERIFY(r2.header("location") != r3.header("location"));
}

void TstRelayServer::clickIdsCanBeTurnedOffAndRenamed()
{
    startRelay([](relay::RelayConfig &c) { c.clickIdParam = "ref"; });
    auto r = request(m_port, "GET", "/c/" + relaytest::token(TokenKind::Click, "https://a.example/x?"));
    QVERIFY(r.header("location").rfind("https://a.example/x?ref=", 0) == 0);
    startRelay([](relay::RelayConfig &c) { c.clickIdsEnabled = false; });
    r = request(m_port, "GET", "/c/" + relaytest::token(TokenKind::Click, "https://a.example/x?y=1#f"));
    QCOMPARE(q(r.header("location")), u"https://a.example/x?y=1#f"_s);
}

void TstRelayServer::headClickIsStoredAndMarked()
{
    const auto r = request(m_port, "HEAD", "/c/" + relaytest::token(TokenKind::Click, "https://a.example/"));
    QCOMPARE(r.status, 302);
    QVERIFY(r.header("location").rfind("https://a.example/?lt_cid=", 0) == 0);
    const QJsonObject o = events().at(0).toObject();
    QCOMPARE(o[u"method"_s].toString(), u"HEAD"_s);
    QCOMPARE(o[u"signals"_s].toObject()[u"head"_s].toBool(), true);
}

void TstRelayServer::campaignWithoutClickIdsGetsNone()
{
    // A campaign sent with "Click ids" unticked signs its links so: whatever
    // the relay's own switch says, the redirect carries no click id, and the
    // click is still stored as a click.
    const auto r = request(m_port, "GET", "/c/" + relaytest::token(TokenKind::ClickWithoutId, "https://a.example/p?y=1", 2));
    QCOMPARE(r.status, 302);
    QCOMPARE(q(r.header("location")), u"https://a.example/p?y=1"_s);
    const QJsonObject o = events().at(0).toObject();
    QCOMPARE(o[u"type"_s].toString(), u"click"_s);
    QCOMPARE(o[u"link"_s].toInt(), 2);
    QCOMPARE(o[u"cid"_s].toString(), QString());
    // The same link signed as a plain click gets one (relay.click_id.enabled is on).
    const auto withId = request(m_port, "GET", "/c/" + relaytest::token(TokenKind::Click, "https://a.example/p?y=1", 2));
    QVERIFY(withId.header("location").rfind("https://a.example/p?y=1&lt_cid=", 0) == 0);
}

void TstRelayServer::decoyRedirectsWithoutClickId()
{
    const auto r = request(m_port, "GET", "/c/" + relaytest::token(TokenKind::Decoy, "https://a.example/decoy"));
    QCOMPARE(r.status, 302);
    QCOMPARE(q(r.header("location")), u"https://a.example/decoy"_s);
    const QJsonObject o = events().at(0).toObject();
    QCOMPARE(o[u"type"_s].toString(), u"decoy"_s);
    QCOMPARE(o[u"cid"_s].toString(), QString());
}

void TstRelayServer::badClickTokensGoToFallback()
{
    const std::string good = relaytest::token(TokenKind::Click, "https://a.example/");
    std::string flipped = good;
    flipped[10] = flipped[10] == 'A' ? 'B' : 'A';
    for (const std::string &t : {std::string("x"), flipped, good.substr(0, good.size() - 1), good + "A",
                                 relaytest::token(TokenKind::Open), relaytest::token(TokenKind::Unsubscribe)}) {
        const auto r = request(m_port, "GET", "/c/" + t);
        QCOMPARE(r.status, 302);
        QCOMPARE(q(r.header("location")), u"https://fallback.example/"_s);
    }
    QCOMPARE(events().size(), 0);
}

void TstRelayServer::openRedirectAttemptsCannotChangeLocation()
{
    const std::string good = relaytest::token(TokenKind::Click, "https://good.example/landing");
    const std::vector<std::string> attempts = {
        "/c//evil.example",
        "/c/%2F%2Fevil.example",
        "/c/\\\\evil.example",
        "/c/%5C%5Cevil.example",
        "/c/" + good + "/..%2F..%2Fevil.example",
        "/c/" + good + "/https://evil.example",
        "/c/%0d%0aLocation:%20https://evil.example",
        "/c/" + good + "%0d%0aLocation:%20https://evil.example",
        "/c/https://evil.example",
        "/c/" + good + "%23@evil.example",
    };
    for (const std::string &uri : attempts) {
        const auto r = request(m_port, "GET", uri, {{"Host", "evil.example"}, {"X-Forwarded-Host", "evil.example"}});
        QCOMPARE(r.status, 302);
        QVERIFY2(r.header("location") == "https://fallback.example/", (uri + " -> " + r.header("location")).c_str());
    }
    // Query strings and headers never override the signed destination.
    for (const std::string query : {"?url=https://evil.example", "?redirect=//evil.example&next=evil",
                                     "?lt_cid=forged", "#https://evil.example"}) {
        const auto r = request(m_port, "GET", "/c/" + good + query,
                               {{"Referer", "https://evil.example"}, {"X-Original-URL", "https://evil.example"}});
        QCOMPARE(r.status, 302);
        QVERIFY2(r.header("location").rfind("https://good.example/landing?lt_cid=", 0) == 0, r.header("location").c_str());
        QVERIFY(r.header("location").find("evil") == std::string::npos);
        QVERIFY(r.header("location").find("forged") == std::string::npos);
    }
    // Absolute-form request-target naming another host.
    const std::string raw = relaytest::rawExchange(
        m_port, "GET http://evil.example/c/" + good + " HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
    QVERIFY2(raw.find("\r\nLocation: https://good.example/landing?lt_cid=") != std::string::npos, raw.c_str());
    QVERIFY(raw.find("evil") == std::string::npos);
}

void TstRelayServer::unsafeSignedUrlsGoToFallback()
{
    // Even a validly signed token cannot produce an unsafe Location.
    for (const std::string &url : {std::string("javascript:alert(1)"), std::string("https:///evil.example"),
                                   std::string("https://\\evil.example"), std::string("https://a.example/\r\nSet-Cookie: x=1"),
                                   std::string("https://a.example/ x"), std::string("//evil.example"), std::string()}) {
        const auto r = request(m_port, "GET", "/c/" + relaytest::token(TokenKind::Click, url));
        QCOMPARE(r.status, 302);
        QCOMPARE(q(r.header("location")), u"https://fallback.example/"_s);
    }
    // Non-ASCII bytes are percent-encoded, not passed raw.
    const auto r = request(m_port, "GET", "/c/" + relaytest::token(TokenKind::Click, "https://a.example/caf\xc3\xa9"));
    QVERIFY2(r.header("location").rfind("https://a.example/caf%C3%A9?lt_cid=", 0) == 0, r.header("location").c_str());
}

void TstRelayServer::noResponseHeaderContainsCrOrLf()
{
    const std::string good = relaytest::token(TokenKind::Click, "https://good.example/");
    const std::vector<std::string> requests = {
        "GET /c/" + good + "%0d%0aX-Evil:%201 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "GET /c/" + good + "?a=%0d%0aX-Evil:%201 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "GET /o/%0d%0aX-Evil:%201 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "GET /u/%0d%0aX-Evil:%201 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "GET /p?cid=%0d%0aX-Evil:1&key=%0d%0a HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "GET /nowhere%0d%0aX-Evil:%201 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    };
    for (const std::string &req : requests) {
        const std::string raw = relaytest::rawExchange(m_port, req);
        const auto end = raw.find("\r\n\r\n");
        QVERIFY2(end != std::string::npos, raw.c_str());
        const std::string head = raw.substr(0, end + 2);
        // Each header line ends in CRLF and has no other CR or LF in it, and nothing we did not set appears.
        std::size_t pos = 0;
        while (pos < head.size()) {
            const auto eol = head.find("\r\n", pos);
            QVERIFY(eol != std::string::npos);
            const std::string line = head.substr(pos, eol - pos);
            QVERIFY(line.find('\r') == std::string::npos && line.find('\n') == std::string::npos);
            pos = eol + 2;
        }
        QVERIFY2(head.find("X-Evil") == std::string::npos, head.c_str());
    }
}

void TstRelayServer::oldKeyStillVerifies()
{
    const auto r = request(m_port, "GET", "/c/" + relaytest::token(TokenKind::Click, "https://old.example/", 0, relaytest::key1()));
    QVERIFY(r.header("location").rfind("https://old.example/?lt_cid=", 0) == 0);
    const auto unknown = request(m_port, "GET",
                                 "/c/" + relaytest::token(TokenKind::Click, "https://old.example/", 0, {9, std::string(32, 'x')}));
    QCOMPARE(q(unknown.header("location")), u"https://fallback.example/"_s);
}

void TstRelayServer::unsubscribeGetChangesNothing()
{
    const std::string t = relaytest::token(TokenKind::Unsubscribe);
    for (int i = 0; i < 3; ++i) {
        const auto r = request(m_port, "GET", "/u/" + t, {{"User-Agent", "Mimecast Safe Links"}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("content-type").rfind("text/html", 0) == 0);
        QVERIFY(r.body.find("<form method=\"post\" action=\"/u/" + t + "\">") != std::string::npos);
        QVERIFY(r.body.find("<button") != std::string::npos);
    }
    QCOMPARE(request(m_port, "HEAD", "/u/" + t).status, 200);
    QCOMPARE(events().size(), 0);
}

void TstRelayServer::unsubscribePostIsIdempotent()
{
    const std::string t = relaytest::token(TokenKind::Unsubscribe);
    // RFC 8058 one-click: the body and no cookies.
    const auto first = request(m_port, "POST", "/u/" + t, {}, "List-Unsubscribe=One-Click",
                               "application/x-www-form-urlencoded");
    QCOMPARE(first.status, 200);
    QVERIFY(first.body.find("unsubscribed") != std::string::npos);
    QCOMPARE(events().size(), 1);
    // The page's own button, and a repeat: same answer, still one event.
    for (int i = 0; i < 3; ++i) {
        const auto again = request(m_port, "POST", "/u/" + t, {}, "List-Unsubscribe=One-Click",
                                   "application/x-www-form-urlencoded");
        QCOMPARE(again.status, 200);
        QVERIFY(again.body.find("unsubscribed") != std::string::npos);
    }
    const QJsonArray e = events();
    QCOMPARE(e.size(), 1);
    QCOMPARE(e.at(0).toObject()[u"type"_s].toString(), u"unsubscribe"_s);
    QCOMPARE(e.at(0).toObject()[u"method"_s].toString(), u"POST"_s);
    // Another delivery is its own unsubscribe.
    protocol::TokenFields f;
    f.kind = TokenKind::Unsubscribe;
    f.delivery = *protocol::DeliveryId::fromHex("ffeeddccbbaa99887766554433221100");
    f.issuedAt = relaytest::nowSeconds();
    QCOMPARE(request(m_port, "POST", "/u/" + protocol::signToken(f, relaytest::key2()), {}, "", "").status, 200);
    QCOMPARE(events().size(), 2);
}

void TstRelayServer::unsubscribeBadTokenAndMethod()
{
    const auto bad = request(m_port, "POST", "/u/garbage", {}, "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded");
    QCOMPARE(bad.status, 400);
    QVERIFY(bad.body.find("not valid") != std::string::npos);
    QCOMPARE(request(m_port, "GET", "/u/" + relaytest::token(TokenKind::Open)).status, 400);
    QCOMPARE(request(m_port, "PUT", "/u/" + relaytest::token(TokenKind::Unsubscribe), {}, "x").status, 405);
    // A body too large is refused from its Content-Length, before it is read.
    const std::string raw = relaytest::rawExchange(m_port, "POST /u/" + relaytest::token(TokenKind::Unsubscribe)
                                                       + " HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n");
    QVERIFY2(raw.rfind("HTTP/1.1 413", 0) == 0, raw.c_str());
    QCOMPARE(events().size(), 0);
}

void TstRelayServer::postbackAuthenticationAndValidation()
{
    const auto click = request(m_port, "GET", "/c/" + relaytest::token(TokenKind::Click, "https://a.example/"));
    const std::string loc = click.header("location");
    const std::string cid = loc.substr(loc.find("lt_cid=") + 7);
    const std::string key = "test-postback-key-0123456789";

    QCOMPARE(request(m_port, "GET", "/p?cid=" + cid + "&value=10").status, 401);
    QCOMPARE(request(m_port, "GET", "/p?cid=" + cid + "&value=10&key=wrong").status, 403);
    QCOMPARE(request(m_port, "GET", "/p?cid=" + cid + "&value=10&key=" + key.substr(0, key.size() - 1) + "X").status, 403);
    QCOMPARE(request(m_port, "GET", "/p?value=10&key=" + key).status, 400);
    QCOMPARE(request(m_port, "GET", "/p?cid=short&key=" + key).status, 400);
    // Well-formed but never issued: forgeries. The event id inside a click id is
    // public; guessing the rest of a real one must still fail.
    std::string wrongNonce = cid;
    wrongNonce[20] = wrongNonce[20] == 'A' ? 'B' : 'A';
    std::string otherEvent = cid;
    otherEvent[9] = otherEvent[9] == 'A' ? 'B' : 'A';
    for (const std::string &forgery : {wrongNonce, otherEvent, std::string("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")}) {
        const auto forged = request(m_port, "GET", "/p?cid=" + forgery + "&value=10&key=" + key);
        QVERIFY2(forged.status == 404 || forged.status == 400, forgery.c_str());
    }
    const auto forged = request(m_port, "GET", "/p?cid=" + wrongNonce + "&value=10&key=" + key);
    QCOMPARE(forged.status, 404);
    QVERIFY(forged.body.find("no click") != std::string::npos);
    // The id of an event that is not a click, with any nonce, is no click id either.
    request(m_port, "GET", "/o/" + relaytest::token(TokenKind::Open));
    QCOMPARE(request(m_port, "GET", "/p?cid=AAAAAAAAAAIAAAAAAAAAAAAAAAAAAAAA&key=" + key).status, 404);
    QCOMPARE(request(m_port, "GET", "/p?cid=" + cid + "&value=ten&key=" + key).status, 400);
    QCOMPARE(request(m_port, "GET", "/p?cid=" + cid + "&value=1e5&key=" + key).status, 400);
    QCOMPARE(request(m_port, "GET", "/p?cid=" + cid + "&currency=euro&key=" + key).status, 400);
    QCOMPARE(request(m_port, "GET", "/p?cid=" + cid + "&event=%3Cscript%3E&key=" + key).status, 400);
    QCOMPARE(request(m_port, "DELETE", "/p?cid=" + cid + "&key=" + key).status, 405);
    // Only the click and the open are stored: no rejected postback left anything.
    QCOMPARE(events().size(), 2);
}

void TstRelayServer::postbackRecordsConversion()
{
    const auto click = request(m_port, "GET", "/c/" + relaytest::token(TokenKind::Click, "https://a.example/buy", 4));
    const std::string loc = click.header("location");
    const std::string cid = loc.substr(loc.find("lt_cid=") + 7);
    const std::string key = "test-postback-key-0123456789";
    const auto get = request(m_port, "GET", "/p?cid=" + cid + "&value=19.90&currency=EUR&event=purchase&key=" + key);
    QCOMPARE(get.status, 200);
    const auto post = request(m_port, "POST", "/p", {}, "cid=" + cid + "&value=5&currency=USD&event=signup&key=" + key,
                              "application/x-www-form-urlencoded");
    QCOMPARE(post.status, 200);
    const QJsonArray e = events();
    QCOMPARE(e.size(), 3);
    const QJsonObject c = e.at(1).toObject();
    QCOMPARE(c[u"type"_s].toString(), u"conversion"_s);
    QCOMPARE(c[u"cid"_s].toString(), q(cid));
    QCOMPARE(c[u"value"_s].toString(), u"19.90"_s);
    QCOMPARE(c[u"currency"_s].toString(), u"EUR"_s);
    QCOMPARE(c[u"conversion"_s].toString(), u"purchase"_s);
    QCOMPARE(c[u"delivery"_s].toString(), u"00112233445566778899aabbccddeeff"_s);
    QCOMPARE(c[u"link"_s].toInt(), 4);
    QCOMPARE(e.at(2).toObject()[u"conversion"_s].toString(), u"signup"_s);
    QCOMPARE(e.at(2).toObject()[u"method"_s].toString(), u"POST"_s);
}

void TstRelayServer::apiRejectsMissingOrWrongKey()
{
    QCOMPARE(request(m_port, "GET", "/api/v1/events").status, 401);
    QCOMPARE(request(m_port, "GET", "/api/v1/events", {{"Authorization", "Bearer wrong"}}).status, 401);
    QCOMPARE(request(m_port, "GET", "/api/v1/events", {{"Authorization", "Bearer test-api-key-012345678"}}).status, 401);
    QCOMPARE(request(m_port, "GET", "/api/v1/events", {{"Authorization", "Bearer test-api-key-01234567890"}}).status, 401);
    QCOMPARE(request(m_port, "GET", "/api/v1/events", {{"Authorization", "Basic dGVzdC1hcGkta2V5LTAxMjM0NTY3ODk="}}).status, 401);
    QCOMPARE(request(m_port, "GET", "/api/v1/events?key=test-api-key-0123456789").status, 401);
    const auto r = request(m_port, "GET", "/api/v1/events");
    QVERIFY(r.header("www-authenticate").rfind("Bearer", 0) == 0);
    QCOMPARE(request(m_port, "GET", "/api/v1/events", auth()).status, 200);
}

void TstRelayServer::apiRejectsMalformedCursorAndLimit()
{
    for (const std::string query : {"after=abc", "after=-1", "after=1.5", "after=", "after=99999999999999999999",
                                     "limit=0", "limit=-3", "limit=x", "limit=100000", "wait=soon", "after=1%00"}) {
        const auto r = request(m_port, "GET", "/api/v1/events?" + query, auth());
        QVERIFY2(r.status == 400, query.c_str());
        QVERIFY(!r.body.empty());
    }
    QCOMPARE(request(m_port, "GET", "/api/v1/events?after=0&limit=1&wait=0", auth()).status, 200);
}

void TstRelayServer::apiPagesThousandsOfEvents()
{
    // 3000 real requests from 8 concurrent clients (keep-alive sessions).
    constexpr int clients = 8, perClient = 375;
    std::vector<std::thread> threads;
    std::atomic<int> ok{0};
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&, c] {
            Poco::Net::HTTPClientSession session("127.0.0.1", m_port);
            for (int i = 0; i < perClient; ++i) {
                Poco::Net::HTTPRequest req("GET", "/c/" + relaytest::token(TokenKind::Click, "https://a.example/", std::uint32_t(c * 1000 + i)),
                                           Poco::Net::HTTPMessage::HTTP_1_1);
                session.sendRequest(req);
                Poco::Net::HTTPResponse res;
                std::istream &in = session.receiveResponse(res);
                std::string ignored;
                Poco::StreamCopier::copyToString(in, ignored);
                if (res.getStatus() == 302)
                    ++ok;
            }
        });
    }
    for (auto &t : threads)
        t.join();
    QCOMPARE(ok.load(), clients * perClient);

    std::int64_t cursor = 0;
    std::set<std::int64_t> ids;
    std::set<int> links;
    int pages = 0;
    for (;;) {
        const auto r = request(m_port, "GET", "/api/v1/events?after=" + std::to_string(cursor) + "&limit=700", auth());
        QCOMPARE(r.status, 200);
        const QJsonObject page = QJsonDocument::fromJson(QByteArray::fromStdString(r.body)).object();
        const QJsonArray e = page[u"events"_s].toArray();
        const std::int64_t next = page[u"next"_s].toInteger();
        if (e.isEmpty()) {
            QCOMPARE(next, cursor);
            break;
        }
        QVERIFY(e.size() <= 700);
        std::int64_t previous = cursor;
        for (const QJsonValue &v : e) {
            const std::int64_t id = v.toObject()[u"id"_s].toInteger();
            QVERIFY2(id > previous, "ids must increase, oldest first");
            previous = id;
            QVERIFY(ids.insert(id).second);
            links.insert(v.toObject()[u"link"_s].toInt());
        }
        QCOMPARE(next, previous);
        cursor = next;
        ++pages;
    }
    QCOMPARE(int(ids.size()), clients * perClient);
    QCOMPARE(int(links.size()), clients * perClient);
    QCOMPARE(pages, 5); // ceil(3000 / 700)
    QCOMPARE(m_relay->metrics().eventsStored(), std::uint64_t(clients * perClient));
}

void TstRelayServer::apiLongPollWakesOnNewEvent()
{
    request(m_port, "GET", "/o/" + relaytest::token(TokenKind::Open));
    const std::int64_t last = events().at(0).toObject()[u"id"_s].toInteger();
    std::thread clicker([this] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        request(m_port, "GET", "/c/" + relaytest::token(TokenKind::Click, "https://late.example/"));
    });
    QElapsedTimer timer;
    timer.start();
    const auto r = request(m_port, "GET", "/api/v1/events?after=" + std::to_string(last) + "&wait=20", auth());
    const qint64 waited = timer.elapsed();
    clicker.join();
    QCOMPARE(r.status, 200);
    const QJsonObject page = QJsonDocument::fromJson(QByteArray::fromStdString(r.body)).object();
    const QJsonArray e = page[u"events"_s].toArray();
    QCOMPARE(e.size(), 1);
    QCOMPARE(e.at(0).toObject()[u"url"_s].toString(), u"https://late.example/"_s);
    QCOMPARE(page[u"next"_s].toInteger(), e.at(0).toObject()[u"id"_s].toInteger());
    // It returned because of the click, not because wait ran out.
    QVERIFY2(waited >= 250 && waited < 15000, qPrintable(QString::number(waited)));
}

void TstRelayServer::apiLongPollTimesOutEmpty()
{
    QElapsedTimer timer;
    timer.start();
    const auto r = request(m_port, "GET", "/api/v1/events?after=41&wait=1", auth());
    QCOMPARE(r.status, 200);
    QVERIFY(timer.elapsed() >= 900);
    const QJsonObject page = QJsonDocument::fromJson(QByteArray::fromStdString(r.body)).object();
    QCOMPARE(page[u"events"_s].toArray().size(), 0);
    QCOMPARE(page[u"next"_s].toInteger(), 41);
}

void TstRelayServer::apiJsonIsValidForHostileUserAgents()
{
    const std::string ua = std::string("quote\" back\\slash \x01\x1f tab\t caf\xc3\xa9 bad\xff\xfe end");
    request(m_port, "GET", "/o/" + relaytest::token(TokenKind::Open), {{"User-Agent", ua}});
    const auto r = request(m_port, "GET", "/api/v1/events", auth());
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(r.body), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QString got = doc.object()[u"events"_s].toArray()[0].toObject()[u"ua"_s].toString();
    QVERIFY(got.startsWith(u"quote\" back\\slash \u0001\u001f tab\t caf\u00e9 bad"_s));
    QVERIFY(got.contains(QChar(0xfffd)));
}

void TstRelayServer::signalsAreRecorded()
{
    const std::int64_t issued = relaytest::nowSeconds() - 3600;
    request(m_port, "GET", "/c/" + relaytest::token(TokenKind::Click, "https://a.example/", 0, relaytest::key2(), issued),
            {{"User-Agent", "Mozilla/5.0 (compatible; Mimecast-Scanner)"}});
    request(m_port, "GET", "/o/" + relaytest::token(TokenKind::Open), {{"User-Agent", "Mozilla/5.0"}});
    request(m_port, "GET", "/o/" + relaytest::token(TokenKind::Open), {{"User-Agent", "curl/8.1.2"}});
    request(m_port, "GET", "/o/" + relaytest::token(TokenKind::Open),
            {{"User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120 Safari/537.36"}});
    const QJsonArray e = events();
    QCOMPARE(e.size(), 4);
    const QJsonObject s0 = e.at(0).toObject()[u"signals"_s].toObject();
    QCOMPARE(s0[u"scanner"_s].toString(), u"Mimecast"_s);
    QVERIFY(qAbs(s0[u"age"_s].toInteger() - 3600) <= 5);
    QCOMPARE(s0[u"head"_s].toBool(), false);
    QCOMPARE(e.at(1).toObject()[u"signals"_s].toObject()[u"apple_mpp"_s].toBool(), true);
    QCOMPARE(e.at(2).toObject()[u"signals"_s].toObject()[u"scanner"_s].toString(), u"curl"_s);
    const QJsonObject human = e.at(3).toObject()[u"signals"_s].toObject();
    QCOMPARE(human[u"scanner"_s].toString(), QString());
    QCOMPARE(human[u"apple_mpp"_s].toBool(), false);
}

void TstRelayServer::forwardedForOnlyFromTrustedProxies()
{
    const std::map<std::string, std::string> xff{{"X-Forwarded-For", "198.51.100.7, 203.0.113.9"}};
    request(m_port, "GET", "/o/" + relaytest::token(TokenKind::Open), xff);
    QCOMPARE(events().at(0).toObject()[u"ip"_s].toString(), u"127.0.0.1"_s); // not trusted: ignored
    startRelay([](relay::RelayConfig &c) { c.trustedProxies = {"127.0.0.1/32", "203.0.113.0/24"}; });
    request(m_port, "GET", "/o/" + relaytest::token(TokenKind::Open), xff);
    request(m_port, "GET", "/o/" + relaytest::token(TokenKind::Open), {{"X-Forwarded-For", "not-an-ip, 17.1.2.3"}});
    const QJsonArray e = events();
    QCOMPARE(e.size(), 3);
    // The nearest address that is not one of our proxies is the client.
    QCOMPARE(e.at(1).toObject()[u"ip"_s].toString(), u"198.51.100.7"_s);
    QCOMPARE(e.at(2).toObject()[u"ip"_s].toString(), u"17.1.2.3"_s);
    QCOMPARE(e.at(2).toObject()[u"signals"_s].toObject()[u"apple_mpp"_s].toBool(), true); // Apple's range
}

void TstRelayServer::metricsCountRequestsAndCommits()
{
    request(m_port, "GET", "/c/" + relaytest::token(TokenKind::Click, "https://a.example/"));
    request(m_port, "GET", "/c/bad");
    request(m_port, "GET", "/o/bad");
    const auto r = request(m_port, "GET", "/metrics");
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("content-type").rfind("text/plain; version=0.0.4", 0) == 0);
    const QString m = q(r.body);
    QVERIFY2(m.contains(u"leadtrail_relay_requests_total{endpoint=\"click\",status=\"302\"} 2\n"_s), qPrintable(m));
    QVERIFY(m.contains(u"leadtrail_relay_requests_total{endpoint=\"open\",status=\"200\"} 1\n"_s));
    QVERIFY(m.contains(u"leadtrail_relay_bad_tokens_total{endpoint=\"click\"} 1\n"_s));
    QVERIFY(m.contains(u"leadtrail_relay_bad_tokens_total{endpoint=\"open\"} 1\n"_s));
    QVERIFY(m.contains(u"leadtrail_relay_events_stored_total 1\n"_s));
    QVERIFY(m.contains(u"leadtrail_relay_store_commit_seconds_count 1\n"_s));
    QVERIFY(m.contains(u"leadtrail_relay_store_commit_seconds_bucket{le=\"+Inf\"} 1\n"_s));
    QVERIFY(!m.contains(u"test-api-key"_s) && !m.contains(u"postback-key"_s));
}

void TstRelayServer::uriTooLongIsRefused()
{
    const auto r = request(m_port, "GET", "/c/" + std::string(9000, 'A'));
    QCOMPARE(r.status, 414);
    QCOMPARE(request(m_port, "GET", "/healthz").status, 200);
}

void TstRelayServer::oversizedHeadersAreRefused()
{
    const std::string longValue = relaytest::rawExchange(
        m_port, "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n");
    QVERIFY2(longValue.rfind("HTTP/1.1 400", 0) == 0, longValue.substr(0, 80).c_str());
    std::string many = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
    for (int i = 0; i < 200; ++i)
        many += "X-H" + std::to_string(i) + ": v\r\n";
    const std::string manyHeaders = relaytest::rawExchange(m_port, many + "\r\n");
    QVERIFY2(manyHeaders.rfind("HTTP/1.1 400", 0) == 0, manyHeaders.substr(0, 80).c_str());
    QCOMPARE(request(m_port, "GET", "/healthz").status, 200);
}

void TstRelayServer::unknownPathsAndMethods()
{
    QCOMPARE(request(m_port, "GET", "/").status, 404);
    QCOMPARE(request(m_port, "GET", "/x/abc").status, 404);
    QCOMPARE(request(m_port, "GET", "/api/v1/events/../../etc/passwd").status, 404);
    QCOMPARE(request(m_port, "POST", "/c/" + relaytest::token(TokenKind::Click, "https://a.example/"), {}, "x").status, 405);
    QCOMPARE(request(m_port, "POST", "/o/" + relaytest::token(TokenKind::Open), {}, "x").status, 405);
    QCOMPARE(request(m_port, "POST", "/api/v1/events", auth(), "x").status, 405);
    QCOMPARE(events().size(), 0);
}

void TstRelayServer::slowConnectionsDoNotStarveTheServer()
{
    startRelay([](relay::RelayConfig &c) {
        c.maxThreads = 4;
        c.maxQueued = 64;
        c.timeoutSeconds = 1;
        c.keepAliveSeconds = 1;
    });
    // Twice as many half-sent requests as there are threads, held open.
    std::vector<std::unique_ptr<Poco::Net::StreamSocket>> slow;
    for (int i = 0; i < 8; ++i) {
        auto s = std::make_unique<Poco::Net::StreamSocket>(Poco::Net::SocketAddress("127.0.0.1", m_port));
        s->sendBytes("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ", 38);
        slow.push_back(std::move(s));
    }
    QElapsedTimer timer;
    timer.start();
    const auto r = request(m_port, "GET", "/healthz");
    QCOMPARE(r.status, 200);
    // Served once the slow ones time out (1 s each, four at a time), not never.
    QVERIFY2(timer.elapsed() < 8000, qPrintable(QString::number(timer.elapsed())));
}

void TstRelayServer::pipelinedRequestsAreAnsweredInOrder()
{
    // Clicks and opens are answered by the writer thread after their commit;
    // a pipelined request behind one must still get its answer after it.
    const std::string click = relaytest::token(TokenKind::Click, "https://a.example/first");
    const std::string open = relaytest::token(TokenKind::Open);
    std::string bytes;
    for (int round = 0; round < 20; ++round) {
        bytes += "GET /c/" + click + " HTTP/1.1\r\nHost: t\r\n\r\n";
        bytes += "GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n";
        bytes += "HEAD /c/" + click + " HTTP/1.1\r\nHost: t\r\n\r\n";
        bytes += "GET /o/" + open + " HTTP/1.1\r\nHost: t\r\n\r\n";
    }
    bytes += "GET /nowhere HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n";

    Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", m_port));
    socket.setReceiveTimeout(Poco::Timespan(10, 0));
    socket.sendBytes(bytes.data(), static_cast<int>(bytes.size()));
    std::string answer;
    char buffer[4096];
    for (int n = 0; (n = socket.receiveBytes(buffer, sizeof buffer)) > 0;)
        answer.append(buffer, static_cast<std::size_t>(n));

    // Walk the answers in order: each one's status and what tells it apart.
    std::size_t at = 0;
    const auto next = [&](const std::string &status, const std::string &mark) {
        const std::size_t start = answer.find("HTTP/1.1 ", at);
        if (start != at)
            return false;
        const std::size_t end = answer.find("\r\n\r\n", start);
        if (end == std::string::npos)
            return false;
        const std::string head = answer.substr(start, end - start);
        std::size_t length = 0;
        const std::size_t cl = Poco::toLower(head).find("content-length: ");
        if (cl != std::string::npos)
            length = std::stoul(head.substr(cl + 16));
        const bool headOnly = mark == "head";
        at = end + 4 + (headOnly ? 0 : length);
        const std::string whole = answer.substr(start, at - start);
        return head.rfind("HTTP/1.1 " + status, 0) == 0 && (headOnly || whole.find(mark) != std::string::npos);
    };
    for (int round = 0; round < 20; ++round) {
        QVERIFY2(next("302", "Location: https://a.example/first?lt_cid="), answer.c_str());
        QVERIFY2(next("200", "ok\n"), answer.c_str());
        QVERIFY2(next("302", "head"), answer.c_str());
        QVERIFY2(next("200", "GIF89a"), answer.c_str());
    }
    QVERIFY2(next("404", "not found"), answer.c_str());
    QCOMPARE(at, answer.size());
    QCOMPARE(events().size(), 60);
}

void TstRelayServer::keepAliveServesAPausedClientThenClosesWhenIdle()
{
    startRelay([](relay::RelayConfig &c) { c.keepAliveSeconds = 2; });
    const std::string click = "GET /c/" + relaytest::token(TokenKind::Click, "https://a.example/k") +
                              " HTTP/1.1\r\nHost: t\r\n\r\n";
    Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", m_port));
    socket.setReceiveTimeout(Poco::Timespan(10, 0));
    for (int i = 0; i < 3; ++i) {
        // A reader who clicks again a moment later reuses the connection.
        if (i > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
        socket.sendBytes(click.data(), static_cast<int>(click.size()));
        const std::string answer = readAnswer(socket);
        QVERIFY2(answer.rfind("HTTP/1.1 302", 0) == 0, answer.c_str());
        QVERIFY2(answer.find("Location: https://a.example/k?lt_cid=") != std::string::npos, answer.c_str());
        QVERIFY2(Poco::toLower(answer).find("connection: close") == std::string::npos, answer.c_str());
    }
    // Then it sits idle: the server lets it go after the keep-alive timeout, not before.
    QElapsedTimer idle;
    idle.start();
    QVERIFY(closedByServer(socket));
    QVERIFY2(idle.elapsed() >= 1500 && idle.elapsed() < 8000, qPrintable(QString::number(idle.elapsed())));
    QCOMPARE(events().size(), 3);
}

void TstRelayServer::keepAliveEndsAfterTheRequestLimit()
{
    startRelay([](relay::RelayConfig &c) { c.maxKeepAliveRequests = 3; });
    const std::string health = "GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n";
    Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", m_port));
    socket.setReceiveTimeout(Poco::Timespan(10, 0));
    for (int i = 1; i <= 3; ++i) {
        socket.sendBytes(health.data(), static_cast<int>(health.size()));
        const std::string answer = readAnswer(socket);
        QVERIFY2(answer.rfind("HTTP/1.1 200", 0) == 0, answer.c_str());
        // The last allowed request is told the connection ends.
        const bool closing = Poco::toLower(answer).find("connection: close") != std::string::npos;
        QCOMPARE(closing, i == 3);
    }
    QVERIFY(closedByServer(socket));
    QCOMPARE(request(m_port, "GET", "/healthz").status, 200);
}

void TstRelayServer::expectContinueGetsTheInterimAnswer()
{
    // A client that asks before sending its body (curl does for large POSTs).
    const std::string body = "List-Unsubscribe=One-Click";
    Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", m_port));
    socket.setReceiveTimeout(Poco::Timespan(10, 0));
    const std::string head = "POST /u/" + relaytest::token(TokenKind::Unsubscribe) +
                             " HTTP/1.1\r\nHost: t\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                             "Content-Length: " + std::to_string(body.size()) + "\r\nExpect: 100-continue\r\n\r\n";
    socket.sendBytes(head.data(), static_cast<int>(head.size()));
    const std::string interim = readAnswer(socket);
    QVERIFY2(interim == "HTTP/1.1 100 Continue\r\n\r\n", interim.c_str());
    socket.sendBytes(body.data(), static_cast<int>(body.size()));
    const std::string answer = readAnswer(socket);
    QVERIFY2(answer.rfind("HTTP/1.1 200", 0) == 0, answer.c_str());
    QVERIFY2(answer.find("unsubscribed") != std::string::npos, answer.c_str());
    const QJsonArray e = events();
    QCOMPARE(e.size(), 1);
    QCOMPARE(e.at(0).toObject()[u"type"_s].toString(), u"unsubscribe"_s);
}

void TstRelayServer::stopEndsIdleKeepAliveConnectionsPromptly()
{
    // Default keep-alive timeout (5 s): stopping must not wait it out.
    Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", m_port));
    socket.setReceiveTimeout(Poco::Timespan(10, 0));
    const std::string click = "GET /c/" + relaytest::token(TokenKind::Click, "https://a.example/s") +
                              " HTTP/1.1\r\nHost: t\r\n\r\n";
    socket.sendBytes(click.data(), static_cast<int>(click.size()));
    QVERIFY(readAnswer(socket).rfind("HTTP/1.1 302", 0) == 0);
    QElapsedTimer timer;
    timer.start();
    m_relay->stop();
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(closedByServer(socket));
    QCOMPARE(m_relay->store().fetchAfter(0, 10).size(), std::size_t(1));
}

void TstRelayServer::clientsGoneBeforeTheirAnswerLoseNoEventAndHarmNoOne()
{
    // Clients that send a click and hang up at once: the writer answers a
    // closed connection (never another client that got its descriptor number).
    constexpr int gone = 200;
    const std::string click = relaytest::token(TokenKind::Click, "https://a.example/gone");
    for (int i = 0; i < gone; ++i) {
        Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", m_port));
        const std::string bytes = "GET /c/" + click + " HTTP/1.1\r\nHost: t\r\n\r\n";
        socket.sendBytes(bytes.data(), static_cast<int>(bytes.size()));
        socket.close();
    }
    // Meanwhile well-behaved clients each get exactly their own answer.
    std::vector<std::thread> clients;
    std::atomic<int> right{0};
    for (int t = 0; t < 4; ++t) {
        clients.emplace_back([&, t] {
            for (int i = 0; i < 25; ++i) {
                const std::string url = "https://a.example/c" + std::to_string(t) + "-" + std::to_string(i);
                const auto r = request(m_port, "GET", "/c/" + relaytest::token(TokenKind::Click, url));
                if (r.status == 302 && r.header("location").rfind(url + "?lt_cid=", 0) == 0)
                    ++right;
            }
        });
    }
    for (std::thread &c : clients)
        c.join();
    QCOMPARE(right.load(), 100);
    // Every hung-up click was read before the hang-up, so it is stored too.
    QTRY_COMPARE_WITH_TIMEOUT(events().size(), gone + 100, 10000);
    QCOMPARE(request(m_port, "GET", "/healthz").status, 200);
}

void TstRelayServer::storeRetentionPurgeKeepsNewerAndIdsMonotonic()
{
    const std::string path = m_dir->filePath(u"purge.sqlite"_s).toStdString();
    const std::int64_t now = relay::RelayContext::nowMs();
    const std::int64_t day = 24LL * 3600 * 1000;
    std::int64_t lastBefore = 0;
    {
        relay::SqliteEventStore store(path);
        std::vector<relay::Event> events(4);
        events[0].timeMs = now - 100 * day;
        events[1].timeMs = now - 91 * day;
        events[2].timeMs = now - 89 * day;
        events[3].timeMs = now;
        std::vector<relay::Event *> batch;
        for (auto &e : events) {
            e.delivery = "00112233445566778899aabbccddeeff";
            batch.push_back(&e);
        }
        store.append(batch);
        QCOMPARE(events[3].id, events[0].id + 3);
        QCOMPARE(store.purgeOlderThan(now - 90 * day), std::size_t(2));
        const auto left = store.fetchAfter(0, 10);
        QCOMPARE(left.size(), std::size_t(2));
        QCOMPARE(left[0].timeMs, now - 89 * day);
        QCOMPARE(store.purgeOlderThan(now + day), std::size_t(2)); // everything
        lastBefore = store.lastId();
        QCOMPARE(lastBefore, events[3].id);
    }
    relay::SqliteEventStore reopened(path);
    relay::Event e;
    e.timeMs = now;
    std::vector<relay::Event *> batch{&e};
    reopened.append(batch);
    QVERIFY2(e.id > lastBefore, "ids are never reused after a purge, so cursors stay valid");
}

void TstRelayServer::storeWalStaysBoundedUnderSustainedWrites()
{
    const QString path = m_dir->filePath(u"wal.sqlite"_s);
    constexpr int batches = 400, perBatch = 100;
    {
        relay::SqliteEventStore store(path.toStdString());
        std::vector<relay::Event> events(perBatch);
        std::vector<relay::Event *> batch;
        for (auto &e : events) {
            e.delivery = "00112233445566778899aabbccddeeff";
            e.userAgent = std::string(1000, 'u'); // about 100 MB written in all
            batch.push_back(&e);
        }
        qint64 largest = 0;
        for (int i = 0; i < batches; ++i) {
            store.append(batch);
            store.maintain(); // as the writer thread does between batches
            largest = std::max(largest, QFileInfo(path + u"-wal"_s).size());
        }
        // 16 MB is where the writer checkpoints; one batch may pass it before it does.
        QVERIFY2(largest < 24 * 1024 * 1024, qPrintable(QString::number(largest)));
        QCOMPARE(store.fetchAfter(0, batches * perBatch).size(), std::size_t(batches * perBatch));
    }
    relay::SqliteEventStore reopened(path.toStdString());
    QCOMPARE(reopened.lastId(), std::int64_t(batches * perBatch));
}

void TstRelayServer::storeCopiesTheWalInTheBackground()
{
    // Below the size where the writer checkpoints itself, only the background
    // pass copies committed pages into the database file; when it does its work,
    // the writer's own checkpoint has little left and stalls requests briefly.
    const QString path = m_dir->filePath(u"background.sqlite"_s);
    relay::SqliteEventStore store(path.toStdString());
    const qint64 empty = QFileInfo(path).size();
    std::vector<relay::Event> events(100);
    std::vector<relay::Event *> batch;
    for (auto &e : events) {
        e.delivery = "00112233445566778899aabbccddeeff";
        e.userAgent = std::string(1000, 'u');
        batch.push_back(&e);
    }
    for (int i = 0; i < 40; ++i) // about 4 MB: a quarter of the WAL limit
        store.append(batch);
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path).size() > empty + 3 * 1024 * 1024, 5000);
    QCOMPARE(store.fetchAfter(0, 5000).size(), std::size_t(4000));
}

QTEST_GUILESS_MAIN(TstRelayServer)
#include "tst_relayserver.moc"
