#include "insight/campaignstats.h"

#include "sending/campaignstore.h"
#include "store/workspace.h"

#include <QJsonArray>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {

constexpr qint64 hourMs = 3'600'000;
constexpr int decimals = 6;
constexpr qint64 unit = 1'000'000; // amounts are summed in millionths

QString formatAmount(qint64 micros, int places)
{
    QString fraction = QString::number(micros % unit).rightJustified(decimals, u'0');
    // Keep cents, drop the zeros after them.
    while (fraction.size() > places && fraction.endsWith(u'0'))
        fraction.chop(1);
    return u"%1.%2"_s.arg(micros / unit).arg(fraction);
}

bool fail(QSqlQuery &query, QString *error)
{
    *error = u"campaign stats: %1"_s.arg(query.lastError().text());
    return false;
}

} // namespace

std::optional<CampaignStats> CampaignStats::compute(const Workspace &workspace, qint64 campaignId, QString *error)
{
    CampaignStore campaigns(workspace);
    const std::optional<Campaign> campaign = campaigns.find(campaignId);
    if (!campaign) {
        *error = u"there is no campaign %1"_s.arg(campaignId);
        return std::nullopt;
    }
    CampaignStats s;
    s.campaignId = campaignId;
    s.name = campaign->name;
    s.startedAt = campaign->startedAt;
    const DeliveryCounts counts = campaigns.counts(campaignId);
    s.total = counts.total();
    s.sent = counts.sent;
    s.failed = counts.failed;
    s.unknown = counts.unknown;
    s.cancelled = counts.cancelled;
    s.queued = counts.queued + counts.sending;

    QSqlDatabase db = workspace.database();
    QSqlQuery q(db);
    q.prepare(u"SELECT failure_reason, count(*) FROM deliveries WHERE campaign_id = ? AND state = 'failed'"
              " GROUP BY failure_reason ORDER BY count(*) DESC, failure_reason"_s);
    q.addBindValue(campaignId);
    if (!q.exec() && !fail(q, error))
        return std::nullopt;
    while (q.next())
        s.failureReasons.append({q.value(0).toString(), q.value(1).toLongLong()});

    q.prepare(u"SELECT count(*) FILTER (WHERE human_opens > 0 OR human_clicks > 0),"
              " count(*) FILTER (WHERE human_clicks > 0), total(human_opens), total(human_clicks),"
              " total(machine_opens), total(machine_clicks) FROM delivery_activity WHERE campaign_id = ?"_s);
    q.addBindValue(campaignId);
    if (!q.exec() && !fail(q, error))
        return std::nullopt;
    if (q.next()) {
        s.opened = q.value(0).toLongLong();
        s.clicked = q.value(1).toLongLong();
        s.humanOpens = static_cast<qint64>(q.value(2).toDouble());
        s.humanClicks = static_cast<qint64>(q.value(3).toDouble());
        s.machineOpens = static_cast<qint64>(q.value(4).toDouble());
        s.machineClicks = static_cast<qint64>(q.value(5).toDouble());
    }

    q.prepare(u"SELECT count(DISTINCT delivery_row) FROM events WHERE campaign_id = ? AND type = 3"_s);
    q.addBindValue(campaignId);
    if (!q.exec() && !fail(q, error))
        return std::nullopt;
    if (q.next())
        s.unsubscribed = q.value(0).toLongLong();

    // Summed by SQLite in millionths: exact for any amount a conversion carries, and
    // one row per currency instead of one per conversion.
    q.prepare(u"SELECT upper(currency), count(*), sum(CAST(round(CAST(value AS REAL) * 1000000) AS INTEGER))"
              " FROM events WHERE campaign_id = ? AND type = 5 GROUP BY upper(currency)"_s);
    q.addBindValue(campaignId);
    if (!q.exec() && !fail(q, error))
        return std::nullopt;
    QMap<QString, std::pair<qint64, qint64>> money; // currency → (millionths, conversions)
    while (q.next()) {
        s.conversions += q.value(1).toLongLong();
        money.insert(q.value(0).toString(), {q.value(2).toLongLong(), q.value(1).toLongLong()});
    }
    for (auto it = money.cbegin(); it != money.cend(); ++it) {
        Revenue r;
        r.currency = it.key();
        r.amount = formatAmount(it.value().first, 2);
        r.conversions = it.value().second;
        if (s.humanClicks > 0)
            r.perClick = formatAmount((it.value().first / s.humanClicks + 5'000) / 10'000 * 10'000, 2);
        s.revenue.append(r);
    }

    q.prepare(u"SELECT link, url, human_clicks, unique_human, machine_clicks FROM campaign_links"
              " WHERE campaign_id = ? AND (human_clicks > 0 OR machine_clicks > 0) ORDER BY link"_s);
    q.addBindValue(campaignId);
    if (!q.exec() && !fail(q, error))
        return std::nullopt;
    while (q.next())
        s.links.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(),
                        q.value(3).toLongLong(), q.value(4).toLongLong()});

    q.prepare(u"SELECT hour, type, verdict, n FROM campaign_hourly WHERE campaign_id = ? AND n <> 0 ORDER BY hour"_s);
    q.addBindValue(campaignId);
    if (!q.exec() && !fail(q, error))
        return std::nullopt;
    const qint64 startHour = s.startedAt.isValid() ? s.startedAt.toMSecsSinceEpoch() / hourMs : 0;
    QMap<qint64, Hour> hours;
    while (q.next()) {
        const qint64 h = q.value(0).toLongLong() - startHour;
        Hour &hour = hours[h];
        hour.hour = h;
        const bool click = q.value(1).toInt() == 2;
        const bool human = q.value(2).toInt() == 1;
        (click ? (human ? hour.clicks : hour.machineClicks) : (human ? hour.opens : hour.machineOpens)) +=
            q.value(3).toLongLong();
    }
    s.hours = hours.values();
    return s;
}

QJsonObject CampaignStats::toJson() const
{
    QJsonArray reasons;
    for (const Reason &r : failureReasons)
        reasons.append(QJsonObject{{u"reason"_s, r.reason}, {u"count"_s, r.count}});
    QJsonObject revenueObject, perClick, conversionsBy;
    for (const Revenue &r : revenue) {
        revenueObject.insert(r.currency, r.amount);
        conversionsBy.insert(r.currency, r.conversions);
        if (!r.perClick.isEmpty())
            perClick.insert(r.currency, r.perClick);
    }
    QJsonArray linkArray;
    for (const Link &l : links)
        linkArray.append(QJsonObject{{u"index"_s, l.index}, {u"url"_s, l.url}, {u"clicks"_s, l.clicks},
                                     {u"unique_clicks"_s, l.uniqueClicks}, {u"machine_clicks"_s, l.machineClicks}});
    QJsonArray hourArray;
    for (const Hour &h : hours)
        hourArray.append(QJsonObject{{u"hour"_s, h.hour}, {u"opens"_s, h.opens}, {u"clicks"_s, h.clicks},
                                     {u"machine_opens"_s, h.machineOpens}, {u"machine_clicks"_s, h.machineClicks}});
    return QJsonObject{
        {u"campaign"_s, campaignId},
        {u"name"_s, name},
        {u"total"_s, total},
        {u"sent"_s, sent},
        {u"failed"_s, failed},
        {u"unknown"_s, unknown},
        {u"cancelled"_s, cancelled},
        {u"queued"_s, queued},
        {u"failure_reasons"_s, reasons},
        {u"opened"_s, opened},
        {u"clicked"_s, clicked},
        {u"open_rate"_s, openRate()},
        {u"click_rate"_s, clickRate()},
        {u"human_opens"_s, humanOpens},
        {u"human_clicks"_s, humanClicks},
        {u"machine_opens"_s, machineOpens},
        {u"machine_clicks"_s, machineClicks},
        {u"unsubscribed"_s, unsubscribed},
        {u"conversions"_s, conversions},
        {u"conversions_by_currency"_s, conversionsBy},
        {u"revenue"_s, revenueObject},
        {u"earnings_per_click"_s, perClick},
        {u"links"_s, linkArray},
        {u"hours"_s, hourArray},
    };
}

std::optional<CampaignStats::Pending> CampaignStats::pending(const Workspace &workspace, qint64 campaignId,
                                                            QString *error)
{
    // verdict 0: not settled yet; type 1 open, 2 click (insightschema.cpp).
    QSqlQuery query(workspace.database());
    query.prepare(u"SELECT type, count(*) FROM events WHERE campaign_id = ? AND type IN (1, 2) AND verdict = 0"
                  " GROUP BY type"_s);
    query.addBindValue(campaignId);
    if (!query.exec()) {
        fail(query, error);
        return std::nullopt;
    }
    Pending pending;
    while (query.next())
        (query.value(0).toInt() == 1 ? pending.opens : pending.clicks) = query.value(1).toLongLong();
    return pending;
}

} // namespace leadtrail
