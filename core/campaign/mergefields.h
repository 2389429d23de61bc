#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace leadtrail {

/**
 * The values one recipient brings to a template, and the substitution of
 * `{{field}}` / `{{field|fallback}}` placeholders with them.
 *
 * Values are escaped for the place they land in: HTML-escaped in HTML,
 * verbatim in plain text, and with every control character folded to a space
 * in headers. Fallbacks are the author's own text and are inserted as written
 * (in HTML they are already markup). A placeholder naming no known field is
 * left exactly as written; unknownFields() finds those at compose time.
 */
class MergeFields final
{
public:
    enum class Context {
        Html,   ///< values are HTML-escaped
        Text,   ///< values verbatim
        Header, ///< values (and fallbacks) with CR, LF and controls folded to spaces
    };

    /** The names every recipient has, whatever the workspace's custom fields. */
    static QStringList builtInFields();

    /**
     * Every placeholder in @p text that would not be replaced: names that are
     * neither built in nor in @p customFields, and `{{…}}` that are not field
     * names at all (e.g. another template language's `{{#each}}`). In order of
     * first appearance, each once, as written between the braces.
     */
    static QStringList unknownFields(const QString &text, const QStringList &customFields);

    /** Every built-in field starts out empty, so it never stays a literal placeholder. */
    MergeFields();

    /** True when @p text places `{{unsubscribe_url}}` itself. */
    static bool mentionsUnsubscribeUrl(const QString &text);

    void setFirstName(const QString &value) { m_values.insert(QStringLiteral("first_name"), value); }
    void setLastName(const QString &value) { m_values.insert(QStringLiteral("last_name"), value); }
    void setCompany(const QString &value) { m_values.insert(QStringLiteral("company"), value); }
    void setEmail(const QString &value) { m_values.insert(QStringLiteral("email"), value); }
    void setUnsubscribeUrl(const QString &value) { m_values.insert(QStringLiteral("unsubscribe_url"), value); }
    /**
     * A workspace custom field; @p name as the author types it in templates.
     * Set every custom field of the workspace (empty when the lead has none),
     * or its placeholder is left as written.
     */
    void setCustomField(const QString &name, const QString &value) { m_values.insert(name, value); }

    /** HTML-escapes @p value for text and for attribute values in either quote style. */
    static QString escapeHtml(const QString &value);

    /** Replaces every known placeholder in @p text, escaping values for @p context. */
    QString render(const QString &text, Context context) const;

    /** One `{{…}}` in a template: where it is and what it says. */
    struct Placeholder
    {
        qsizetype begin = 0; ///< the first `{`
        qsizetype end = 0;   ///< one past the last `}`
        QString inside;      ///< as written between the braces
        QString name;        ///< trimmed, before any `|`
        QString fallback;
        bool hasFallback = false;
    };

    /** Every placeholder of @p text, in order (render() replaces exactly these, when known). */
    static QVector<Placeholder> placeholders(const QString &text);

    /**
     * What render() puts in place of @p placeholder in @p context, or nullopt
     * when it leaves it as written (an unknown field without fallback). For
     * Header, before the whole-line sanitizing that render() also applies.
     */
    std::optional<QString> replacement(const Placeholder &placeholder, Context context) const;

private:
    QHash<QString, QString> m_values;
};

} // namespace leadtrail
