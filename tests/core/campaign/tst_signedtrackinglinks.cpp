#include <QTest>

#include "campaign/linkrewriter.h"
#include "campaign/signedtrackinglinks.h"
#include "protocol/token.h"

using leadtrail::LinkRewriter;
using leadtrail::SignedTrackingLinks;
namespace protocol = leadtrail::protocol;

namespace {

const protocol::SigningKey key{7, std::string(32, 'k')};

protocol::VerifyResult verify(const QString &url, const QString &prefix, protocol::TokenKind kind)
{
    protocol::Keyring ring;
    ring.add(key);
    if (!url.startsWith(prefix))
        return {};
    return protocol::verifyToken(url.mid(prefix.size()).toStdString(), ring, kind);
}

} // namespace

/** Production tracking links: relay URLs whose tokens the relay's verifier accepts. */
class TestSignedTrackingLinks final : public QObject
{
    Q_OBJECT

private slots:
    void tokensVerifyAndCarryTheDestination()
    {
        const auto delivery = protocol::DeliveryId::random();
        SignedTrackingLinks links(QStringLiteral("https://t.example.com/"), delivery, key, 1'700'000'000,
                                  QStringLiteral("https://example.com/"));
        QVERIFY2(links.error().isEmpty(), qPrintable(links.error()));

        const QString destination = QString::fromUtf8("https://example.com/ü?a=1&b=2#frag");
        const auto click = verify(links.clickUrl(3, destination), QStringLiteral("https://t.example.com/c/"),
                                  protocol::TokenKind::Click);
        QVERIFY(click.ok());
        QVERIFY(click.fields.delivery == delivery);
        QCOMPARE(click.fields.linkIndex, 3u);
        QCOMPARE(click.fields.issuedAt, 1'700'000'000);
        QCOMPARE(QString::fromStdString(click.fields.url), destination);
        QCOMPARE(click.keyId, 7u);

        QVERIFY(verify(links.openPixelUrl(), QStringLiteral("https://t.example.com/o/"), protocol::TokenKind::Open).ok());
        QVERIFY(verify(links.unsubscribeUrl(), QStringLiteral("https://t.example.com/u/"), protocol::TokenKind::Unsubscribe).ok());
        const auto decoy = verify(links.decoyUrl(), QStringLiteral("https://t.example.com/c/"), protocol::TokenKind::Decoy);
        QVERIFY(decoy.ok());
        QCOMPARE(decoy.fields.url, std::string("https://example.com/"));
        // The open token names no destination and no person.
        QVERIFY(verify(links.openPixelUrl(), QStringLiteral("https://t.example.com/o/"), protocol::TokenKind::Open).fields.url.empty());
    }

    void clickIdsOffIsSignedIntoTheClick()
    {
        // The campaign's "Click ids" option travels in the token's kind, so
        // the relay does what the sender chose for this campaign.
        SignedTrackingLinks links(QStringLiteral("https://t.example.com"), protocol::DeliveryId::random(), key, 1);
        links.setClickIds(false);
        const auto click = verify(links.clickUrl(1, QStringLiteral("https://example.com/pricing")),
                                  QStringLiteral("https://t.example.com/c/"), protocol::TokenKind::ClickWithoutId);
        QVERIFY(click.ok());
        QCOMPARE(click.fields.url, std::string("https://example.com/pricing"));
        links.setClickIds(true);
        QVERIFY(verify(links.clickUrl(1, QStringLiteral("https://example.com/pricing")),
                       QStringLiteral("https://t.example.com/c/"), protocol::TokenKind::Click)
                    .ok());
        // The decoy is no click of the person's: unchanged either way.
        links.setClickIds(false);
        QVERIFY(verify(links.decoyUrl(), QStringLiteral("https://t.example.com/c/"), protocol::TokenKind::Decoy).ok());
    }

    void rewrittenDocumentLinksVerifyBackToTheirDestinations()
    {
        SignedTrackingLinks links(QStringLiteral("https://t.example.com"), protocol::DeliveryId::random(), key, 1);
        LinkRewriter::Options o;
        o.trackOpens = false;
        const auto result = LinkRewriter::rewrite(
            QStringLiteral("<a href=\"https://a.example/x?p=1&amp;q=2\">a</a><a href='http://b.example/'>b</a>"), o, links);
        QCOMPARE(result.links.size(), 2);
        const QStringList expected{QStringLiteral("https://a.example/x?p=1&q=2"), QStringLiteral("http://b.example/")};
        for (const auto &link : result.links) {
            QVERIFY(result.html.contains(link.href));
            const auto v = verify(link.href, QStringLiteral("https://t.example.com/c/"), protocol::TokenKind::Click);
            QVERIFY(v.ok());
            QCOMPARE(QString::fromStdString(v.fields.url), expected[link.index]);
            QCOMPARE(int(v.fields.linkIndex), link.index);
        }
    }

    void unsignableLinkStaysAsWritten()
    {
        SignedTrackingLinks links(QStringLiteral("https://t.example.com"), protocol::DeliveryId::random(), key, 1);
        const QString longUrl = QStringLiteral("https://example.com/?q=") + QString(int(protocol::tokenMaxUrlSize), u'x');
        QVERIFY(links.clickUrl(0, longUrl).isEmpty());
        LinkRewriter::Options o;
        o.trackOpens = false;
        const QString html = QStringLiteral("<a href=\"%1\">long</a>").arg(longUrl);
        QCOMPARE(LinkRewriter::rewrite(html, o, links).html, html);
    }

    void badSetupIsReported()
    {
        QVERIFY(!SignedTrackingLinks(QStringLiteral("ftp://t.example.com"), {}, key, 1).error().isEmpty());
        QVERIFY(!SignedTrackingLinks(QStringLiteral("not a url"), {}, key, 1).error().isEmpty());
        SignedTrackingLinks shortKey(QStringLiteral("https://t.example.com"), {}, protocol::SigningKey{1, "short"}, 1);
        QVERIFY(!shortKey.error().isEmpty());
        QVERIFY(shortKey.openPixelUrl().isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestSignedTrackingLinks)
#include "tst_signedtrackinglinks.moc"
