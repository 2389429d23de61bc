#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include "campaign/mergefields.h"
#include "campaign/signedtrackinglinks.h"
#include "protocol/token.h"
#include "sending/deliveryplan.h"
#include "sending/deliveryrenderer.h"
#include "store/lead.h"

using namespace Qt::StringLiterals;
using namespace leadtrail;

namespace {

QString corpusDir()
{
    return QStringLiteral(LEADTRAIL_SHARED_DIR "/corpus/email-html");
}

QString readUtf8(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

protocol::SigningKey key()
{
    return {7, std::string(32, 'k')};
}

Lead lead(const QString &first, const QString &last, const QString &company, const QString &category,
          const QString &plan = {})
{
    Lead l;
    l.firstName = first;
    l.lastName = last;
    l.company = company;
    l.category = category;
    if (!plan.isNull())
        l.customFields.insert(u"plan"_s, plan);
    return l;
}

/** Recipients whose values take every branch: plain, empty, markup, quotes, odd whitespace, long. */
QList<Lead> leads()
{
    return {
        lead(u"Ann"_s, u"Lee"_s, u"Acme Corp"_s, u"buyer"_s, u"Gold"_s),
        lead(QString(), QString(), QString(), QString()),
        lead(u"Bob & <Sons>"_s, u"O'Neil"_s, u"\"Quoted\" Ltd"_s, u"seller & co"_s, u"a&amp;b"_s),
        lead(u"  Eve"_s, u"Tab\there"_s, u"Two  spaces"_s, u"buyer"_s, u"line\nbreak"_s),
        lead(u"Zoë"_s, u"Ünal"_s, u"Café\u00a0Noir"_s, u"seller"_s, u"\u200bhidden"_s),
        lead(u"Private\ue001use"_s, u"x"_s, u"amp;"_s, u"Käufer/Ö"_s, u"#38;"_s),
    };
}

/** Campaign shapes: every tracking option on, everything off, a hand-written text part. */
QList<QPair<QString, Campaign>> shapes(const QString &html)
{
    Campaign all;
    all.name = u"Spring Sale 2026!"_s;
    all.subject = u"Hi {{first_name|there}} from {{company}}"_s;
    all.html = html;
    all.trackOpens = all.trackClicks = all.decoyLink = true;
    all.utm = all.utmCategory = true;
    all.sequencePosition = 3;
    all.replyTo = u"reply@example.com"_s;

    Campaign none = all;
    none.trackOpens = none.trackClicks = none.decoyLink = false;
    none.utm = none.utmCategory = false;

    Campaign utmOnly = none;
    utmOnly.utm = true;

    Campaign text = all;
    text.decoyLink = false;
    text.text = u"Hello {{first_name}},\nsee {{plan|nothing}}.\n"_s;

    return {{u"all"_s, all}, {u"none"_s, none}, {u"utm-only"_s, utmOnly}, {u"text"_s, text}};
}

QStringList handWritten()
{
    return {
        // The benchmark's shape: merge fields in text, links with entities and fragments, VML, the unsubscribe placeholder.
        u"<!DOCTYPE html><html><head><title>Offer for {{company}}</title><style>td{color:red}</style></head><body>"
        "<table><tr><td><p>Hello {{first_name|there}}, news for {{company}} ({{plan}}).</p>"
        "<a href=\"https://example.com/a?ref=news&amp;x=1#top\">Read {{first_name}}</a>"
        "<a href=\"https://example.com/b\"></a><a href=\"mailto:hi@example.com\">Mail</a>"
        "<!--[if mso]><v:roundrect href=\"https://example.com/cta?src=vml\"><center>Book</center></v:roundrect>"
        "<![endif]--><p><a href=\"{{unsubscribe_url}}\">Unsubscribe</a></p></td></tr></table></body></html>"_s,
        // No unsubscribe placeholder (a footer is added), no body tag, uppercase, unquoted, a list.
        u"<P>Dear {{last_name|customer}}</P><UL><LI>One {{company}}<LI>Two</UL>"
        "<A HREF=https://example.org/x?utm_source=own>Go</A> &copy; 2026 &amp; {{first_name}}"_s,
        // A merge field in an href: the destination depends on the recipient, so no plan.
        u"<html><body><a href=\"https://example.com/p?e={{email}}\">Profile</a> {{first_name}}</body></html>"_s,
        // A fallback with markup changes the structure for some recipients only: no plan.
        u"<html><body>Hi {{first_name|<b>friend</b>}}</body></html>"_s,
        // A value that could complete an entity in the text part, and an unknown field left as written.
        u"<html><body><p>A&{{company}}; B {{nosuch}} C {{nosuch|dflt}}</p>"
        "<p>Plain: {{unsubscribe_url}}</p></body></html>"_s,
        // A merge field in an attribute: no plan.
        u"<html><body><img alt={{first_name}} src=\"x.png\"><a href=\"https://e.com\">e</a></body></html>"_s,
        // A destination too long to sign: that link stays untracked and the rest of the indices move.
        u"<html><body><a href=\"https://example.com/"_s + QString(5000, u'a')
            + u"\">long</a><a href=\"https://example.com/short\">short</a> {{first_name}}</body></html>"_s,
    };
}

QByteArray normalized(QByteArray mime)
{
    static const QRegularExpression volatileParts(u"(Message-ID: <[^>]*>|Date: [^\r]*|=_lt_[0-9a-f]+)"_s);
    return QString::fromUtf8(mime).replace(volatileParts, u"X"_s).toUtf8();
}

} // namespace

/**
 * The compiled plan of a campaign renders exactly the bytes that merging,
 * rewriting and converting each delivery from scratch does, for every corpus
 * template and a set of hand-written edge cases, and refuses the templates it
 * cannot plan.
 */
class TestDeliveryPlan final : public QObject
{
    Q_OBJECT

private:
    int m_planned = 0;

    void compareBothWays(const QString &html)
    {
        for (const auto &[shapeName, campaign] : shapes(html)) {
            DeliveryRenderer planned(campaign, {u"Sales Team"_s, u"sales@example.com"_s}, {u"plan"_s});
            DeliveryRenderer direct(campaign, {u"Sales Team"_s, u"sales@example.com"_s}, {u"plan"_s});
            direct.setPlanned(false);
            int i = 0;
            for (const Lead &recipient : leads()) {
                const QString to = u"lead%1@example.org"_s.arg(i++);
                SignedTrackingLinks links(u"https://t.example.net"_s, protocol::DeliveryId::random(), key(),
                                          1'790'000'000, u"https://example.com"_s);
                const DeliveryRenderer::Parts a = planned.renderParts(recipient, to, links);
                const DeliveryRenderer::Parts b = direct.renderParts(recipient, to, links);
                const QByteArray where = (shapeName + u" / lead "_s + QString::number(i)).toUtf8();
                QVERIFY2(a.subject == b.subject, where.constData());
                QVERIFY2(a.html.toUtf8() == b.html.toUtf8(), where.constData());
                QVERIFY2(a.text.toUtf8() == b.text.toUtf8(),
                         (where + "\nplanned:\n" + a.text.toUtf8() + "\ndirect:\n" + b.text.toUtf8()).constData());
                QVERIFY2(!a.html.isEmpty() && !a.text.isEmpty(), where.constData());

                QString errorA, errorB;
                const auto mimeA = planned.render(recipient, to, links, &errorA);
                const auto mimeB = direct.render(recipient, to, links, &errorB);
                QVERIFY2(mimeA && mimeB, qPrintable(errorA + errorB));
                QVERIFY2(normalized(mimeA->message) == normalized(mimeB->message), where.constData());
            }
        }
    }

    static bool plannable(const QString &html)
    {
        MergeFields fields;
        fields.setCustomField(u"plan"_s, QString());
        LinkRewriter::Options options;
        options.decoyLink = true;
        options.utm = true;
        options.utmSource = u"leadtrail"_s;
        return DeliveryPlan::compile(html, options, fields, true) != nullptr;
    }

private slots:
    void handWritten_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<bool>("expectPlan");
        const QStringList templates = ::handWritten();
        const QList<bool> plans{true, true, false, false, true, false, true};
        for (int i = 0; i < templates.size(); ++i)
            QTest::newRow(qPrintable(u"template %1"_s.arg(i))) << templates[i] << plans[i];
    }

    void handWritten()
    {
        QFETCH(QString, html);
        QFETCH(bool, expectPlan);
        QCOMPARE(plannable(html), expectPlan);
        compareBothWays(html);
    }

    void planFillsWithoutReconverting()
    {
        // The planned text part lists the tracked URL of each link and the unsubscribe URL.
        MergeFields fields;
        fields.setFirstName(u"Ann"_s);
        fields.setCompany(u"Acme"_s);
        LinkRewriter::Options options;
        const auto plan = DeliveryPlan::compile(
            u"<body><p>Hi {{first_name}} of {{company}}</p><a href=\"https://e.com/x\">Go</a>"
            "<a href=\"{{unsubscribe_url}}\">Leave</a></body>"_s,
            options, fields, true);
        QVERIFY(plan);
        SignedTrackingLinks links(u"https://t.example.net"_s, protocol::DeliveryId::random(), key(), 1'790'000'000);
        const QString unsubscribe = links.unsubscribeUrl();
        fields.setUnsubscribeUrl(unsubscribe);
        QString html, text;
        QVERIFY(plan->fill(fields, unsubscribe, links, &html, &text));
        const QString click = links.clickUrl(0, u"https://e.com/x"_s);
        QCOMPARE(text, u"Hi Ann of Acme\n\nGo (%1)Leave (%2)\n"_s.arg(click, unsubscribe));
        QVERIFY(html.contains(u"<a href=\"%1\">Go</a>"_s.arg(click)));
        QVERIFY(html.contains(u"<a href=\"%1\">Leave</a>"_s.arg(unsubscribe)));
        QVERIFY(html.contains(u"<img src=\"https://t.example.net/o/"_s));
    }

    void corpus_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(corpusDir());
        const QStringList files = dir.entryList({u"*.html"_s}, QDir::Files, QDir::Name);
        for (const QString &name : files)
            QTest::newRow(qPrintable(name)) << dir.filePath(name);
        if (files.isEmpty())
            QTest::newRow("absent") << QString();
    }

    void corpus()
    {
        QFETCH(QString, path);
        if (path.isEmpty())
            QSKIP(qPrintable(u"no email templates in %1: the shared corpus is not beside the project root"_s.arg(
                corpusDir())));
        const QString html = readUtf8(path);
        QVERIFY(!html.isEmpty());
        if (plannable(html))
            ++m_planned;
        compareBothWays(html);
    }

    void corpusIsPlanned()
    {
        if (!QDir(corpusDir()).exists())
            QSKIP("the shared corpus is not beside the project root");
        // Templates without merge fields in tags all compile; a plan refused everywhere would prove nothing.
        QVERIFY2(m_planned > 0, "no corpus template was planned");
        qInfo("%d corpus templates planned", m_planned);
    }
};

QTEST_GUILESS_MAIN(TestDeliveryPlan)
#include "tst_deliveryplan.moc"
