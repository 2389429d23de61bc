#include "campaign/mergefields.h"

#include <QRegularExpression>

#include "campaign/headervalue.h"

namespace leadtrail {

namespace {

// `{{` anything but braces `}}`; the inside is parsed separately so that a
// malformed placeholder is reported instead of silently skipped.
const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression re(QStringLiteral("\\{\\{([^{}]*)\\}\\}"));
    return re;
}

const QRegularExpression &fieldNamePattern()
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return re;
}

MergeFields::Placeholder parsePlaceholder(const QString &inside)
{
    MergeFields::Placeholder p;
    p.inside = inside;
    const qsizetype bar = inside.indexOf(QLatin1Char('|'));
    if (bar < 0) {
        p.name = inside.trimmed();
    } else {
        p.name = inside.left(bar).trimmed();
        p.fallback = inside.mid(bar + 1);
        p.hasFallback = true;
    }
    return p;
}

} // namespace

MergeFields::MergeFields()
{
    for (const QString &name : builtInFields())
        m_values.insert(name, QString());
}

QString MergeFields::escapeHtml(const QString &value)
{
    // toHtmlEscaped() leaves the apostrophe alone, which would let a value
    // close a single-quoted attribute.
    return value.toHtmlEscaped().replace(QLatin1Char('\''), QLatin1String("&#39;"));
}

QStringList MergeFields::builtInFields()
{
    return {QStringLiteral("first_name"), QStringLiteral("last_name"), QStringLiteral("company"),
            QStringLiteral("email"), QStringLiteral("unsubscribe_url")};
}

QStringList MergeFields::unknownFields(const QString &text, const QStringList &customFields)
{
    const QStringList builtIn = builtInFields();
    QStringList unknown;
    auto it = placeholderPattern().globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        const Placeholder p = parsePlaceholder(match.captured(1));
        const bool known = fieldNamePattern().match(p.name).hasMatch()
            && (builtIn.contains(p.name) || customFields.contains(p.name));
        const QString written = match.captured(1).trimmed();
        if (!known && !unknown.contains(written))
            unknown.append(written);
    }
    return unknown;
}

bool MergeFields::mentionsUnsubscribeUrl(const QString &text)
{
    auto it = placeholderPattern().globalMatch(text);
    while (it.hasNext()) {
        if (parsePlaceholder(it.next().captured(1)).name == QLatin1String("unsubscribe_url"))
            return true;
    }
    return false;
}

QVector<MergeFields::Placeholder> MergeFields::placeholders(const QString &text)
{
    QVector<Placeholder> found;
    auto it = placeholderPattern().globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        Placeholder p = parsePlaceholder(match.captured(1));
        p.begin = match.capturedStart();
        p.end = match.capturedEnd();
        found.append(std::move(p));
    }
    return found;
}

std::optional<QString> MergeFields::replacement(const Placeholder &p, Context context) const
{
    const auto value = m_values.constFind(p.name);
    QString replacement;
    if (value != m_values.constEnd() && !value->isEmpty())
        replacement = context == Context::Html ? escapeHtml(*value) : *value;
    else if (p.hasFallback)
        replacement = p.fallback;
    else if (value == m_values.constEnd())
        return std::nullopt; // unknown and no fallback: leave it as written
    // else: a known field this recipient leaves empty
    return context == Context::Header ? sanitizeHeaderValue(replacement) : replacement;
}

QString MergeFields::render(const QString &text, Context context) const
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    qsizetype last = 0;
    for (const Placeholder &p : placeholders(text)) {
        const std::optional<QString> replaced = replacement(p, context);
        if (!replaced)
            continue;
        out += QStringView(text).mid(last, p.begin - last);
        out += *replaced;
        last = p.end;
    }
    out += QStringView(text).mid(last);
    return context == Context::Header ? sanitizeHeaderValue(out) : out;
}

} // namespace leadtrail
