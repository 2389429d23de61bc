#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QRandomGenerator>
#include <QTest>

#include "campaign/mimebuilder.h"
#include "testpython.h"

using leadtrail::MimeBuilder;
using leadtrail::test::TestPython;

namespace {

/** What Python's email package (policy.default) makes of a message. */
struct Parsed
{
    QByteArray data; ///< what the builder produced
    QJsonObject json;
    QString error;

    QStringList headerNames() const
    {
        QStringList names;
        for (const QJsonValue h : json.value(QStringLiteral("headers")).toArray())
            names.append(h.toArray().at(0).toString());
        return names;
    }
    QString header(const QString &name) const
    {
        for (const QJsonValue h : json.value(QStringLiteral("headers")).toArray()) {
            if (h.toArray().at(0).toString().compare(name, Qt::CaseInsensitive) == 0)
                return h.toArray().at(1).toString();
        }
        return {};
    }
    QJsonArray parts() const { return json.value(QStringLiteral("parts")).toArray(); }
    QJsonArray defects() const { return json.value(QStringLiteral("defects")).toArray(); }
};

/** Builds @p message and parses the bytes back; error says which step failed. */
Parsed buildAndParse(const MimeBuilder::Message &message)
{
    Parsed p;
    p.data = MimeBuilder::build(message, &p.error);
    if (p.data.isEmpty())
        return p;
    const QByteArray out = TestPython::run(QStringLiteral("mimecheck.py"), {}, p.data, &p.error);
    if (p.error.isEmpty())
        p.json = QJsonDocument::fromJson(out).object();
    return p;
}

MimeBuilder::Message sample()
{
    MimeBuilder::Message m;
    m.from = {QStringLiteral("Sales Team"), QStringLiteral("sales@example.com")};
    m.to = {QStringLiteral("Ada Lovelace"), QStringLiteral("ada@example.org")};
    m.replyTo = {QString(), QStringLiteral("replies@example.com")};
    m.subject = QStringLiteral("Our spring offer");
    m.text = QStringLiteral("Hello Ada,\n\nSee https://example.com/offer\n");
    m.html = QStringLiteral("<html><body><p>Hello Ada,</p><a href=\"https://relay.test/c/x\">offer</a></body></html>\n");
    m.listUnsubscribeUrl = QStringLiteral("https://relay.test/u/TOKEN");
    m.listUnsubscribeMailto = QStringLiteral("unsubscribe@example.com");
    return m;
}

} // namespace

/** The MIME builder, read back by Python's email package as an independent parser. */
class TestMimeBuilder final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (TestPython::interpreter().isEmpty())
            QSKIP("python3 is needed as the independent MIME parser (scripts/deps installs it)");
    }

    void parsesCleanlyWithHeadersAndParts()
    {
        const MimeBuilder::Message m = sample();
        const Parsed p = buildAndParse(m);
        QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
        QCOMPARE(p.defects(), QJsonArray());
        QCOMPARE(p.json.value(QStringLiteral("content_type")).toString(), QStringLiteral("multipart/alternative"));
        QCOMPARE(p.json.value(QStringLiteral("bare_lf")).toBool(), false);
        QCOMPARE(p.json.value(QStringLiteral("bare_cr")).toBool(), false);
        QVERIFY(p.json.value(QStringLiteral("max_line")).toInt() <= 78);

        QCOMPARE(p.header(QStringLiteral("From")), QStringLiteral("Sales Team <sales@example.com>"));
        QCOMPARE(p.header(QStringLiteral("To")), QStringLiteral("Ada Lovelace <ada@example.org>"));
        QCOMPARE(p.header(QStringLiteral("Reply-To")), QStringLiteral("replies@example.com"));
        QCOMPARE(p.header(QStringLiteral("Subject")), QStringLiteral("Our spring offer"));
        QCOMPARE(p.header(QStringLiteral("MIME-Version")), QStringLiteral("1.0"));
        QCOMPARE(p.header(QStringLiteral("List-Unsubscribe")),
                 QStringLiteral("<https://relay.test/u/TOKEN>, <mailto:unsubscribe@example.com?subject=unsubscribe>"));
        QCOMPARE(p.header(QStringLiteral("List-Unsubscribe-Post")), QStringLiteral("List-Unsubscribe=One-Click"));
        QVERIFY(QRegularExpression(QStringLiteral("^<[0-9a-f]{32}@example\\.com>$"))
                    .match(p.header(QStringLiteral("Message-ID"))).hasMatch());
        QVERIFY(!p.header(QStringLiteral("Date")).isEmpty());
        const QDateTime date = QDateTime::fromString(p.header(QStringLiteral("Date")), Qt::RFC2822Date);
        QVERIFY(date.isValid());
        QVERIFY(qAbs(date.secsTo(QDateTime::currentDateTime())) < 60);

        const QJsonArray parts = p.parts();
        QCOMPARE(parts.size(), 2);
        QCOMPARE(parts[0].toObject().value(QStringLiteral("content_type")).toString(), QStringLiteral("text/plain"));
        QCOMPARE(parts[1].toObject().value(QStringLiteral("content_type")).toString(), QStringLiteral("text/html"));
        QCOMPARE(parts[0].toObject().value(QStringLiteral("charset")).toString(), QStringLiteral("utf-8"));
        QCOMPARE(parts[0].toObject().value(QStringLiteral("content")).toString(), m.text);
        QCOMPARE(parts[1].toObject().value(QStringLiteral("content")).toString(), m.html);
    }

    void messageIdsAreUnique()
    {
        QSet<QString> ids;
        for (int i = 0; i < 1000; ++i)
            ids.insert(MimeBuilder::newMessageId(QStringLiteral("a@example.com")));
        QCOMPARE(ids.size(), 1000);
    }

    // Base64 once more than a third of a part's bytes are not ASCII, where
    // quoted-printable would be larger; counted eight bytes at a time, so
    // both sides of the line, with the high bytes at odd offsets.
    void transferEncodingFollowsTheShareOfHighBytes()
    {
        // 100 "ä" are 200 bytes >= 0x80; with 400 ASCII bytes that is exactly a third.
        for (const auto &[ascii, expected] : {std::pair{400, "quoted-printable"}, std::pair{399, "base64"}}) {
            MimeBuilder::Message m = sample();
            m.text = QStringLiteral("x") + QString(50, QChar(0xe4)) + QString(ascii - 1, u'y') + QString(50, QChar(0xe4));
            const Parsed p = buildAndParse(m);
            QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
            QCOMPARE(p.parts()[0].toObject().value(QStringLiteral("cte")).toString(), QString::fromLatin1(expected));
            QCOMPARE(p.parts()[0].toObject().value(QStringLiteral("content")).toString(), m.text);
        }
    }

    void nonAsciiSubjectNamesAndBodies()
    {
        MimeBuilder::Message m = sample();
        m.subject = QString::fromUtf8("Grüße aus Köln — 春のセール 🎉 ") + QString(120, u'ä');
        m.from.name = QString::fromUtf8("Zoë \"the\" Müller, Sales");
        m.to.name = QStringLiteral("O'Brien, \"Pat\" \\ (test)");
        m.text = QString::fromUtf8("Liebe Zoë,\n.leading dot\n") + QString(300, u'x') + QStringLiteral("  \ntrailing space \n");
        m.html = QString::fromUtf8("<p>日本語のテキストです。これは長い段落です。") + QString(200, QChar(0x65e5)) + QStringLiteral("</p>");
        const Parsed p = buildAndParse(m);
        QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
        for (const char c : p.data)
            QVERIFY(static_cast<unsigned char>(c) < 0x80); // 7-bit clean on the wire
        QVERIFY(!p.data.contains("\r\n."));
        QCOMPARE(p.defects(), QJsonArray());
        QVERIFY(p.json.value(QStringLiteral("max_line")).toInt() <= 78);
        QCOMPARE(p.header(QStringLiteral("Subject")), m.subject);
        QCOMPARE(p.header(QStringLiteral("From")), QString::fromUtf8("\"Zoë \\\"the\\\" Müller, Sales\" <sales@example.com>"));
        QCOMPARE(p.header(QStringLiteral("To")), QStringLiteral("\"O'Brien, \\\"Pat\\\" \\\\ (test)\" <ada@example.org>"));
        const QJsonArray parts = p.parts();
        QCOMPARE(parts[0].toObject().value(QStringLiteral("cte")).toString(), QStringLiteral("quoted-printable"));
        QCOMPARE(parts[0].toObject().value(QStringLiteral("content")).toString(), m.text);
        QCOMPARE(parts[1].toObject().value(QStringLiteral("cte")).toString(), QStringLiteral("base64"));
        QCOMPARE(parts[1].toObject().value(QStringLiteral("content")).toString(), m.html);
    }

    void headerInjectionNeverAddsAHeader_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        const QStringList attacks{QStringLiteral("Hi\r\nBcc: victim@evil.test"),
                                  QStringLiteral("Hi\nBcc: victim@evil.test"),
                                  QStringLiteral("Hi\rBcc: victim@evil.test"),
                                  QStringLiteral("Hi\r\n\r\n<html>injected body"),
                                  QString::fromUtf8("Grüße\r\nBcc: victim@evil.test"),
                                  QStringLiteral("Hi\x0b\x0c\x01\x7f Bcc: victim@evil.test")};
        for (const QString &field : {QStringLiteral("subject"), QStringLiteral("from"), QStringLiteral("to"),
                                     QStringLiteral("replyTo")}) {
            for (int i = 0; i < attacks.size(); ++i)
                QTest::newRow(qPrintable(field + QString::number(i))) << field << attacks[i];
        }
    }

    void headerInjectionNeverAddsAHeader()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        MimeBuilder::Message m = sample();
        if (field == QLatin1String("subject"))
            m.subject = value;
        else if (field == QLatin1String("from"))
            m.from.name = value;
        else if (field == QLatin1String("to"))
            m.to.name = value;
        else
            m.replyTo.name = value;
        const Parsed p = buildAndParse(m);
        QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
        QCOMPARE(p.defects(), QJsonArray());
        const QStringList expected{QStringLiteral("Date"), QStringLiteral("From"), QStringLiteral("Reply-To"),
                                   QStringLiteral("To"), QStringLiteral("Subject"), QStringLiteral("Message-ID"),
                                   QStringLiteral("MIME-Version"), QStringLiteral("List-Unsubscribe"),
                                   QStringLiteral("List-Unsubscribe-Post"), QStringLiteral("Content-Type")};
        QCOMPARE(p.headerNames(), expected);
        QCOMPARE(p.parts().size(), 2);
        QVERIFY(!p.header(QStringLiteral("Bcc")).size());
        // The text survives, folded to spaces, inside its own header.
        const QString where = field == QLatin1String("subject") ? QStringLiteral("Subject")
            : field == QLatin1String("from")                    ? QStringLiteral("From")
            : field == QLatin1String("to")                      ? QStringLiteral("To")
                                                                : QStringLiteral("Reply-To");
        QVERIFY2(p.header(where).contains(QStringLiteral("victim@evil.test"))
                     || p.header(where).contains(QStringLiteral("injected body")),
                 qPrintable(p.header(where)));
    }

    void badAddressesAreRefusedWithAReason_data()
    {
        QTest::addColumn<QString>("to");
        QTest::newRow("empty") << QString();
        QTest::newRow("no at") << QStringLiteral("ada.example.org");
        QTest::newRow("crlf") << QStringLiteral("ada@example.org\r\nBcc: x@evil.test");
        QTest::newRow("angle") << QStringLiteral("ada>@example.org");
        QTest::newRow("non-ascii local part") << QString::fromUtf8("zoë@example.org");
    }

    void badAddressesAreRefusedWithAReason()
    {
        QFETCH(QString, to);
        MimeBuilder::Message m = sample();
        m.to.address = to;
        QString error;
        QVERIFY(MimeBuilder::build(m, &error).isEmpty());
        QVERIFY(error.contains(QStringLiteral("recipient")));
    }

    void unsubscribeUrlMustBeHttpsUnlessTheRelayIsLocal_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("https") << QStringLiteral("https://track.example.com/u/T") << true;
        QTest::newRow("http loopback v4") << QStringLiteral("http://127.0.0.1:8787/u/T") << true;
        QTest::newRow("http localhost") << QStringLiteral("http://localhost:8787/u/T") << true;
        QTest::newRow("http loopback v6") << QStringLiteral("http://[::1]:8787/u/T") << true;
        QTest::newRow("http public host") << QStringLiteral("http://track.example.com/u/T") << false;
        QTest::newRow("http private address") << QStringLiteral("http://192.168.1.5/u/T") << false;
        QTest::newRow("http host that starts like loopback") << QStringLiteral("http://127.0.0.1.evil.test/u/T") << false;
        QTest::newRow("ftp") << QStringLiteral("ftp://track.example.com/u/T") << false;
    }

    void unsubscribeUrlMustBeHttpsUnlessTheRelayIsLocal()
    {
        QFETCH(QString, url);
        QFETCH(bool, accepted);
        MimeBuilder::Message m = sample();
        m.listUnsubscribeUrl = url;
        QString error;
        const QByteArray data = MimeBuilder::build(m, &error);
        QCOMPARE(!data.isEmpty(), accepted);
        if (accepted)
            QVERIFY(data.contains("List-Unsubscribe: <" + url.toUtf8() + ">"));
        else
            QVERIFY(error.contains(QStringLiteral("unsubscribe URL")));
    }

    void idnDomainGoesOutInAceForm()
    {
        MimeBuilder::Message m = sample();
        m.to.address = QString::fromUtf8("ada@bücher.example");
        QString error;
        const QByteArray data = MimeBuilder::build(m, &error);
        QVERIFY2(!data.isEmpty(), qPrintable(error));
        QVERIFY(data.contains("<ada@xn--bcher-kva.example>"));
    }

    void quotedPrintableRoundTripsEveryAwkwardCase_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected"); // what a reader shows: line ends as "\n"
        const QString dotAtBreak = QString(74, u'a') + QStringLiteral(".tail");
        QTest::newRow("dot at a soft break") << dotAtBreak << dotAtBreak;
        QTest::newRow("dot after an encoded byte at the break")
            << QString(72, u'a') + QStringLiteral("=.x") << QString(72, u'a') + QStringLiteral("=.x");
        QTest::newRow("trailing blanks") << QStringLiteral("tab\t\nspace \nboth \t \nend ")
                                         << QStringLiteral("tab\t\nspace \nboth \t \nend ");
        QTest::newRow("CRLF, CR and LF") << QStringLiteral("a\r\nb\rc\nd\r\r\ne") << QStringLiteral("a\nb\nc\nd\n\ne");
        QTest::newRow("equals everywhere") << QString(300, u'=') << QString(300, u'=');
        const QString wide = QString::fromUtf8("café ") .repeated(40);
        QTest::newRow("multi-byte across breaks") << wide << wide;
        QTest::newRow("one long line") << QString(5000, u'x') + u'\n' << QString(5000, u'x') + u'\n';
        QTest::newRow("empty lines") << QStringLiteral("\n\n\nx\n\n") << QStringLiteral("\n\n\nx\n\n");
        // The encoder copies plain runs sixteen bytes at a time: blanks that
        // end a line at every offset from a block's edge, and a mix of every
        // kind of byte, must come out as they went in.
        QString blanks;
        for (int n = 0; n < 80; ++n)
            blanks += QString(n, u'a') + (n % 3 == 0 ? QStringLiteral("\t") : n % 3 == 1 ? QStringLiteral(" ") : QStringLiteral(" \t ")) + u'\n';
        QTest::newRow("blanks before line ends at every offset") << blanks << blanks;
        const QString alphabet = QString::fromUtf8("ab =\t.~\x7f!\xc3\xa9\n");
        QString mixed;
        QRandomGenerator random(42);
        for (int i = 0; i < 4000; ++i)
            mixed += alphabet.at(random.bounded(int(alphabet.size())));
        QTest::newRow("every kind of byte, mixed") << mixed << mixed;
    }

    // Written in one pass into a reserved buffer; Python's decoder is the judge.
    void quotedPrintableRoundTripsEveryAwkwardCase()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        MimeBuilder::Message m = sample();
        m.text = text;
        m.html = text;
        const Parsed p = buildAndParse(m);
        QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
        QCOMPARE(p.defects(), QJsonArray());
        QVERIFY(p.json.value(QStringLiteral("max_line")).toInt() <= 78);
        QVERIFY(!p.json.value(QStringLiteral("bare_lf")).toBool());
        QVERIFY(!p.json.value(QStringLiteral("bare_cr")).toBool());
        QVERIFY(!p.data.contains("\r\n."));
        // RFC 2045 6.7 (3): blanks that end an encoded line are encoded (a
        // gateway may strip them; Python's reader does not, so look).
        QVERIFY(!p.data.contains(" \r\n") && !p.data.contains("\t\r\n"));
        for (const QJsonValue part : p.parts()) {
            QCOMPARE(part.toObject().value(QStringLiteral("cte")).toString(), QStringLiteral("quoted-printable"));
            QCOMPARE(part.toObject().value(QStringLiteral("content")).toString(), expected);
        }
    }

    void quotedPrintableKeepsLinesShortAndDotsSafe()
    {
        const QString text = QStringLiteral(".starts with a dot\n") + QString(75, u'a') + QStringLiteral(".b\n")
            + QString(200, u'=') + u'\n';
        const QByteArray qp = MimeBuilder::quotedPrintable(text);
        for (const QByteArray &line : qp.split('\n')) {
            QVERIFY(line.size() <= 77); // 76 plus the CR
            QVERIFY(!line.startsWith('.'));
        }
        QVERIFY(qp.startsWith("=2Estarts"));
        QVERIFY(MimeBuilder::quotedPrintable(QStringLiteral("a\nb")).endsWith("a\r\nb"));
    }
};

QTEST_GUILESS_MAIN(TestMimeBuilder)
#include "tst_mimebuilder.moc"
