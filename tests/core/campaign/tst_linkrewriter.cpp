#include <QDir>
#include <QRegularExpression>
#include <QTest>

#include "campaign/htmltokenizer.h"
#include "campaign/linkrewriter.h"
#include "campaign/trackinglinks.h"

using leadtrail::HtmlTokenizer;
using leadtrail::LinkRewriter;

namespace {

const QString relay = QStringLiteral("https://relay.test");

/** Readable tracked URLs, and a record of what each click link stands for. */
class RecordingLinks final : public leadtrail::TrackingLinks
{
public:
    QString clickUrl(int linkIndex, const QString &destination) override
    {
        destinations.append(destination);
        return relay + QStringLiteral("/c/") + QString::number(linkIndex);
    }
    QString openPixelUrl() override { return relay + QStringLiteral("/o/pixel"); }
    QString unsubscribeUrl() override { return relay + QStringLiteral("/u/unsub"); }
    QString decoyUrl() override { return relay + QStringLiteral("/c/decoy"); }

    QStringList destinations;
};

LinkRewriter::Options clicksOnly()
{
    LinkRewriter::Options o;
    o.trackOpens = false;
    return o;
}

QString readUtf8(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

/**
 * Independent check that @p output is @p input with only the tracked hrefs
 * replaced: walks both documents, and for each relay URL in the output finds
 * the original characters it replaced, which must decode to the recorded
 * destination. Returns the reconstructed input (must equal @p input).
 */
QString reverseRewrite(const QString &input, const QString &output, const QStringList &destinations,
                       QString *problem)
{
    QString rebuilt;
    qsizetype inPos = 0;
    qsizetype outPos = 0;
    for (int i = 0; i < destinations.size(); ++i) {
        const QString marker = relay + QStringLiteral("/c/") + QString::number(i);
        const qsizetype at = output.indexOf(marker, outPos);
        if (at < 0) {
            *problem = QStringLiteral("link %1 missing from the output").arg(i);
            return {};
        }
        const QStringView same = QStringView(output).mid(outPos, at - outPos);
        if (QStringView(input).mid(inPos, same.size()) != same) {
            *problem = QStringLiteral("bytes before link %1 differ").arg(i);
            return {};
        }
        rebuilt += same;
        inPos += same.size();
        outPos = at + marker.size();
        // What follows the relay URL in the output is the original text that
        // followed the original value; the value is what lies in between.
        const qsizetype nextMarker = output.indexOf(relay + QStringLiteral("/c/"), outPos);
        const QString follow = output.mid(outPos, qMin<qsizetype>(40, (nextMarker < 0 ? output.size() : nextMarker) - outPos));
        const qsizetype valueEnd = follow.isEmpty() ? input.size() : input.indexOf(follow, inPos);
        if (valueEnd < 0) {
            *problem = QStringLiteral("text after link %1 not found in the input").arg(i);
            return {};
        }
        const QString raw = input.mid(inPos, valueEnd - inPos);
        if (HtmlTokenizer::decodeEntities(raw).trimmed() != destinations[i]) {
            *problem = QStringLiteral("link %1: '%2' does not decode to '%3'").arg(i).arg(raw, destinations[i]);
            return {};
        }
        rebuilt += raw;
        inPos = valueEnd;
    }
    rebuilt += QStringView(output).mid(outPos);
    return rebuilt;
}

/** Every http(s) href on a link tag outside ordinary comments, by a plain regex scan. */
QStringList httpHrefsOutsideComments(QString html)
{
    html.remove(QStringLiteral("<!-->"));
    html.remove(QRegularExpression(QStringLiteral("<!--(?!\\[if)[\\s\\S]*?-->")));
    html.remove(QRegularExpression(QStringLiteral("<style[\\s\\S]*?</style>"),
                                   QRegularExpression::CaseInsensitiveOption));
    static const QRegularExpression re(
        QStringLiteral("<(?:a|area|v:[a-z]+)\\s[^>]*?\\bhref\\s*=\\s*[\"']?\\s*(https?://[^\"'\\s>]*)"),
        QRegularExpression::CaseInsensitiveOption);
    QStringList urls;
    auto it = re.globalMatch(html);
    while (it.hasNext())
        urls.append(it.next().captured(1));
    return urls;
}

QString corpusDir()
{
    return QStringLiteral(LEADTRAIL_SHARED_DIR "/corpus/email-html");
}

} // namespace

/** Link rewriting over real and tricky HTML: what changes, and that nothing else does. */
class TestLinkRewriter final : public QObject
{
    Q_OBJECT

private slots:
    void corpus_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(corpusDir());
        const QStringList files = dir.entryList({QStringLiteral("*.html")}, QDir::Files, QDir::Name);
        for (const QString &name : files)
            QTest::newRow(qPrintable(name)) << dir.filePath(name);
        if (files.isEmpty())
            QTest::newRow("absent") << QString();
    }

    void corpus()
    {
        QFETCH(QString, path);
        if (path.isEmpty())
            QSKIP(qPrintable(QStringLiteral("no email templates in %1: the shared corpus is not beside the "
                                            "project root").arg(corpusDir())));
        const QString input = readUtf8(path);
        QVERIFY(!input.isEmpty());
        QCOMPARE(QString::fromUtf8(input.toUtf8()), input); // valid UTF-8, so bytes round-trip

        RecordingLinks links;
        const auto result = LinkRewriter::rewrite(input, clicksOnly(), links);

        // Every http(s) link the plain scan sees in the input is rewritten, in order.
        const QStringList expected = httpHrefsOutsideComments(input);
        QStringList expectedDecoded;
        for (const QString &url : expected)
            expectedDecoded.append(HtmlTokenizer::decodeEntities(url));
        QCOMPARE(links.destinations, expectedDecoded);
        QCOMPARE(result.links.size(), expected.size());
        for (const QString &left : httpHrefsOutsideComments(result.html))
            QVERIFY2(left.startsWith(relay + QStringLiteral("/c/")), qPrintable(left));

        // The rest of the document is unchanged, character for character.
        QString problem;
        const QString rebuilt = reverseRewrite(input, result.html, links.destinations, &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(rebuilt == input);
        QCOMPARE(rebuilt.toUtf8(), input.toUtf8());

        // Non-http links are all still there as written.
        static const QRegularExpression other(
            QStringLiteral("href\\s*=\\s*\"((?:mailto:|tel:|sms:|#)[^\"]*)\""), QRegularExpression::CaseInsensitiveOption);
        auto it = other.globalMatch(input);
        while (it.hasNext()) {
            const QString kept = it.next().captured(0);
            QCOMPARE(result.html.count(kept), input.count(kept));
        }
    }

    void corpusWithEverythingOn()
    {
        const QString path = corpusDir() + QStringLiteral("/premailer__test-files-base.html");
        if (!QFile::exists(path))
            QSKIP("the shared corpus is not beside the project root");
        const QString input = readUtf8(path);
        RecordingLinks links;
        LinkRewriter::Options o;
        o.decoyLink = true;
        o.unsubscribeFooter = true;
        o.utm = true;
        o.utmSource = QStringLiteral("leadtrail");
        o.utmCampaign = QStringLiteral("Spring sale");
        o.sequencePosition = 2;
        o.leadCategory = QStringLiteral("warm");
        const auto result = LinkRewriter::rewrite(input, o, links);

        // The &amp; in the author's URL is decoded once; the UTM goes after it.
        QVERIFY(links.destinations.contains(QStringLiteral(
            "http://example.com/test.html?cn=tf&c=20&ord=%%RANDOM%%&utm_source=leadtrail&utm_medium=email"
            "&utm_campaign=Spring%20sale&utm_content=email-2&utm_term=warm")));
        // Existing UTM parameters are kept, missing ones added.
        QVERIFY(links.destinations.contains(QStringLiteral(
            "http://dialect.ca/?utm_source=Premailer&utm_medium=Test+Suite&utm_campaign=Premailer"
            "&utm_content=email-2&utm_term=warm")));

        const QString pixel = QStringLiteral(
            "<img src=\"https://relay.test/o/pixel\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;border:0\">");
        QCOMPARE(result.html.count(pixel), 1);
        QVERIFY(result.html.indexOf(pixel) < result.html.lastIndexOf(QStringLiteral("</body>")));
        QVERIFY(result.html.indexOf(pixel) > result.html.lastIndexOf(QStringLiteral("</table>")));
        QVERIFY(result.html.contains(QStringLiteral("href=\"https://relay.test/u/unsub\"")));
        const qsizetype decoy = result.html.indexOf(QStringLiteral("<a href=\"https://relay.test/c/decoy\""));
        QVERIFY(decoy > result.html.indexOf(QStringLiteral("<body")));
        const QString decoyTag = result.html.mid(decoy, result.html.indexOf(u'>', decoy) - decoy);
        QVERIFY(decoyTag.contains(QStringLiteral("tabindex=\"-1\"")));
        QVERIFY(decoyTag.contains(QStringLiteral("aria-hidden=\"true\"")));
        QVERIFY(decoyTag.contains(QStringLiteral("display:none")));
    }

    void trickyMarkup()
    {
        const QString input = QStringLiteral(
            "<HTML><BODY>\n"
            "<A HREF=http://Example.com/a?b=1&amp;c=2#top>x</A>\n"                       // 0 unquoted, uppercase
            "<a title='a > b' href='https://example.com/single'>y</a>\n"                    // 1 '>' in a quoted value
            "<a\n\thref = \" https://example.com/spaced \"\n>z</a>\n"                        // 2 split, padded
            "<a href=\"mailto:a@example.com\">m</a><a href=\"tel:+1\">t</a><a href=\"sms:+1\">s</a>\n"
            "<a href=\"#top\">anchor</a><a href=\"/relative\">r</a><a href=\"\">empty</a><a name=x>n</a>\n"
            "<a data-lt-notrack href=\"https://example.com/private\">p</a>\n"
            "<a href=\"https://relay.test/u/unsub\">unsubscribe</a>\n"
            "<!-- <a href=\"https://example.com/commented\">c</a> -->\n"
            "<style>a[href=\"https://example.com/css\"]{}</style>\n"
            "<!--[if mso]><v:roundrect xmlns:v=\"urn:schemas-microsoft-com:vml\" href=\"https://example.com/vml?a=1&amp;b=2\" "
            "style=\"height:40px\"><w:anchorlock/></v:roundrect><![endif]-->\n"          // 3 VML in a conditional
            "<!--[if !mso]><!--><a href=\"https://example.com/nonmso\" class=x>b</a><!--<![endif]-->\n" // 4
            "<a href=\"https://example.com/first\" href=\"https://example.com/second\">dup</a>\n"       // 5
            "<td height=\"34\"class=\"c\"><a class=\"b\"href=\"HTTPS://example.com/glued\">g</a></td>\n" // 6
            "</BODY></HTML>");
        RecordingLinks links;
        const auto result = LinkRewriter::rewrite(input, clicksOnly(), links);
        QCOMPARE(links.destinations,
                 (QStringList{QStringLiteral("http://Example.com/a?b=1&c=2#top"),
                              QStringLiteral("https://example.com/single"),
                              QStringLiteral("https://example.com/spaced"),
                              QStringLiteral("https://example.com/vml?a=1&b=2"),
                              QStringLiteral("https://example.com/nonmso"),
                              QStringLiteral("https://example.com/first"),
                              QStringLiteral("HTTPS://example.com/glued")}));
        QString expected = input;
        expected.replace(QStringLiteral("http://Example.com/a?b=1&amp;c=2#top"), relay + QStringLiteral("/c/0"));
        expected.replace(QStringLiteral("'https://example.com/single'"), QStringLiteral("'https://relay.test/c/1'"));
        expected.replace(QStringLiteral("\" https://example.com/spaced \""), QStringLiteral("\"https://relay.test/c/2\""));
        expected.replace(QStringLiteral("https://example.com/vml?a=1&amp;b=2"), relay + QStringLiteral("/c/3"));
        expected.replace(QStringLiteral("https://example.com/nonmso"), relay + QStringLiteral("/c/4"));
        expected.replace(QStringLiteral("https://example.com/first"), relay + QStringLiteral("/c/5"));
        expected.replace(QStringLiteral("HTTPS://example.com/glued"), relay + QStringLiteral("/c/6"));
        QCOMPARE(result.html, expected);
    }

    void utmOnlyWithoutClickTracking()
    {
        RecordingLinks links;
        LinkRewriter::Options o = clicksOnly();
        o.trackClicks = false;
        o.utm = true;
        o.utmCampaign = QStringLiteral("q3");
        const auto result = LinkRewriter::rewrite(
            QStringLiteral("<a href=\"https://e.com/?a=1&amp;b=2#f\">x</a>"), o, links);
        QVERIFY(links.destinations.isEmpty());
        QCOMPARE(result.html, QStringLiteral("<a href=\"https://e.com/?a=1&amp;b=2&amp;utm_medium=email&amp;utm_campaign=q3#f\">x</a>"));
    }

    void mergeUtm_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("merged");
        QTest::newRow("no query") << "https://e.com/p" << "https://e.com/p?utm_source=lt&utm_medium=email&utm_campaign=c";
        QTest::newRow("fragment kept") << "https://e.com/p#x?y" << "https://e.com/p?utm_source=lt&utm_medium=email&utm_campaign=c#x?y";
        QTest::newRow("existing query") << "https://e.com/?q=a+b&r=%2F" << "https://e.com/?q=a+b&r=%2F&utm_source=lt&utm_medium=email&utm_campaign=c";
        QTest::newRow("bare ?") << "https://e.com/?" << "https://e.com/?utm_source=lt&utm_medium=email&utm_campaign=c";
        QTest::newRow("not clobbered") << "https://e.com/?UTM_SOURCE=x&utm_medium=social" << "https://e.com/?UTM_SOURCE=x&utm_medium=social&utm_campaign=c";
        QTest::newRow("all present") << "https://e.com/?utm_source=a&utm_medium=b&utm_campaign=d#f" << "https://e.com/?utm_source=a&utm_medium=b&utm_campaign=d#f";
    }

    void mergeUtm()
    {
        QFETCH(QString, url);
        QFETCH(QString, merged);
        LinkRewriter::Options o;
        o.utmSource = QStringLiteral("lt");
        o.utmCampaign = QStringLiteral("c");
        QCOMPARE(LinkRewriter::mergeUtm(url, o), merged);
    }

    void pixelAndFooterWithoutBody()
    {
        RecordingLinks links;
        LinkRewriter::Options o;
        o.unsubscribeFooter = true;
        const auto result = LinkRewriter::rewrite(QStringLiteral("<p>Hello</p>"), o, links);
        QVERIFY(result.html.startsWith(QStringLiteral("<p>Hello</p><p ")));
        QVERIFY(result.html.endsWith(LinkRewriter::pixelMarkup(relay + QStringLiteral("/o/pixel"))));
        QVERIFY(links.destinations.isEmpty()); // the footer's unsubscribe link is not tracked as a click
    }

    void entitiesDecodedOnce()
    {
        QCOMPARE(HtmlTokenizer::decodeEntities(u"a&amp;amp;b&#38;&#x26;&copy=1&nope;&#0;"),
                 QString::fromUtf16(u"a&amp;b&&&copy=1&nope;\ufffd"));
    }
};

QTEST_APPLESS_MAIN(TestLinkRewriter)
#include "tst_linkrewriter.moc"
