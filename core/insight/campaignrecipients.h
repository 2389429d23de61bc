#pragma once

#include "sending/delivery.h"

#include <QList>
#include <QString>

#include <optional>

namespace leadtrail {

class Workspace;

/**
 * The recipients of one campaign with what each did, for the stats panel's
 * recipient list, and why machine events were set apart. Read by SQL over
 * the deliveries and the per-delivery aggregates InsightEngine keeps, page
 * by page, so a campaign of 100,000 recipients is never loaded whole.
 */
class CampaignRecipients final
{
public:
    enum class Filter { All, Opened, Clicked, Failed, MachineOnly, Unsubscribed, Cancelled };

    struct Recipient
    {
        qint64 deliveryRow = 0;
        qint64 leadId = 0; ///< 0 when the lead was deleted since
        QString email;
        QString name;
        DeliveryState state = DeliveryState::Queued;
        QString failureReason;
        qint64 humanOpens = 0;
        qint64 humanClicks = 0;
        qint64 machineOpens = 0;
        qint64 machineClicks = 0;
        bool unsubscribed = false;
    };

    /** How often each reason set machine opens and clicks apart. */
    struct MachineReason
    {
        QString reason;
        qint64 opens = 0;
        qint64 clicks = 0;
    };

    /** Up to @p limit recipients matching @p filter after row @p afterRow, in delivery order. */
    static std::optional<QList<Recipient>> list(const Workspace &workspace, qint64 campaignId, Filter filter,
                                                qint64 afterRow, int limit, QString *error);
    static std::optional<qint64> count(const Workspace &workspace, qint64 campaignId, Filter filter, QString *error);
    /** Reasons of the campaign's settled machine opens and clicks, most frequent first. */
    static std::optional<QList<MachineReason>> machineReasons(const Workspace &workspace, qint64 campaignId,
                                                              QString *error);
};

} // namespace leadtrail
