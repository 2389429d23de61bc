#include "sending/audience.h"

#include "store/lead.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace leadtrail {

std::optional<Audience> Audience::parse(const QString &expression, QString *error)
{
    Audience audience;
    const QString trimmed = expression.trimmed();
    if (trimmed.isEmpty() || trimmed.compare(u"all"_s, Qt::CaseInsensitive) == 0)
        return audience;
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const QStringList parts = trimmed.split(u',');
    for (const QString &rawPart : parts) {
        const QString part = rawPart.trimmed();
        if (part.startsWith(u"unreached"_s, Qt::CaseInsensitive)) {
            const qsizetype eq = part.indexOf(u'=');
            bool ok = false;
            const qint64 id = eq > 0 && part.left(eq).trimmed().compare(u"unreached"_s, Qt::CaseInsensitive) == 0
                ? part.mid(eq + 1).trimmed().toLongLong(&ok)
                : 0;
            if (!ok || id <= 0)
                return fail(u"audience: \"%1\": write unreached=ID, with the id of a cancelled campaign"_s.arg(part));
            if (parts.size() > 1)
                return fail(u"audience: unreached=ID stands alone; it cannot be combined with other conditions"_s);
            audience.m_unreachedBy = id;
            continue;
        }
        if (part.startsWith(u"score"_s, Qt::CaseInsensitive)) {
            const QString rest = part.mid(5).trimmed();
            if (!rest.startsWith(u">="_s))
                return fail(u"audience: \"%1\": the score condition is written score>=N"_s.arg(part));
            bool ok = false;
            const int value = rest.mid(2).trimmed().toInt(&ok);
            if (!ok)
                return fail(u"audience: \"%1\": score>= needs a whole number"_s.arg(part));
            audience.m_minScore = value;
            continue;
        }
        const qsizetype eq = part.indexOf(u'=');
        if (eq <= 0)
            return fail(u"audience: \"%1\" is not a condition; write key=value (category, stage, tag) "
                        "or score>=N, joined by commas, or all"_s.arg(part));
        const QString key = part.left(eq).trimmed().toLower();
        const QString value = part.mid(eq + 1).trimmed();
        if (value.isEmpty())
            return fail(u"audience: \"%1\" has no value"_s.arg(part));
        QString *slot = key == u"category"_s ? &audience.m_filter.category
            : key == u"stage"_s              ? &audience.m_filter.stage
            : key == u"tag"_s                ? &audience.m_filter.tag
                                             : nullptr;
        if (!slot)
            return fail(u"audience: unknown key \"%1\" (known: category, stage, tag, score, unreached)"_s.arg(key));
        if (!slot->isEmpty())
            return fail(u"audience: %1 is given twice"_s.arg(key));
        *slot = value;
    }
    return audience;
}

bool Audience::contains(const Lead &lead) const
{
    const auto same = [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) == 0; };
    if (!m_filter.category.isEmpty() && !same(lead.category, m_filter.category))
        return false;
    if (!m_filter.stage.isEmpty() && !same(lead.stage, m_filter.stage))
        return false;
    if (!m_filter.tag.isEmpty()
        && std::none_of(lead.tags.cbegin(), lead.tags.cend(), [&](const QString &tag) { return same(tag, m_filter.tag); }))
        return false;
    return !m_minScore || lead.score >= *m_minScore;
}

QString Audience::unreachedExpression(qint64 campaignId)
{
    return u"unreached=%1"_s.arg(campaignId);
}

QString Audience::toString() const
{
    if (m_unreachedBy)
        return unreachedExpression(*m_unreachedBy);
    QStringList parts;
    if (!m_filter.category.isEmpty())
        parts << u"category="_s + m_filter.category;
    if (!m_filter.stage.isEmpty())
        parts << u"stage="_s + m_filter.stage;
    if (!m_filter.tag.isEmpty())
        parts << u"tag="_s + m_filter.tag;
    if (m_minScore)
        parts << u"score>=%1"_s.arg(*m_minScore);
    return parts.isEmpty() ? u"all"_s : parts.join(u',');
}

} // namespace leadtrail
