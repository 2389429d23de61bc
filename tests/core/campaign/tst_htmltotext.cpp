#include <QDir>
#include <QTest>

#include "campaign/htmltotext.h"

using leadtrail::HtmlToText;

/** The derived text part: readable structure, links shown, no markup leaking through. */
class TestHtmlToText final : public QObject
{
    Q_OBJECT

private slots:
    void paragraphsBreaksListsAndLinks()
    {
        const QString html = QStringLiteral(
            "<html><head><title>T</title><style>p{color:red}</style></head><body>"
            "<div style=\"display:none\">preheader <b>text</b></div>"
            "<h1>Hello&nbsp;Ada</h1>\n<p>First   line<br>second line</p>"
            "<p>Read <a href=\"https://e.com/a?x=1&amp;y=2\">the post</a> or "
            "<a href=\"https://e.com/b\">https://e.com/b</a> or <a href=\"mailto:me@e.com\">write</a> "
            "or <a href=\"#top\">top</a>.</p>"
            "<ul><li>one</li><li>two &amp; three</li></ul>"
            "<!-- a comment --><script>var x = '<p>no</p>';</script>"
            "<!--[if mso]><p>Outlook only</p><![endif]-->"
            "<!--[if !mso]><!--><p>Everyone else</p><!--<![endif]-->"
            "<table><tr><td>cell 1</td><td>cell 2</td></tr></table>"
            "</body></html>");
        const QString expected = QStringLiteral(
            "Hello\u00a0Ada").replace(QChar(0xa0), u' ')
            + QStringLiteral("\n\nFirst line\nsecond line\n\n"
                             "Read the post (https://e.com/a?x=1&y=2) or https://e.com/b or write (me@e.com) or top.\n\n"
                             "- one\n- two & three\n\n"
                             "Everyone else\n\n"
                             "cell 1 cell 2\n");
        QCOMPARE(HtmlToText::convert(html), expected);
    }

    void imageOnlyLinkShowsItsUrl()
    {
        QCOMPARE(HtmlToText::convert(QStringLiteral("<a href=\"https://e.com/\"><img src=x alt=\"\"></a>")),
                 QStringLiteral("https://e.com/\n"));
    }

    void corpusTemplatesGiveCleanText()
    {
        const QDir dir(QStringLiteral(LEADTRAIL_SHARED_DIR "/corpus/email-html"));
        const QStringList files = dir.entryList({QStringLiteral("*.html")}, QDir::Files);
        if (files.isEmpty())
            QSKIP("the shared corpus is not beside the project root");
        for (const QString &name : files) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QString text = HtmlToText::convert(QString::fromUtf8(file.readAll()));
            QVERIFY2(text.trimmed().size() > 40, qPrintable(name));
            for (const char *leak : {"<td", "<table", "<!--", "mso-", "{font-", "<style", "&nbsp;", "&amp;"})
                QVERIFY2(!text.contains(QLatin1String(leak)), qPrintable(name + QStringLiteral(": ") + QLatin1String(leak)));
            QVERIFY2(!text.contains(QStringLiteral("\n\n\n")), qPrintable(name));
        }
    }
};

QTEST_APPLESS_MAIN(TestHtmlToText)
#include "tst_htmltotext.moc"
