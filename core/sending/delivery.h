#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace leadtrail {

/**
 * queued → sending → sent | failed | unknown, and queued → cancelled; stored
 * as the lower-case word.
 */
enum class DeliveryState {
    Queued,
    Sending,
    Sent,
    Failed,
    Unknown,   ///< the server may or may not have accepted it; never resent automatically
    Cancelled, ///< still queued when the campaign was cancelled: never handed to the server, not a failure
};

/** One frozen (campaign, lead) pair and what happened to it. A plain value. */
struct Delivery
{
    qint64 rowId = 0;
    QString deliveryId; ///< 32 lower-case hex digits: the 128-bit id signed into its tokens
    qint64 campaignId = 0;
    qint64 leadId = 0;  ///< 0 when the lead was deleted after the freeze
    QString email;      ///< the address at freeze time
    DeliveryState state = DeliveryState::Queued;
    int attempts = 0;
    QDateTime nextAttemptAt;
    int replyCode = 0;  ///< the last SMTP reply code; 0 for none
    QString replyText;
    QString failureReason;
    QDateTime sentAt;
    QString messageId;

    static QString stateName(DeliveryState state);
    static std::optional<DeliveryState> stateFromName(const QString &name);
};

/** How many deliveries of a campaign are in each state. */
struct DeliveryCounts
{
    qint64 queued = 0;
    qint64 sending = 0;
    qint64 sent = 0;
    qint64 failed = 0;
    qint64 unknown = 0;
    qint64 cancelled = 0;

    qint64 total() const { return queued + sending + sent + failed + unknown + cancelled; }
    /** Still to do: queued, or in flight. */
    qint64 remaining() const { return queued + sending; }
};

} // namespace leadtrail
