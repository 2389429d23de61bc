#include "insight/campaignrecipients.h"

#include "insight/relayevent.h"
#include "store/storesupport.h"
#include "store/workspace.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {

const QString unsubscribedSql = u"EXISTS (SELECT 1 FROM events e WHERE e.delivery_row = d.id AND e.type = %1)"_s.arg(
    int(EventType::Unsubscribe));

QString filterSql(CampaignRecipients::Filter filter)
{
    switch (filter) {
    case CampaignRecipients::Filter::All:
        return {};
    case CampaignRecipients::Filter::Opened:
        return u" AND (a.human_opens > 0 OR a.human_clicks > 0)"_s;
    case CampaignRecipients::Filter::Clicked:
        return u" AND a.human_clicks > 0"_s;
    case CampaignRecipients::Filter::Failed:
        return u" AND d.state = 'failed'"_s;
    case CampaignRecipients::Filter::MachineOnly:
        return u" AND a.human_opens = 0 AND a.human_clicks = 0 AND (a.machine_opens > 0 OR a.machine_clicks > 0)"_s;
    case CampaignRecipients::Filter::Unsubscribed:
        return u" AND "_s + unsubscribedSql;
    case CampaignRecipients::Filter::Cancelled:
        return u" AND d.state = 'cancelled'"_s;
    }
    return {};
}

} // namespace

std::optional<QList<CampaignRecipients::Recipient>> CampaignRecipients::list(const Workspace &workspace,
                                                                            qint64 campaignId, Filter filter,
                                                                            qint64 afterRow, int limit,
                                                                            QString *error)
{
    QSqlQuery query(workspace.database());
    if (!execPrepared(query,
                      u"SELECT d.id, d.lead_id, d.email, coalesce(l.first_name, ''), coalesce(l.last_name, ''),"
                      " d.state, d.failure_reason, coalesce(a.human_opens, 0), coalesce(a.human_clicks, 0),"
                      " coalesce(a.machine_opens, 0), coalesce(a.machine_clicks, 0), "_s
                          + unsubscribedSql
                          + u" FROM deliveries d LEFT JOIN leads l ON l.id = d.lead_id"
                            " LEFT JOIN delivery_activity a ON a.delivery_row = d.id"
                            " WHERE d.campaign_id = ? AND d.id > ?"_s
                          + filterSql(filter) + u" ORDER BY d.id LIMIT ?"_s,
                      {campaignId, afterRow, limit > 0 ? limit : -1})) {
        setError(error, u"cannot read the recipients: %1"_s.arg(query.lastError().text()));
        return std::nullopt;
    }
    QList<Recipient> recipients;
    while (query.next()) {
        Recipient r;
        r.deliveryRow = query.value(0).toLongLong();
        r.leadId = query.value(1).toLongLong();
        r.email = query.value(2).toString();
        r.name = (query.value(3).toString() + u' ' + query.value(4).toString()).trimmed();
        r.state = Delivery::stateFromName(query.value(5).toString()).value_or(DeliveryState::Queued);
        r.failureReason = query.value(6).toString();
        r.humanOpens = query.value(7).toLongLong();
        r.humanClicks = query.value(8).toLongLong();
        r.machineOpens = query.value(9).toLongLong();
        r.machineClicks = query.value(10).toLongLong();
        r.unsubscribed = query.value(11).toBool();
        recipients.append(r);
    }
    return recipients;
}

std::optional<qint64> CampaignRecipients::count(const Workspace &workspace, qint64 campaignId, Filter filter,
                                                QString *error)
{
    QSqlQuery query(workspace.database());
    if (!execPrepared(query,
                      u"SELECT count(*) FROM deliveries d LEFT JOIN delivery_activity a ON a.delivery_row = d.id"
                      " WHERE d.campaign_id = ?"_s + filterSql(filter),
                      {campaignId})
        || !query.next()) {
        setError(error, u"cannot count the recipients: %1"_s.arg(query.lastError().text()));
        return std::nullopt;
    }
    return query.value(0).toLongLong();
}

std::optional<QList<CampaignRecipients::MachineReason>> CampaignRecipients::machineReasons(const Workspace &workspace,
                                                                                          qint64 campaignId,
                                                                                          QString *error)
{
    QSqlQuery query(workspace.database());
    if (!execPrepared(query,
                      u"SELECT reason, sum(type = ?), sum(type = ?) FROM events"
                      " WHERE campaign_id = ? AND verdict = 2 AND type IN (?, ?)"
                      " GROUP BY reason ORDER BY count(*) DESC, reason"_s,
                      {int(EventType::Open), int(EventType::Click), campaignId, int(EventType::Open),
                       int(EventType::Click)})) {
        setError(error, u"cannot read the machine reasons: %1"_s.arg(query.lastError().text()));
        return std::nullopt;
    }
    QList<MachineReason> reasons;
    while (query.next())
        reasons.append({query.value(0).toString(), query.value(1).toLongLong(), query.value(2).toLongLong()});
    return reasons;
}

} // namespace leadtrail
