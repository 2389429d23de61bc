#pragma once

#include "sending/campaign.h"
#include "sending/delivery.h"
#include "sending/finaldotjournal.h"

#include <QDateTime>
#include <QList>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <functional>
#include <map>
#include <optional>

namespace leadtrail {

class Workspace;

/**
 * Campaigns and their deliveries in the workspace database: compose, freeze
 * the audience, and the per-delivery bookkeeping the sender writes before and
 * after every SMTP transaction.
 *
 * Like LeadStore it holds no connection: every call uses the calling thread's
 * connection from the workspace, so a sender thread can have its own store
 * (the bookkeeping statements it prepares stay on that thread's connection).
 * Bookkeeping methods do not open transactions of their own; a caller may
 * wrap several in one (the sender does, to save commits).
 */
class CampaignStore final
{
public:
    explicit CampaignStore(const Workspace &workspace);

    /** Checks and saves a new draft; sets its id and creation time. */
    bool create(Campaign &campaign, QString *error);
    /** Checks and saves the changes to a draft (found by id); a campaign that is no longer a draft is refused. */
    bool update(Campaign &campaign, QString *error);
    std::optional<Campaign> find(qint64 id) const;
    /** Every campaign, newest first. */
    QList<Campaign> list() const;
    /** With @p onlyFrom, only while the campaign is in that state (false otherwise, with @p error saying so). */
    bool setState(qint64 id, CampaignState state, const QString &message, QString *error,
                  std::optional<CampaignState> onlyFrom = std::nullopt);

    /**
     * Freezes the audience of a draft into one queued delivery per lead, in
     * one transaction, and moves the campaign to `sending`. Leads that are
     * unsubscribed, bounced or have no usable address become failed
     * deliveries with that reason. Returns the campaign's total.
     */
    std::optional<qint64> freeze(qint64 id, QString *error);

    /**
     * Cancels the campaign: deliveries still `queued` (never handed to the
     * server, or waiting to retry after a 4xx) become `cancelled`, not
     * failed; sent, failed and unknown ones stay as they are.
     */
    bool cancel(qint64 id, QString *error);

    /**
     * The leads campaign @p campaignId never reached: their delivery is
     * `cancelled`, and no campaign of its family (it, the campaign it is a
     * "not reached" copy of, and every such copy, transitively) has sent,
     * is sending, or may have sent them the message. In delivery order.
     * What an `unreached=ID` audience freezes into, so nobody receives it twice.
     */
    QList<qint64> unreachedLeadIds(qint64 campaignId) const;
    /**
     * A new draft that copies cancelled campaign @p campaignId (sender,
     * subject, bodies, tracking options) under @p name, with the audience
     * `unreached=ID`. Refused when the campaign is not cancelled or has no
     * lead left to reach.
     */
    std::optional<Campaign> createUnreachedCopy(qint64 campaignId, const QString &name, QString *error);

    DeliveryCounts counts(qint64 campaignId) const;
    /** Deliveries of a campaign in id order, optionally only those in @p state; limit <= 0 for all. */
    QList<Delivery> deliveries(qint64 campaignId, std::optional<DeliveryState> state = std::nullopt,
                               int limit = 0) const;
    std::optional<Delivery> findDelivery(qint64 campaignId, const QString &email) const;

    /** What startup recovery did with deliveries a dead sender left in `sending`. */
    struct Recovery
    {
        int requeued = 0; ///< the final dot was never written: safe to send again
        int unknown = 0;  ///< the server may have accepted them: never resent automatically
    };
    /**
     * Settles what a sender that died (crash, kill -9, power cut) left
     * behind, in one transaction synced to disk. A delivery in @p journaled
     * (read from its final-dot journals) that is still `sending`, or
     * `queued` with fewer attempts than journaled (a power cut took back its
     * `sending` mark, not its journal record), may have been accepted: it
     * becomes `unknown`. Any other delivery still `sending` never had its
     * final dot written: it is queued again. Only call it while no other
     * sender works on the campaign (CampaignSender holds a lock file for
     * that); remove the journals only after it returned.
     */
    std::optional<Recovery> recoverInterrupted(qint64 campaignId, const FinalDotJournal::Attempts &journaled,
                                               QString *error);

    /**
     * Runs @p write (which commits) with synchronous = FULL: when it returns
     * true, its commit and every commit before it on the workspace database,
     * from any connection, are on disk. What the sender does before it
     * removes final-dot journals.
     */
    bool durably(const std::function<bool()> &write);

    /** The user's choice: put `unknown` deliveries back in the queue. Returns how many. */
    std::optional<int> requeueUnknown(qint64 campaignId, QString *error);

    /** Up to @p limit queued deliveries due at @p now, oldest first. */
    QList<Delivery> due(qint64 campaignId, const QDateTime &now, int limit) const;
    /** The earliest next attempt of a queued delivery, invalid when none is queued. */
    QDateTime nextDue(qint64 campaignId) const;

    // Bookkeeping of one SMTP transaction. Each returns false when the row was
    // not in the state the step expects (or on a database error).
    /** queued → sending (attempts + 1), before MAIL FROM. */
    bool markSending(qint64 rowId, const QString &messageId, QString *error);
    /**
     * The per-row final-dot mark (smtp_phase 1), synced to disk: from now on
     * a crash leaves the delivery unknown. CampaignSender journals the final
     * dot in a FinalDotJournal instead, which is far cheaper; the restart
     * rule honours both, so rows marked by an earlier version still settle.
     */
    bool markFinalDot(qint64 rowId, QString *error);
    bool markSent(qint64 rowId, int code, const QString &reply, const QDateTime &at, QString *error);
    /** Back to queued, to try again at @p nextAttempt (a 4xx or a connection failure). */
    bool markRetry(qint64 rowId, int code, const QString &reply, const QDateTime &nextAttempt, QString *error);
    bool markFailed(qint64 rowId, int code, const QString &reply, const QString &reason, QString *error);
    bool markUnknown(qint64 rowId, const QString &reason, QString *error);

    /** The names of every custom field any lead has, sorted: what merge fields can use besides the built-in ones. */
    QStringList customFieldNames() const;

    /** Send times (ms since the epoch) of every message sent since @p since, any campaign, oldest first. */
    QList<qint64> sentSince(const QDateTime &since) const;

private:
    /**
     * The bookkeeping statement for @p sql, prepared once per store: the
     * sender runs the same few updates for every delivery, and preparing
     * each anew was a tenth of its CPU. They live on the connection of the
     * thread that first used them, so a store that prepared any belongs to
     * that thread and must be gone before its connection is released.
     */
    QSqlQuery &prepared(const QString &sql) const;

    const Workspace &m_workspace;
    mutable std::map<QString, QSqlQuery> m_statements;
};

} // namespace leadtrail
