#include "insight/leadtimeline.h"

#include "campaign/mergefields.h"
#include "insight/relayevent.h"
#include "store/leadstore.h"
#include "store/workspace.h"

#include <QHash>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {

QDateTime fromMs(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QString iso(const QDateTime &t)
{
    return t.isValid() ? t.toString(Qt::ISODateWithMs) : QString();
}

} // namespace

QString TimelineItem::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Delivered: return u"delivered"_s;
    case Kind::Failed: return u"failed"_s;
    case Kind::Unsubscribed: return u"unsubscribed"_s;
    case Kind::Converted: return u"converted"_s;
    case Kind::StageChanged: return u"stage_changed"_s;
    case Kind::Note: return u"note"_s;
    case Kind::HotLead: return u"hot_lead"_s;
    case Kind::RuleApplied: return u"rule_applied"_s;
    }
    return {};
}

std::optional<QList<TimelineItem>> LeadTimeline::build(const Workspace &workspace, qint64 leadId, QString *error)
{
    QSqlDatabase db = workspace.database();
    QList<TimelineItem> items;
    QSqlQuery q(db);
    const auto run = [&](const QString &sql) {
        q.prepare(sql);
        q.addBindValue(leadId);
        if (q.exec())
            return true;
        *error = u"timeline: %1"_s.arg(q.lastError().text());
        return false;
    };

    // The subject as the lead saw it: merged with the lead's fields as they are now.
    MergeFields fields;
    if (const std::optional<Lead> lead = LeadStore(workspace).find(leadId)) {
        fields.setFirstName(lead->firstName);
        fields.setLastName(lead->lastName);
        fields.setCompany(lead->company);
        fields.setEmail(lead->email);
        for (auto it = lead->customFields.cbegin(); it != lead->customFields.cend(); ++it)
            fields.setCustomField(it.key(), it.value());
    }
    QHash<qint64, qsizetype> byDelivery;
    if (!run(u"SELECT d.id, d.campaign_id, c.subject, d.state, d.sent_at, d.failure_reason,"
             " coalesce(d.sent_at, c.started_at, c.created_at) FROM deliveries d JOIN campaigns c ON c.id = d.campaign_id"
             " WHERE d.lead_id = ?"_s))
        return std::nullopt;
    while (q.next()) {
        TimelineItem item;
        const QString state = q.value(3).toString();
        if (state == u"queued"_s || state == u"sending"_s)
            continue;
        item.kind = state == u"failed"_s ? TimelineItem::Kind::Failed : TimelineItem::Kind::Delivered;
        item.campaignId = q.value(1).toLongLong();
        item.title = fields.render(q.value(2).toString(), MergeFields::Context::Header);
        item.at = fromMs(q.value(6));
        item.detail = state == u"failed"_s  ? q.value(5).toString()
                    : state == u"unknown"_s ? u"may not have been delivered: %1"_s.arg(q.value(5).toString())
                                            : QString();
        byDelivery.insert(q.value(0).toLongLong(), items.size());
        items.append(item);
    }

    if (!run(u"SELECT delivery_row, type, time, url, verdict, reason, value, currency, conversion"
             " FROM events WHERE delivery_row IN (SELECT id FROM deliveries WHERE lead_id = ?)"
             " ORDER BY time, id"_s))
        return std::nullopt;
    while (q.next()) {
        const auto type = static_cast<EventType>(q.value(1).toInt());
        const QDateTime at = fromMs(q.value(2));
        const int verdict = q.value(4).toInt();
        const auto found = byDelivery.constFind(q.value(0).toLongLong());
        TimelineItem *delivered = found == byDelivery.cend() ? nullptr : &items[*found];
        if (type == EventType::Unsubscribe || type == EventType::Conversion) {
            TimelineItem item;
            item.kind = type == EventType::Unsubscribe ? TimelineItem::Kind::Unsubscribed : TimelineItem::Kind::Converted;
            item.at = at;
            item.campaignId = delivered ? delivered->campaignId : 0;
            item.title = delivered ? delivered->title : QString();
            if (type == EventType::Conversion) {
                item.detail = u"%1 %2"_s.arg(q.value(6).toString(), q.value(7).toString()).trimmed();
                if (!q.value(8).toString().isEmpty())
                    item.detail += u" (%1)"_s.arg(q.value(8).toString());
            }
            items.append(item);
            continue;
        }
        if (!delivered || (type != EventType::Open && type != EventType::Click && type != EventType::Decoy))
            continue;
        if (verdict == 0) {
            ++delivered->pendingEvents;
        } else if (verdict == 2) {
            ++delivered->machineEvents;
            const QString reason = q.value(5).toString();
            if (!delivered->machineReasons.contains(reason))
                delivered->machineReasons.append(reason);
        } else if (type == EventType::Open) {
            if (delivered->opens++ == 0 || at < delivered->firstOpen)
                delivered->firstOpen = at;
        } else if (type == EventType::Click) {
            delivered->clicks.append({q.value(3).toString(), at});
        }
    }
    // A human click implies the message was opened, images blocked or not.
    for (TimelineItem &item : items) {
        if (item.kind == TimelineItem::Kind::Delivered && item.opens == 0 && !item.clicks.isEmpty()) {
            item.opens = 1;
            item.firstOpen = item.clicks.constFirst().at;
        }
    }

    if (!run(u"SELECT from_stage, to_stage, at, rule_name FROM stage_changes WHERE lead_id = ?"_s))
        return std::nullopt;
    while (q.next()) {
        TimelineItem item;
        item.kind = TimelineItem::Kind::StageChanged;
        item.at = fromMs(q.value(2));
        item.title = u"%1 → %2"_s.arg(q.value(0).toString(), q.value(1).toString());
        item.detail = q.value(3).toString().isEmpty() ? u"by hand"_s : u"by rule \"%1\""_s.arg(q.value(3).toString());
        items.append(item);
    }
    if (!run(u"SELECT reason, score, created_at FROM hot_alerts WHERE lead_id = ?"_s))
        return std::nullopt;
    while (q.next()) {
        TimelineItem item;
        item.kind = TimelineItem::Kind::HotLead;
        item.at = fromMs(q.value(2));
        item.title = u"Hot lead"_s;
        item.detail = q.value(0).toString();
        items.append(item);
    }
    if (!run(u"SELECT rule_name, outcome, applied_at FROM rule_applications WHERE lead_id = ?"_s))
        return std::nullopt;
    while (q.next()) {
        TimelineItem item;
        item.kind = TimelineItem::Kind::RuleApplied;
        item.at = fromMs(q.value(2));
        item.title = q.value(0).toString();
        item.detail = q.value(1).toString();
        items.append(item);
    }
    for (const Note &note : LeadStore(workspace).notes(leadId)) {
        TimelineItem item;
        item.kind = TimelineItem::Kind::Note;
        item.at = note.createdAt;
        item.title = note.text;
        items.append(item);
    }
    std::stable_sort(items.begin(), items.end(), [](const TimelineItem &a, const TimelineItem &b) { return a.at < b.at; });
    return items;
}

QJsonArray LeadTimeline::toJson(const QList<TimelineItem> &items)
{
    QJsonArray array;
    for (const TimelineItem &item : items) {
        QJsonObject o{{u"kind"_s, TimelineItem::kindName(item.kind)}, {u"at"_s, iso(item.at)},
                      {u"title"_s, item.title}, {u"detail"_s, item.detail}};
        if (item.campaignId > 0)
            o.insert(u"campaign"_s, item.campaignId);
        if (item.kind == TimelineItem::Kind::Delivered) {
            QJsonObject badges;
            if (item.opens > 0)
                badges.insert(u"opened"_s, QJsonObject{{u"first"_s, iso(item.firstOpen)}, {u"count"_s, item.opens}});
            if (!item.clicks.isEmpty()) {
                QJsonArray clicks;
                for (const TimelineItem::Click &c : item.clicks)
                    clicks.append(QJsonObject{{u"url"_s, c.url}, {u"at"_s, iso(c.at)}});
                badges.insert(u"clicked"_s, clicks);
            }
            if (item.machineEvents > 0)
                badges.insert(u"machine"_s, QJsonObject{{u"count"_s, item.machineEvents},
                                                        {u"reasons"_s, QJsonArray::fromStringList(item.machineReasons)}});
            if (item.pendingEvents > 0)
                badges.insert(u"pending"_s, item.pendingEvents);
            o.insert(u"badges"_s, badges);
        }
        array.append(o);
    }
    return array;
}

} // namespace leadtrail
