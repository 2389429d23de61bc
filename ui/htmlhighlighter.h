#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace leadtrail {

/** Colours an HTML email body: tags, attribute names, quoted values, comments, and {{merge fields}}. */
class HtmlHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HtmlHighlighter)

public:
    explicit HtmlHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_tag;
    QTextCharFormat m_attribute;
    QTextCharFormat m_value;
    QTextCharFormat m_comment;
    QTextCharFormat m_field;
};

} // namespace leadtrail
