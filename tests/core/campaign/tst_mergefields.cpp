#include <QTest>

#include "campaign/mergefields.h"

using leadtrail::MergeFields;
using Context = leadtrail::MergeFields::Context;

/** Merge fields: substitution, fallbacks, escaping per context, unknown fields. */
class TestMergeFields final : public QObject
{
    Q_OBJECT

private slots:
    void substitutesBuiltInAndCustomFields()
    {
        MergeFields f;
        f.setFirstName(QStringLiteral("Ada"));
        f.setLastName(QStringLiteral("Lovelace"));
        f.setCompany(QStringLiteral("Analytical Engines"));
        f.setEmail(QStringLiteral("ada@example.org"));
        f.setCustomField(QStringLiteral("city"), QStringLiteral("London"));
        const QString out = f.render(
            QStringLiteral("Hi {{first_name}} {{ last_name }} of {{company}} <{{email}}> in {{city}}"),
            Context::Text);
        QCOMPARE(out, QStringLiteral("Hi Ada Lovelace of Analytical Engines <ada@example.org> in London"));
    }

    void fallbackUsedOnlyWhenValueIsEmpty()
    {
        MergeFields f;
        QCOMPARE(f.render(QStringLiteral("Hi {{first_name|there}},"), Context::Text), QStringLiteral("Hi there,"));
        QCOMPARE(f.render(QStringLiteral("Hi {{first_name}},"), Context::Text), QStringLiteral("Hi ,"));
        f.setFirstName(QStringLiteral("Bo"));
        QCOMPARE(f.render(QStringLiteral("Hi {{first_name|there}},"), Context::Text), QStringLiteral("Hi Bo,"));
        // An empty fallback is a fallback too.
        QCOMPARE(f.render(QStringLiteral("[{{company|}}]"), Context::Text), QStringLiteral("[]"));
    }

    void unknownPlaceholdersAreLeftAsWritten()
    {
        MergeFields f;
        const QString text = QStringLiteral("{{#each news}}{{title}}{{/each}} {{ support_url }}");
        QCOMPARE(f.render(text, Context::Html), text);
        QCOMPARE(f.render(QStringLiteral("{{nickname|friend}}"), Context::Text), QStringLiteral("friend"));
    }

    void reportsUnknownFieldsAtComposeTime()
    {
        const QString text = QStringLiteral(
            "Hi {{first_name|there}} {{nickname}} {{ city }} {{#each items}} {{nickname}} {{unsubscribe_url}} {{}}");
        const QStringList unknown = MergeFields::unknownFields(text, {QStringLiteral("city")});
        QCOMPARE(unknown, (QStringList{QStringLiteral("nickname"), QStringLiteral("#each items"), QString()}));
        QVERIFY(MergeFields::unknownFields(QStringLiteral("{{email}} {{company|x}}"), {}).isEmpty());
    }

    void escapesValuesInHtmlButNotFallbacks()
    {
        MergeFields f;
        f.setCompany(QStringLiteral("<b>Smith & \"Sons\" 'Ltd'</b>"));
        QCOMPARE(f.render(QStringLiteral("<p title='{{company}}'>{{company}}</p>"), Context::Html),
                 QStringLiteral("<p title='&lt;b&gt;Smith &amp; &quot;Sons&quot; &#39;Ltd&#39;&lt;/b&gt;'>"
                                "&lt;b&gt;Smith &amp; &quot;Sons&quot; &#39;Ltd&#39;&lt;/b&gt;</p>"));
        QCOMPARE(f.render(QStringLiteral("{{company}}"), Context::Text), QStringLiteral("<b>Smith & \"Sons\" 'Ltd'</b>"));
        MergeFields empty;
        QCOMPARE(empty.render(QStringLiteral("{{company|<i>your team</i>}}"), Context::Html),
                 QStringLiteral("<i>your team</i>"));
    }

    void headerContextFoldsControlCharacters()
    {
        MergeFields f;
        f.setFirstName(QStringLiteral("Eve\r\nBcc: victim@example.org\n\tX\x01Y"));
        f.setCustomField(QStringLiteral("topic"), QString::fromUtf16(u"a\u2028b\u0085c"));
        const QString subject = f.render(QStringLiteral("Hello {{first_name}} {{topic}}\r\nX-Evil: 1"), Context::Header);
        QVERIFY(!subject.contains(QLatin1Char('\r')));
        QVERIFY(!subject.contains(QLatin1Char('\n')));
        QCOMPARE(subject, QStringLiteral("Hello Eve  Bcc: victim@example.org  X Y a b c  X-Evil: 1"));
        // Fallbacks in the subject are folded as well.
        MergeFields empty;
        QCOMPARE(empty.render(QStringLiteral("{{first_name|a\nb}}"), Context::Header), QStringLiteral("a b"));
    }

    void findsTheAuthorsUnsubscribeLink()
    {
        QVERIFY(MergeFields::mentionsUnsubscribeUrl(QStringLiteral("<a href=\"{{ unsubscribe_url }}\">x</a>")));
        QVERIFY(!MergeFields::mentionsUnsubscribeUrl(QStringLiteral("<a href=\"https://x/unsubscribe\">x</a>")));
        MergeFields f;
        f.setUnsubscribeUrl(QStringLiteral("https://relay.test/u/abc?x=1&y=2"));
        QCOMPARE(f.render(QStringLiteral("<a href=\"{{unsubscribe_url}}\">"), Context::Html),
                 QStringLiteral("<a href=\"https://relay.test/u/abc?x=1&amp;y=2\">"));
    }
};

QTEST_APPLESS_MAIN(TestMergeFields)
#include "tst_mergefields.moc"
