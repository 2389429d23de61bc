#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace leadtrail {

class Workspace;

/**
 * The stats panel of one campaign, computed by SQL over the deliveries and
 * the aggregates InsightEngine keeps (delivery_activity, campaign_links,
 * campaign_hourly), never by loading the events. Opened and clicked count
 * unique leads with a settled human open or click (a human click implies an
 * open); machine activity is counted beside them.
 */
struct CampaignStats
{
    struct Reason
    {
        QString reason;
        qint64 count = 0;
    };
    struct Revenue
    {
        QString currency;
        QString amount;        ///< exact decimal
        qint64 conversions = 0;
        QString perClick;      ///< amount / human clicks, 2 decimals; empty without clicks
    };
    struct Link
    {
        qint64 index = 0;
        QString url;
        qint64 clicks = 0;        ///< human
        qint64 uniqueClicks = 0;  ///< human, one per lead
        qint64 machineClicks = 0;
    };
    struct Hour
    {
        qint64 hour = 0; ///< hours since the campaign started sending
        qint64 opens = 0;
        qint64 clicks = 0;
        qint64 machineOpens = 0;
        qint64 machineClicks = 0;
    };

    qint64 campaignId = 0;
    QString name;
    QDateTime startedAt;
    qint64 total = 0;
    qint64 sent = 0;
    qint64 failed = 0;    ///< could not be sent (rejected, excluded at freeze): not the cancelled ones
    qint64 unknown = 0;
    qint64 cancelled = 0; ///< never attempted because the campaign was cancelled: not a failure
    qint64 queued = 0;
    QList<Reason> failureReasons;
    qint64 opened = 0;
    qint64 clicked = 0;
    qint64 humanOpens = 0;
    qint64 humanClicks = 0;
    qint64 machineOpens = 0;
    qint64 machineClicks = 0;
    qint64 unsubscribed = 0;
    qint64 conversions = 0;
    QList<Revenue> revenue;
    QList<Link> links;
    QList<Hour> hours;

    double openRate() const { return sent > 0 ? static_cast<double>(opened) / static_cast<double>(sent) : 0.0; }
    double clickRate() const { return sent > 0 ? static_cast<double>(clicked) / static_cast<double>(sent) : 0.0; }

    static std::optional<CampaignStats> compute(const Workspace &workspace, qint64 campaignId, QString *error);
    QJsonObject toJson() const;

    /**
     * Opens and clicks synced but not judged yet (person or machine): they
     * wait out the settle window so a scanner's burst is seen whole, and are
     * in none of the figures above until then. Shown as "being checked".
     */
    struct Pending
    {
        qint64 opens = 0;
        qint64 clicks = 0;
    };
    static std::optional<Pending> pending(const Workspace &workspace, qint64 campaignId, QString *error);
};

} // namespace leadtrail
