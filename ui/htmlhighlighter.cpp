#include "htmlhighlighter.h"

#include "theme.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace leadtrail {

HtmlHighlighter::HtmlHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    const bool dark = Theme::isDark();
    m_tag.setForeground(dark ? QColor(0x6a, 0xa8, 0xff) : QColor(0x1f, 0x4f, 0xb0));
    m_tag.setFontWeight(QFont::DemiBold);
    m_attribute.setForeground(dark ? QColor(0xc5, 0x8a, 0xf9) : QColor(0x80, 0x30, 0xa0));
    m_value.setForeground(dark ? QColor(0x7e, 0xd3, 0x8c) : QColor(0x1a, 0x7f, 0x37));
    m_comment.setForeground(QColor(0x8a, 0x8f, 0x98));
    m_comment.setFontItalic(true);
    m_field.setForeground(dark ? QColor(0xff, 0xb8, 0x6c) : QColor(0xb3, 0x5c, 0x00));
    m_field.setFontWeight(QFont::Bold);
}

void HtmlHighlighter::highlightBlock(const QString &text)
{
    static const QRegularExpression tag(u"</?[A-Za-z][A-Za-z0-9:-]*|/?>"_s);
    static const QRegularExpression attribute(u"\\s([A-Za-z_:][-A-Za-z0-9_:.]*)(?==)"_s);
    static const QRegularExpression value(u"\"[^\"]*\"|'[^']*'"_s);
    static const QRegularExpression field(u"\\{\\{[^}]*\\}\\}"_s);
    for (auto it = tag.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_tag);
    }
    for (auto it = attribute.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), m_attribute);
    }
    for (auto it = value.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_value);
    }
    for (auto it = field.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_field);
    }
    // Comments may span lines: block state 1 means "inside <!-- ... -->".
    setCurrentBlockState(0);
    int start = previousBlockState() == 1 ? 0 : int(text.indexOf(u"<!--"_s));
    while (start >= 0) {
        const int end = int(text.indexOf(u"-->"_s, start));
        const int length = end < 0 ? int(text.size()) - start : end - start + 3;
        if (end < 0)
            setCurrentBlockState(1);
        setFormat(start, length, m_comment);
        start = end < 0 ? -1 : int(text.indexOf(u"<!--"_s, start + length));
    }
}

} // namespace leadtrail
