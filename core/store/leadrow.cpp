#include "store/leadrow.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {
constexpr QChar TagSeparator = QChar(0x1f); // group_concat separator; no tag contains it
}

QString LeadRow::selectColumns()
{
    return u"leads.id, leads.email, leads.first_name, leads.last_name, leads.company, leads.phone,"
           " leads.category, leads.stage, leads.owner, leads.custom_fields, leads.score, leads.bounced,"
           " leads.unsubscribed_at, leads.created_at, leads.updated_at,"
           " (SELECT group_concat(tag, char(31)) FROM lead_tags WHERE lead_tags.lead_id = leads.id)"_s;
}

Lead LeadRow::fromQuery(const QSqlQuery &query)
{
    Lead lead;
    lead.id = query.value(0).toLongLong();
    lead.email = query.value(1).toString();
    lead.firstName = query.value(2).toString();
    lead.lastName = query.value(3).toString();
    lead.company = query.value(4).toString();
    lead.phone = query.value(5).toString();
    lead.category = query.value(6).toString();
    lead.stage = query.value(7).toString();
    lead.owner = query.value(8).toString();
    lead.customFields = decodeCustomFields(query.value(9).toString());
    lead.score = query.value(10).toInt();
    lead.bounced = query.value(11).toInt() != 0;
    lead.unsubscribedAt = decodeTime(query.value(12));
    lead.createdAt = decodeTime(query.value(13));
    lead.updatedAt = decodeTime(query.value(14));
    const QString tags = query.value(15).toString();
    if (!tags.isEmpty()) {
        lead.tags = tags.split(TagSeparator);
        lead.tags.sort(Qt::CaseInsensitive);
    }
    return lead;
}

QString LeadRow::encodeCustomFields(const QMap<QString, QString> &fields)
{
    QJsonObject object;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it)
        object.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QMap<QString, QString> LeadRow::decodeCustomFields(const QString &json)
{
    QMap<QString, QString> fields;
    const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
    for (auto it = object.begin(); it != object.end(); ++it)
        fields.insert(it.key(), it.value().toString());
    return fields;
}

QVariant LeadRow::encodeTime(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
}

QDateTime LeadRow::decodeTime(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QStringList LeadRow::normalizedTags(const QStringList &tags)
{
    QStringList result;
    QSet<QString> seen;
    for (const QString &tag : tags) {
        const QString trimmed = tag.simplified();
        if (trimmed.isEmpty() || seen.contains(trimmed.toCaseFolded()))
            continue;
        seen.insert(trimmed.toCaseFolded());
        result.append(trimmed);
    }
    result.sort(Qt::CaseInsensitive);
    return result;
}

QStringList LeadRow::splitTags(const QString &text)
{
    static const QRegularExpression separators(u"[,;]"_s);
    return normalizedTags(text.split(separators));
}

QString LeadRow::joinTags(const QStringList &tags)
{
    return tags.join(u", "_s);
}

} // namespace leadtrail
