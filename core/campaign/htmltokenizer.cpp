#include "campaign/htmltokenizer.h"

#include <QHash>

namespace leadtrail {

namespace {

bool isSpace(QChar c)
{
    const char16_t u = c.unicode();
    return u == u' ' || u == u'\t' || u == u'\n' || u == u'\r' || u == u'\f';
}

bool isAsciiLetter(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z');
}

bool startsWithAt(QStringView html, qsizetype pos, QLatin1String what)
{
    return html.mid(pos).startsWith(what, Qt::CaseInsensitive);
}

const QHash<QString, char32_t> &namedEntities()
{
    static const QHash<QString, char32_t> table{
        {QStringLiteral("amp"), U'&'},     {QStringLiteral("lt"), U'<'},
        {QStringLiteral("gt"), U'>'},      {QStringLiteral("quot"), U'"'},
        {QStringLiteral("apos"), U'\''},   {QStringLiteral("nbsp"), 0xa0},
        {QStringLiteral("copy"), 0xa9},    {QStringLiteral("reg"), 0xae},
        {QStringLiteral("trade"), 0x2122}, {QStringLiteral("mdash"), 0x2014},
        {QStringLiteral("ndash"), 0x2013}, {QStringLiteral("lsquo"), 0x2018},
        {QStringLiteral("rsquo"), 0x2019}, {QStringLiteral("ldquo"), 0x201c},
        {QStringLiteral("rdquo"), 0x201d}, {QStringLiteral("hellip"), 0x2026},
        {QStringLiteral("bull"), 0x2022},  {QStringLiteral("middot"), 0xb7},
        {QStringLiteral("zwnj"), 0x200c},  {QStringLiteral("zwj"), 0x200d},
        {QStringLiteral("euro"), 0x20ac},  {QStringLiteral("pound"), 0xa3},
        {QStringLiteral("laquo"), 0xab},   {QStringLiteral("raquo"), 0xbb},
        {QStringLiteral("shy"), 0xad},     {QStringLiteral("times"), 0xd7},
    };
    return table;
}

} // namespace

HtmlTokenizer::HtmlTokenizer(QStringView html)
    : m_html(html)
{
}

bool HtmlTokenizer::next(Token &token)
{
    token = Token();
    const qsizetype size = m_html.size();
    if (m_pos >= size)
        return false;
    token.begin = m_pos;

    if (!m_rawTextEnd.isEmpty()) {
        // Inside <script>/<style>: nothing is a tag until the matching end tag.
        qsizetype end = m_html.indexOf(m_rawTextEnd, m_pos, Qt::CaseInsensitive);
        if (end < 0)
            end = size;
        m_rawTextEnd.clear();
        if (end > m_pos) {
            token.type = TokenType::Text;
            token.rawText = true;
            token.end = m_pos = end;
            return true;
        }
    }

    if (m_html[m_pos] == u'<') {
        const QChar after = m_pos + 1 < size ? m_html[m_pos + 1] : QChar();
        if (isAsciiLetter(after) || after == u'/' || after == u'!') {
            readTag(token);
            if (token.end > token.begin)
                return true;
        }
    }

    // Text runs to the next '<' that could start markup.
    qsizetype end = m_pos + 1;
    while (end < size) {
        end = m_html.indexOf(u'<', end);
        if (end < 0) {
            end = size;
            break;
        }
        const QChar after = end + 1 < size ? m_html[end + 1] : QChar();
        if (isAsciiLetter(after) || after == u'/' || after == u'!')
            break;
        ++end;
    }
    token.type = TokenType::Text;
    token.end = m_pos = end;
    return true;
}

void HtmlTokenizer::readTag(Token &token)
{
    const qsizetype size = m_html.size();
    const qsizetype start = m_pos;

    if (startsWithAt(m_html, start, QLatin1String("<!--"))) {
        if (startsWithAt(m_html, start + 4, QLatin1String("[if"))) {
            const qsizetype close = m_html.indexOf(QLatin1String("]>"), start + 4);
            if (close >= 0) {
                token.type = TokenType::ConditionalStart;
                token.condition = m_html.mid(start + 7, close - start - 7).trimmed().toString();
                token.end = m_pos = close + 2;
                return;
            }
        }
        token.type = TokenType::Comment;
        // `<!-->` and `<!--->` are complete (empty) comments.
        if (startsWithAt(m_html, start + 4, QLatin1String(">")))
            token.end = start + 5;
        else if (startsWithAt(m_html, start + 4, QLatin1String("->")))
            token.end = start + 6;
        else {
            const qsizetype close = m_html.indexOf(QLatin1String("-->"), start + 4);
            token.end = close < 0 ? size : close + 3;
        }
        m_pos = token.end;
        return;
    }

    if (m_html[start + 1] == u'!') {
        token.type = startsWithAt(m_html, start, QLatin1String("<![endif]"))
            ? TokenType::ConditionalEnd
            : TokenType::Declaration;
        const qsizetype close = m_html.indexOf(u'>', start + 2);
        token.end = m_pos = close < 0 ? size : close + 1;
        return;
    }

    const bool endTag = m_html[start + 1] == u'/';
    qsizetype p = start + (endTag ? 2 : 1);
    if (endTag && (p >= size || !isAsciiLetter(m_html[p]))) {
        // `</ …>` without a name is a bogus comment to the browser.
        token.type = TokenType::Comment;
        const qsizetype close = m_html.indexOf(u'>', p);
        token.end = m_pos = close < 0 ? size : close + 1;
        return;
    }
    const qsizetype nameBegin = p;
    while (p < size && !isSpace(m_html[p]) && m_html[p] != u'/' && m_html[p] != u'>')
        ++p;
    token.name = m_html.mid(nameBegin, p - nameBegin).toString().toLower();
    m_pos = p;

    if (endTag) {
        token.type = TokenType::EndTag;
        const qsizetype close = m_html.indexOf(u'>', p);
        token.end = m_pos = close < 0 ? size : close + 1;
        return;
    }

    token.type = TokenType::StartTag;
    readAttributes(token);
    token.end = m_pos;
    if (token.name == QLatin1String("script") || token.name == QLatin1String("style")
        || token.name == QLatin1String("title") || token.name == QLatin1String("textarea"))
        m_rawTextEnd = QLatin1String("</") + token.name;
}

void HtmlTokenizer::readAttributes(Token &token)
{
    const qsizetype size = m_html.size();
    qsizetype p = m_pos;
    while (p < size) {
        while (p < size && (isSpace(m_html[p]) || m_html[p] == u'/'))
            ++p;
        if (p >= size)
            break;
        if (m_html[p] == u'>') {
            ++p;
            break;
        }
        Attribute attr;
        const qsizetype nameBegin = p;
        ++p; // a name may start with '=' (HTML's rule), never be empty
        while (p < size && !isSpace(m_html[p]) && m_html[p] != u'/' && m_html[p] != u'>'
               && m_html[p] != u'=')
            ++p;
        attr.name = m_html.mid(nameBegin, p - nameBegin).toString().toLower();
        qsizetype q = p;
        while (q < size && isSpace(m_html[q]))
            ++q;
        if (q < size && m_html[q] == u'=') {
            ++q;
            while (q < size && isSpace(m_html[q]))
                ++q;
            if (q < size && (m_html[q] == u'"' || m_html[q] == u'\'')) {
                attr.quote = m_html[q];
                attr.valueBegin = q + 1;
                qsizetype close = m_html.indexOf(attr.quote, q + 1);
                if (close < 0)
                    close = size;
                attr.valueEnd = close;
                p = qMin(close + 1, size);
            } else {
                attr.valueBegin = q;
                while (q < size && !isSpace(m_html[q]) && m_html[q] != u'>')
                    ++q;
                attr.valueEnd = q;
                p = q;
            }
        }
        token.attributes.append(attr);
    }
    m_pos = p;
}

const HtmlTokenizer::Attribute *HtmlTokenizer::attribute(const Token &token, QLatin1String name)
{
    for (const Attribute &a : token.attributes) {
        if (a.name == name)
            return &a;
    }
    return nullptr;
}

QStringView HtmlTokenizer::rawValue(const Attribute &attribute) const
{
    if (!attribute.hasValue())
        return {};
    return m_html.mid(attribute.valueBegin, attribute.valueEnd - attribute.valueBegin);
}

QString HtmlTokenizer::decodeEntities(QStringView text)
{
    if (!text.contains(u'&'))
        return text.toString();
    QString out;
    out.reserve(text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text[i];
        if (c != u'&') {
            out += c;
            ++i;
            continue;
        }
        const qsizetype semi = text.indexOf(u';', i + 1);
        // Names are short; a far-away ';' belongs to something else.
        if (semi < 0 || semi - i > 32) {
            out += c;
            ++i;
            continue;
        }
        const QStringView ref = text.mid(i + 1, semi - i - 1);
        char32_t code = 0;
        bool ok = false;
        if (ref.startsWith(u'#')) {
            if (ref.size() > 1 && (ref[1] == u'x' || ref[1] == u'X'))
                code = ref.mid(2).toUInt(&ok, 16);
            else
                code = ref.mid(1).toUInt(&ok, 10);
            // No NUL, no surrogates, nothing beyond Unicode: the replacement
            // character, as browsers do.
            if (ok && (code == 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)))
                code = 0xfffd;
        } else {
            const auto it = namedEntities().constFind(ref.toString());
            if (it != namedEntities().constEnd()) {
                code = *it;
                ok = true;
            }
        }
        if (!ok) {
            out += c;
            ++i;
            continue;
        }
        const char32_t ucs[1] = {code};
        out += QString::fromUcs4(ucs, 1);
        i = semi + 1;
    }
    return out;
}

} // namespace leadtrail
