#pragma once

#include <QString>
#include <QStringView>
#include <QVector>

namespace leadtrail {

/**
 * A forgiving, position-preserving tokenizer for real-world email HTML.
 *
 * It never changes the document: every token carries the offsets of the
 * characters it covers, so the link rewriter can replace one attribute value
 * and copy every other character through untouched. It follows the HTML
 * rules that matter for email: quoted (single or double, possibly holding
 * `>`), unquoted and valueless attributes, attributes with no space between
 * them, case-insensitive names, raw-text elements (`script`, `style`,
 * `title`, `textarea`) whose content is never parsed as tags, ordinary
 * comments (skipped whole), and Outlook conditional comments
 * (`<!--[if mso]> … <![endif]-->`), whose content Outlook renders and which
 * are therefore tokenized like the rest of the document.
 */
class HtmlTokenizer final
{
public:
    enum class TokenType {
        Text,
        StartTag,
        EndTag,
        Comment,          ///< `<!-- … -->`, including `<!-->` and `<!--<![endif]-->`
        ConditionalStart, ///< `<!--[if expr]>`; condition() holds `expr`
        ConditionalEnd,   ///< `<![endif]-->` or `<![endif]>`
        Declaration,      ///< `<!DOCTYPE …>` and other `<!…>`
    };

    /** One attribute of a start tag; offsets index the whole document. */
    struct Attribute
    {
        QString name;          ///< lowercased
        qsizetype valueBegin = -1; ///< first character of the value, quotes excluded
        qsizetype valueEnd = -1;   ///< one past its last character
        QChar quote;           ///< `"`, `'` or null for unquoted / no value

        bool hasValue() const { return valueBegin >= 0; }
    };

    struct Token
    {
        TokenType type = TokenType::Text;
        qsizetype begin = 0; ///< first character of the token
        qsizetype end = 0;   ///< one past its last character
        QString name;        ///< lowercased tag name, for start and end tags
        QVector<Attribute> attributes;
        QString condition;   ///< for ConditionalStart
        bool rawText = false; ///< Text inside script/style/title/textarea
    };

    /** @p html must outlive the tokenizer. */
    explicit HtmlTokenizer(QStringView html);

    /** The next token, or false at the end of the document. */
    bool next(Token &token);

    /** The first attribute called @p name (lowercase), or nullptr: HTML ignores later duplicates. */
    static const Attribute *attribute(const Token &token, QLatin1String name);

    /** The attribute's value as written, before entity decoding. */
    QStringView rawValue(const Attribute &attribute) const;

    /**
     * Decodes character references once: numeric (`&#38;`, `&#x26;`) and the
     * named ones that occur in email (`&amp;`, `&nbsp;`, `&mdash;`, …). A
     * reference without its `;` or with an unknown name is left as written,
     * as browsers do inside attribute values (`?a=1&copy=2` stays as is).
     */
    static QString decodeEntities(QStringView text);

private:
    void readTag(Token &token);
    void readAttributes(Token &token);

    QStringView m_html;
    qsizetype m_pos = 0;
    QString m_rawTextEnd; ///< `</script` etc. while inside a raw-text element
};

} // namespace leadtrail
