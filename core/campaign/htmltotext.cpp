#include "campaign/htmltotext.h"

#include <QRegularExpression>
#include <QSet>

#include "campaign/htmltokenizer.h"
#include "campaign/linkrewriter.h"

namespace leadtrail {

namespace {

using TokenType = HtmlTokenizer::TokenType;

/** Collects words and the breaks between them, collapsing whitespace as a browser does. */
class TextWriter final
{
public:
    void word(const QString &text)
    {
        for (const QChar c : text) {
            if (c.isSpace() || c.unicode() == 0xa0) {
                m_space = true;
                continue;
            }
            const char16_t u = c.unicode();
            if (u == 0x200b || u == 0x200c || u == 0x200d || u == 0x034f || u == 0xad || u == 0xfeff)
                continue; // invisible fillers that templates pad preheaders with
            flushBreak();
            if (m_space && !m_out.isEmpty() && !m_out.endsWith(u'\n'))
                m_out += u' ';
            m_space = false;
            m_out += c;
        }
    }
    void space() { m_space = true; }
    void lineBreak(int lines) { m_break = qMax(m_break, lines); }
    void hardBreak()
    {
        flushBreak();
        m_out += u'\n';
        m_space = false;
    }
    qsizetype size() const { return m_out.size(); }
    QString since(qsizetype pos) const { return m_out.mid(pos); }

    QString finish()
    {
        static const QRegularExpression trailing(QStringLiteral("[ \\t]+\\n"));
        static const QRegularExpression blank(QStringLiteral("\\n{3,}"));
        m_out.replace(trailing, QStringLiteral("\n"));
        m_out.replace(blank, QStringLiteral("\n\n"));
        return m_out.trimmed() + u'\n';
    }

private:
    void flushBreak()
    {
        if (m_break > 0 && !m_out.isEmpty()) {
            int have = 0;
            for (qsizetype i = m_out.size() - 1; i >= 0 && m_out[i] == u'\n'; --i)
                ++have;
            for (int i = have; i < m_break; ++i)
                m_out += u'\n';
            m_space = false;
        }
        m_break = 0;
    }

    QString m_out;
    bool m_space = false;
    int m_break = 0;
};

int breakBefore(const QString &tag)
{
    static const QSet<QString> paragraph{
        QStringLiteral("p"), QStringLiteral("h1"), QStringLiteral("h2"), QStringLiteral("h3"),
        QStringLiteral("h4"), QStringLiteral("h5"), QStringLiteral("h6"), QStringLiteral("table"),
        QStringLiteral("ul"), QStringLiteral("ol"), QStringLiteral("blockquote"), QStringLiteral("pre")};
    static const QSet<QString> line{
        QStringLiteral("div"), QStringLiteral("tr"), QStringLiteral("li"), QStringLiteral("center"),
        QStringLiteral("section"), QStringLiteral("article"), QStringLiteral("header"),
        QStringLiteral("footer"), QStringLiteral("hr"), QStringLiteral("dt"), QStringLiteral("dd")};
    if (paragraph.contains(tag))
        return 2;
    if (line.contains(tag))
        return 1;
    return 0;
}

bool isVoid(const QString &tag)
{
    static const QSet<QString> tags{
        QStringLiteral("br"), QStringLiteral("img"), QStringLiteral("hr"), QStringLiteral("meta"),
        QStringLiteral("link"), QStringLiteral("input"), QStringLiteral("col"), QStringLiteral("area"),
        QStringLiteral("base"), QStringLiteral("wbr"), QStringLiteral("source")};
    return tags.contains(tag);
}

bool isHidden(const HtmlTokenizer &tokenizer, const HtmlTokenizer::Token &token)
{
    static const QRegularExpression displayNone(QStringLiteral("display\\s*:\\s*none"),
                                                QRegularExpression::CaseInsensitiveOption);
    if (const auto *style = HtmlTokenizer::attribute(token, QLatin1String("style"))) {
        if (displayNone.match(tokenizer.rawValue(*style)).hasMatch())
            return true;
    }
    if (const auto *aria = HtmlTokenizer::attribute(token, QLatin1String("aria-hidden")))
        return tokenizer.rawValue(*aria).compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
    return false;
}

} // namespace

QString HtmlToText::convert(const QString &html)
{
    TextWriter out;
    HtmlTokenizer tokenizer(html);
    HtmlTokenizer::Token token;

    int outlookOnlyDepth = 0;    // inside <!--[if mso]> blocks: Outlook's duplicates
    QString skipTag;             // head, or a hidden element: skipped with its content
    int skipDepth = 0;
    QString linkUrl;             // the open <a>'s destination, if it is shown
    qsizetype linkTextStart = -1;
    int listDepth = 0;

    while (tokenizer.next(token)) {
        if (token.type == TokenType::ConditionalStart) {
            if (outlookOnlyDepth > 0 || !token.condition.startsWith(u'!'))
                ++outlookOnlyDepth;
            continue;
        }
        if (token.type == TokenType::ConditionalEnd) {
            if (outlookOnlyDepth > 0)
                --outlookOnlyDepth;
            continue;
        }
        if (outlookOnlyDepth > 0 || token.type == TokenType::Comment || token.type == TokenType::Declaration)
            continue;

        if (!skipTag.isEmpty()) {
            if (token.type == TokenType::StartTag && token.name == skipTag && !isVoid(token.name))
                ++skipDepth;
            else if (token.type == TokenType::EndTag && token.name == skipTag && --skipDepth == 0)
                skipTag.clear();
            continue;
        }

        if (token.type == TokenType::Text) {
            if (!token.rawText)
                out.word(HtmlTokenizer::decodeEntities(QStringView(html).mid(token.begin, token.end - token.begin)));
            continue;
        }

        const QString &tag = token.name;
        if (token.type == TokenType::StartTag) {
            if (tag == QLatin1String("head") || (!isVoid(tag) && isHidden(tokenizer, token))) {
                skipTag = tag;
                skipDepth = 1;
                continue;
            }
            if (tag == QLatin1String("br")) {
                out.hardBreak();
                continue;
            }
            if (tag == QLatin1String("ul") || tag == QLatin1String("ol"))
                ++listDepth;
            out.lineBreak(tag == QLatin1String("li") && listDepth > 0 ? 1 : breakBefore(tag));
            if (tag == QLatin1String("li")) {
                out.word(QStringLiteral("- "));
            } else if (tag == QLatin1String("td") || tag == QLatin1String("th")) {
                out.space();
            } else if (tag == QLatin1String("a")) {
                linkUrl.clear();
                if (const auto *href = HtmlTokenizer::attribute(token, QLatin1String("href"))) {
                    const QString url = HtmlTokenizer::decodeEntities(tokenizer.rawValue(*href)).trimmed();
                    if (LinkRewriter::isHttpUrl(url) || url.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive))
                        linkUrl = url;
                }
                linkTextStart = out.size();
            }
            continue;
        }

        // End tags.
        if (tag == QLatin1String("ul") || tag == QLatin1String("ol"))
            listDepth = qMax(0, listDepth - 1);
        if (tag == QLatin1String("a") && !linkUrl.isEmpty()) {
            const QString text = out.since(linkTextStart).trimmed();
            const QString shown = linkUrl.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive)
                ? linkUrl.mid(7).section(u'?', 0, 0)
                : linkUrl;
            if (text.isEmpty())
                out.word(shown);
            else if (text != shown && text != linkUrl)
                out.word(QStringLiteral(" (") + shown + u')');
            linkUrl.clear();
            continue;
        }
        if (tag == QLatin1String("td") || tag == QLatin1String("th"))
            out.space();
        else
            out.lineBreak(breakBefore(tag));
    }
    return out.finish();
}

} // namespace leadtrail
