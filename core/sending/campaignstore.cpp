#include "sending/campaignstore.h"

#include "campaign/mergefields.h"
#include "campaign/mimebuilder.h"
#include "protocol/token.h"
#include "sending/audience.h"
#include "store/emailaddress.h"
#include "store/leadrow.h"
#include "store/leadstore.h"
#include "store/storesupport.h"
#include "store/workspace.h"

#include <QSqlError>
#include <QSet>
#include <QSqlQuery>
#include <QVariantList>

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {

const QString campaignColumns = u"id, name, from_name, from_email, reply_to, subject, html, text, audience,"
                                " track_opens, track_clicks, decoy_link, utm, utm_category, sequence_position,"
                                " click_ids, state, state_message, created_at, started_at, finished_at"_s;

/**
 * What the author edits in a draft, in the column order name, from_name,
 * from_email, reply_to, subject, html, text, audience, track_opens,
 * track_clicks, decoy_link, utm, utm_category, sequence_position, click_ids:
 * create() and update() bind the same list.
 */
QVariantList draftValues(const Campaign &campaign)
{
    return {campaign.name.trimmed(), campaign.fromName, campaign.fromEmail, campaign.replyTo, campaign.subject,
            campaign.html, campaign.text ? QVariant(*campaign.text) : QVariant(QMetaType::fromType<QString>()),
            campaign.audience, campaign.trackOpens, campaign.trackClicks, campaign.decoyLink, campaign.utm,
            campaign.utmCategory, campaign.sequencePosition, campaign.clickIds};
}

Campaign campaignFromQuery(const QSqlQuery &q)
{
    Campaign c;
    c.id = q.value(0).toLongLong();
    c.name = q.value(1).toString();
    c.fromName = q.value(2).toString();
    c.fromEmail = q.value(3).toString();
    c.replyTo = q.value(4).toString();
    c.subject = q.value(5).toString();
    c.html = q.value(6).toString();
    if (!q.value(7).isNull())
        c.text = q.value(7).toString();
    c.audience = q.value(8).toString();
    c.trackOpens = q.value(9).toBool();
    c.trackClicks = q.value(10).toBool();
    c.decoyLink = q.value(11).toBool();
    c.utm = q.value(12).toBool();
    c.utmCategory = q.value(13).toBool();
    c.sequencePosition = q.value(14).toInt();
    c.clickIds = q.value(15).toBool();
    c.state = Campaign::stateFromName(q.value(16).toString()).value_or(CampaignState::Draft);
    c.stateMessage = q.value(17).toString();
    c.createdAt = LeadRow::decodeTime(q.value(18));
    c.startedAt = LeadRow::decodeTime(q.value(19));
    c.finishedAt = LeadRow::decodeTime(q.value(20));
    return c;
}

const QString deliveryColumns = u"id, delivery_id, campaign_id, lead_id, email, state, attempts, next_attempt_at,"
                                " reply_code, reply_text, failure_reason, sent_at, message_id"_s;

Delivery deliveryFromQuery(const QSqlQuery &q)
{
    Delivery d;
    d.rowId = q.value(0).toLongLong();
    d.deliveryId = q.value(1).toString();
    d.campaignId = q.value(2).toLongLong();
    d.leadId = q.value(3).toLongLong();
    d.email = q.value(4).toString();
    d.state = Delivery::stateFromName(q.value(5).toString()).value_or(DeliveryState::Queued);
    d.attempts = q.value(6).toInt();
    d.nextAttemptAt = LeadRow::decodeTime(q.value(7));
    d.replyCode = q.value(8).toInt();
    d.replyText = q.value(9).toString();
    d.failureReason = q.value(10).toString();
    d.sentAt = LeadRow::decodeTime(q.value(11));
    d.messageId = q.value(12).toString();
    return d;
}

/** Why a lead cannot receive a campaign, or empty when it can. */
QString exclusionReason(const Lead &lead)
{
    if (lead.unsubscribedAt.isValid())
        return u"unsubscribed"_s;
    if (lead.bounced)
        return u"bounced"_s;
    if (!EmailAddress::isValid(lead.email) || MimeBuilder::wireAddress(lead.email).isEmpty())
        return u"invalid address"_s;
    return {};
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

/** What create() and update() refuse: a draft that could not be sent as written. */
bool checkDraft(Campaign &campaign, const QStringList &customFields, QString *error)
{
    if (campaign.name.trimmed().isEmpty()) {
        setError(error, u"a campaign needs a name"_s);
        return false;
    }
    if (campaign.subject.trimmed().isEmpty()) {
        setError(error, u"a campaign needs a subject"_s);
        return false;
    }
    if (campaign.html.trimmed().isEmpty()) {
        setError(error, u"a campaign needs an HTML body"_s);
        return false;
    }
    if (!campaign.fromEmail.isEmpty() && !EmailAddress::isValid(campaign.fromEmail)) {
        setError(error, u"the sender address \"%1\" is not valid"_s.arg(campaign.fromEmail));
        return false;
    }
    if (!campaign.replyTo.isEmpty() && !EmailAddress::isValid(campaign.replyTo)) {
        setError(error, u"the reply-to address \"%1\" is not valid"_s.arg(campaign.replyTo));
        return false;
    }
    const std::optional<Audience> audience = Audience::parse(campaign.audience, error);
    if (!audience)
        return false;
    campaign.audience = audience->toString();
    const QStringList unknown = MergeFields::unknownFields(
        campaign.subject + u'\n' + campaign.html + u'\n' + campaign.text.value_or(QString()), customFields);
    if (!unknown.isEmpty()) {
        setError(error, u"unknown merge fields: {{%1}} (known: %2 and the leads' custom fields)"_s.arg(
                            unknown.join(u"}}, {{"_s), MergeFields::builtInFields().join(u", "_s)));
        return false;
    }
    return true;
}

} // namespace

CampaignStore::CampaignStore(const Workspace &workspace)
    : m_workspace(workspace)
{
}

bool CampaignStore::create(Campaign &campaign, QString *error)
{
    if (!checkDraft(campaign, customFieldNames(), error))
        return false;
    campaign.state = CampaignState::Draft;
    campaign.createdAt = QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC);

    QSqlQuery query(m_workspace.database());
    const bool ok = execPrepared(query,
        u"INSERT INTO campaigns (name, from_name, from_email, reply_to, subject, html, text, audience,"
        " track_opens, track_clicks, decoy_link, utm, utm_category, sequence_position, click_ids, state,"
        " created_at) VALUES (?, coalesce(?, ''), coalesce(?, ''), coalesce(?, ''), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        " 'draft', ?)"_s,
        draftValues(campaign) << LeadRow::encodeTime(campaign.createdAt));
    if (!ok) {
        setError(error, u"cannot save the campaign: %1"_s.arg(query.lastError().text()));
        return false;
    }
    campaign.id = query.lastInsertId().toLongLong();
    return true;
}

bool CampaignStore::update(Campaign &campaign, QString *error)
{
    if (!checkDraft(campaign, customFieldNames(), error))
        return false;
    QSqlQuery query(m_workspace.database());
    // Only a draft: once frozen, what was sent must stay what the stats describe.
    const bool ok = execPrepared(query,
        u"UPDATE campaigns SET name = ?, from_name = coalesce(?, ''), from_email = coalesce(?, ''),"
        " reply_to = coalesce(?, ''), subject = ?, html = ?, text = ?, audience = ?, track_opens = ?,"
        " track_clicks = ?, decoy_link = ?, utm = ?, utm_category = ?, sequence_position = ?, click_ids = ?"
        " WHERE id = ? AND state = 'draft'"_s,
        draftValues(campaign) << campaign.id);
    if (!ok) {
        setError(error, u"cannot save the campaign: %1"_s.arg(query.lastError().text()));
        return false;
    }
    if (query.numRowsAffected() != 1) {
        setError(error, u"campaign %1 is not a draft any more: it can no longer be changed"_s.arg(campaign.id));
        return false;
    }
    return true;
}

std::optional<Campaign> CampaignStore::find(qint64 id) const
{
    QSqlQuery query(m_workspace.database());
    if (!execPrepared(query, u"SELECT %1 FROM campaigns WHERE id = ?"_s.arg(campaignColumns), {id}) || !query.next())
        return std::nullopt;
    return campaignFromQuery(query);
}

QList<Campaign> CampaignStore::list() const
{
    QList<Campaign> campaigns;
    QSqlQuery query(m_workspace.database());
    query.setForwardOnly(true);
    if (!execPrepared(query, u"SELECT %1 FROM campaigns ORDER BY id DESC"_s.arg(campaignColumns), {}))
        return campaigns;
    while (query.next())
        campaigns.append(campaignFromQuery(query));
    return campaigns;
}

bool CampaignStore::setState(qint64 id, CampaignState state, const QString &message, QString *error,
                             std::optional<CampaignState> onlyFrom)
{
    QString sql = u"UPDATE campaigns SET state = ?, state_message = coalesce(?, '')"_s;
    QVariantList values = {Campaign::stateName(state), message};
    if (state == CampaignState::Sent || state == CampaignState::Cancelled) {
        sql += u", finished_at = ?"_s;
        values << nowMs();
    }
    sql += u" WHERE id = ?"_s;
    values << id;
    if (onlyFrom) {
        sql += u" AND state = ?"_s;
        values << Campaign::stateName(*onlyFrom);
    }
    QSqlQuery query(m_workspace.database());
    if (!execPrepared(query, sql, values)) {
        setError(error, query.lastError().text());
        return false;
    }
    if (query.numRowsAffected() != 1) {
        setError(error, onlyFrom ? u"campaign %1 is no longer %2"_s.arg(id).arg(Campaign::stateName(*onlyFrom))
                                 : u"no campaign with id %1"_s.arg(id));
        return false;
    }
    return true;
}

std::optional<qint64> CampaignStore::freeze(qint64 id, QString *error)
{
    QSqlDatabase db = m_workspace.database();
    if (!db.transaction()) {
        setError(error, db.lastError().text());
        return std::nullopt;
    }
    const auto fail = [&](const QString &message) -> std::optional<qint64> {
        db.rollback();
        setError(error, message);
        return std::nullopt;
    };
    // Read inside the transaction, so the audience is what it is at this instant.
    const std::optional<Campaign> campaign = find(id);
    if (!campaign)
        return fail(u"no campaign with id %1"_s.arg(id));
    if (campaign->state != CampaignState::Draft)
        return fail(u"campaign %1 is %2, not a draft: its audience is already frozen"_s.arg(id).arg(
            Campaign::stateName(campaign->state)));
    const std::optional<Audience> audience = Audience::parse(campaign->audience, error);
    if (!audience) {
        db.rollback();
        return std::nullopt;
    }

    LeadQuery leadQuery;
    leadQuery.filter = audience->leadFilter();
    leadQuery.limit = 0;
    const LeadPage leads = LeadStore(m_workspace).page(leadQuery);
    std::optional<QSet<qint64>> unreached;
    if (audience->unreachedBy()) {
        const QList<qint64> ids = unreachedLeadIds(*audience->unreachedBy());
        unreached = QSet<qint64>(ids.cbegin(), ids.cend());
    }

    QSqlQuery insert(db);
    if (!insert.prepare(u"INSERT INTO deliveries (delivery_id, campaign_id, lead_id, email, state, failure_reason)"
                        " VALUES (?, ?, ?, ?, ?, coalesce(?, ''))"_s))
        return fail(insert.lastError().text());
    qint64 total = 0;
    for (const Lead &lead : leads.leads) {
        if (!audience->contains(lead) || (unreached && !unreached->contains(lead.id)))
            continue;
        const QString reason = exclusionReason(lead);
        insert.addBindValue(QString::fromStdString(protocol::DeliveryId::random().toHex()));
        insert.addBindValue(id);
        insert.addBindValue(lead.id);
        insert.addBindValue(lead.email);
        insert.addBindValue(reason.isEmpty() ? u"queued"_s : u"failed"_s);
        insert.addBindValue(reason);
        if (!insert.exec())
            return fail(u"cannot freeze the audience: %1"_s.arg(insert.lastError().text()));
        ++total;
    }
    QSqlQuery update(db);
    if (!execPrepared(update, u"UPDATE campaigns SET state = 'sending', state_message = '', started_at = ? WHERE id = ?"_s,
                  {nowMs(), id}))
        return fail(update.lastError().text());
    if (!db.commit())
        return fail(db.lastError().text());
    return total;
}

bool CampaignStore::cancel(qint64 id, QString *error)
{
    QSqlDatabase db = m_workspace.database();
    db.transaction();
    QSqlQuery query(db);
    if (!execPrepared(query, u"UPDATE deliveries SET state = 'cancelled', failure_reason = 'campaign cancelled'"
                         " WHERE campaign_id = ? AND state = 'queued'"_s, {id})) {
        setError(error, query.lastError().text());
        db.rollback();
        return false;
    }
    if (!setState(id, CampaignState::Cancelled, u"cancelled by the user"_s, error)) {
        db.rollback();
        return false;
    }
    return db.commit();
}

QList<qint64> CampaignStore::unreachedLeadIds(qint64 campaignId) const
{
    // The family's first campaign: follow unreached=ID up (a draft could name itself; stop at a loop).
    qint64 root = campaignId;
    QSet<qint64> seen{root};
    while (const std::optional<Campaign> campaign = find(root)) {
        const std::optional<Audience> audience = Audience::parse(campaign->audience, nullptr);
        if (!audience || !audience->unreachedBy() || seen.contains(*audience->unreachedBy()))
            break;
        root = *audience->unreachedBy();
        seen.insert(root);
    }
    QList<qint64> ids;
    QSqlQuery query(m_workspace.database());
    query.setForwardOnly(true);
    // Audiences are stored in canonical form (checkDraft), so 'unreached=' || id finds every copy.
    if (!execPrepared(query,
                      u"WITH RECURSIVE family(id) AS (SELECT ? UNION"
                      " SELECT c.id FROM campaigns c JOIN family f ON c.audience = 'unreached=' || f.id)"
                      " SELECT d.lead_id FROM deliveries d WHERE d.campaign_id = ? AND d.state = 'cancelled'"
                      " AND d.lead_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM deliveries o"
                      "  WHERE o.lead_id = d.lead_id AND o.campaign_id IN (SELECT id FROM family)"
                      "  AND o.state IN ('queued', 'sending', 'sent', 'unknown'))"
                      " ORDER BY d.id"_s,
                      {root, campaignId})) {
        qWarning("CampaignStore::unreachedLeadIds: %s", qPrintable(query.lastError().text()));
        return ids;
    }
    while (query.next())
        ids.append(query.value(0).toLongLong());
    return ids;
}

std::optional<Campaign> CampaignStore::createUnreachedCopy(qint64 campaignId, const QString &name, QString *error)
{
    const std::optional<Campaign> original = find(campaignId);
    if (!original) {
        setError(error, u"no campaign with id %1"_s.arg(campaignId));
        return std::nullopt;
    }
    if (original->state != CampaignState::Cancelled) {
        setError(error, u"campaign %1 is %2: only a cancelled campaign has leads it never reached"_s.arg(campaignId).arg(
                            Campaign::stateName(original->state)));
        return std::nullopt;
    }
    if (unreachedLeadIds(campaignId).isEmpty()) {
        setError(error, u"campaign %1 has no lead left that it did not reach"_s.arg(campaignId));
        return std::nullopt;
    }
    Campaign copy = *original;
    copy.id = 0;
    copy.name = name;
    copy.audience = Audience::unreachedExpression(campaignId);
    copy.stateMessage.clear();
    copy.startedAt = {};
    copy.finishedAt = {};
    if (!create(copy, error))
        return std::nullopt;
    return copy;
}

DeliveryCounts CampaignStore::counts(qint64 campaignId) const
{
    DeliveryCounts counts;
    QSqlQuery query(m_workspace.database());
    if (!execPrepared(query, u"SELECT state, count(*) FROM deliveries WHERE campaign_id = ? GROUP BY state"_s, {campaignId}))
        return counts;
    while (query.next()) {
        const qint64 n = query.value(1).toLongLong();
        switch (Delivery::stateFromName(query.value(0).toString()).value_or(DeliveryState::Queued)) {
        case DeliveryState::Queued:
            counts.queued += n;
            break;
        case DeliveryState::Sending:
            counts.sending += n;
            break;
        case DeliveryState::Sent:
            counts.sent += n;
            break;
        case DeliveryState::Failed:
            counts.failed += n;
            break;
        case DeliveryState::Unknown:
            counts.unknown += n;
            break;
        case DeliveryState::Cancelled:
            counts.cancelled += n;
            break;
        }
    }
    return counts;
}

QList<Delivery> CampaignStore::deliveries(qint64 campaignId, std::optional<DeliveryState> state, int limit) const
{
    QString sql = u"SELECT %1 FROM deliveries WHERE campaign_id = ?"_s.arg(deliveryColumns);
    QVariantList values = {campaignId};
    if (state) {
        sql += u" AND state = ?"_s;
        values << Delivery::stateName(*state);
    }
    sql += u" ORDER BY id"_s;
    if (limit > 0) {
        sql += u" LIMIT ?"_s;
        values << limit;
    }
    QList<Delivery> result;
    QSqlQuery query(m_workspace.database());
    query.setForwardOnly(true);
    if (!execPrepared(query, sql, values))
        return result;
    while (query.next())
        result.append(deliveryFromQuery(query));
    return result;
}

std::optional<Delivery> CampaignStore::findDelivery(qint64 campaignId, const QString &email) const
{
    QSqlQuery query(m_workspace.database());
    if (!execPrepared(query, u"SELECT %1 FROM deliveries WHERE campaign_id = ? AND lower(email) = lower(?)"_s.arg(
                             deliveryColumns), {campaignId, EmailAddress::normalized(email)})
        || !query.next())
        return std::nullopt;
    return deliveryFromQuery(query);
}

std::optional<CampaignStore::Recovery> CampaignStore::recoverInterrupted(qint64 campaignId,
                                                                        const FinalDotJournal::Attempts &journaled,
                                                                        QString *error)
{
    Recovery recovery;
    const QString maybeDelivered = u"the sender stopped after handing the message to the server and before its "
                                   "reply; it may have been delivered"_s;
    const auto settle = [&] {
        QSqlDatabase db = m_workspace.database();
        db.transaction();
        const auto fail = [&](const QSqlQuery &query) {
            setError(error, query.lastError().text());
            db.rollback();
            return false;
        };
        QSqlQuery query(db);
        // Journaled: the final dot of that attempt may have reached the server,
        // which may have accepted the message; sending it again could deliver
        // it twice. `queued` with fewer attempts than journaled is the same
        // case after a power cut took back the `sending` mark (committed with
        // synchronous = NORMAL) but not the journal record (synced). `queued`
        // with as many attempts is a recorded answer (a 4xx): nothing to do.
        if (!query.prepare(u"UPDATE deliveries SET state = 'unknown', failure_reason = ? WHERE id = ?"
                           " AND campaign_id = ? AND (state = 'sending' OR (state = 'queued' AND attempts < ?))"_s))
            return fail(query);
        for (const auto &[rowId, attempt] : journaled) {
            query.addBindValue(maybeDelivered);
            query.addBindValue(rowId);
            query.addBindValue(campaignId);
            query.addBindValue(attempt);
            if (!query.exec())
                return fail(query);
            recovery.unknown += query.numRowsAffected();
        }
        // smtp_phase 1: the per-row final-dot mark (markFinalDot), same meaning.
        if (!execPrepared(query, u"UPDATE deliveries SET state = 'unknown', failure_reason = ?"
                             " WHERE campaign_id = ? AND state = 'sending' AND smtp_phase = 1"_s,
                      {maybeDelivered, campaignId}))
            return fail(query);
        recovery.unknown += query.numRowsAffected();
        // Neither journaled nor marked: the dead sender never wrote the final
        // dot, so the server discarded the transaction when the connection
        // dropped. Resending is safe, and the attempt it used is not held
        // against the delivery.
        if (!execPrepared(query, u"UPDATE deliveries SET state = 'queued', attempts = max(attempts - 1, 0)"
                             " WHERE campaign_id = ? AND state = 'sending'"_s, {campaignId}))
            return fail(query);
        recovery.requeued = query.numRowsAffected();
        if (!db.commit()) {
            setError(error, db.lastError().text());
            db.rollback();
            return false;
        }
        return true;
    };
    // Synced to disk: the caller removes the journals next, and a power cut
    // that took this commit back with them gone would requeue those rows.
    if (!durably(settle))
        return std::nullopt;
    return recovery;
}

bool CampaignStore::durably(const std::function<bool()> &write)
{
    // Set outside any transaction (SQLite refuses it inside one). In WAL mode
    // a FULL commit syncs the WAL file, and with it the earlier commits of
    // every connection, which precede it there.
    QSqlQuery pragma(m_workspace.database());
    pragma.exec(u"PRAGMA synchronous = FULL"_s);
    const bool ok = write();
    pragma.exec(u"PRAGMA synchronous = NORMAL"_s);
    return ok;
}

std::optional<int> CampaignStore::requeueUnknown(qint64 campaignId, QString *error)
{
    QSqlQuery query(m_workspace.database());
    if (!execPrepared(query, u"UPDATE deliveries SET state = 'queued', smtp_phase = 0, next_attempt_at = 0,"
                         " failure_reason = '' WHERE campaign_id = ? AND state = 'unknown'"_s, {campaignId})) {
        setError(error, query.lastError().text());
        return std::nullopt;
    }
    return query.numRowsAffected();
}

QList<Delivery> CampaignStore::due(qint64 campaignId, const QDateTime &now, int limit) const
{
    QList<Delivery> result;
    QSqlQuery query(m_workspace.database());
    query.setForwardOnly(true);
    if (!execPrepared(query, u"SELECT %1 FROM deliveries WHERE campaign_id = ? AND state = 'queued'"
                         " AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?"_s.arg(deliveryColumns),
                  {campaignId, now.toMSecsSinceEpoch(), limit}))
        return result;
    while (query.next())
        result.append(deliveryFromQuery(query));
    return result;
}

QDateTime CampaignStore::nextDue(qint64 campaignId) const
{
    QSqlQuery query(m_workspace.database());
    if (!execPrepared(query, u"SELECT min(next_attempt_at) FROM deliveries WHERE campaign_id = ? AND state = 'queued'"_s,
                  {campaignId})
        || !query.next())
        return {};
    return LeadRow::decodeTime(query.value(0));
}

namespace {

bool updateOne(QSqlQuery &query, const QVariantList &values, QString *error)
{
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        setError(error, query.lastError().text());
        return false;
    }
    if (query.numRowsAffected() != 1) {
        setError(error, u"the delivery is not in the state this step expects"_s);
        return false;
    }
    return true;
}

} // namespace

QSqlQuery &CampaignStore::prepared(const QString &sql) const
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery query(m_workspace.database());
        query.prepare(sql); // when this fails, every exec() fails and says why
        it = m_statements.emplace(sql, std::move(query)).first;
    }
    return it->second;
}

bool CampaignStore::markSending(qint64 rowId, const QString &messageId, QString *error)
{
    return updateOne(prepared(u"UPDATE deliveries SET state = 'sending', smtp_phase = 0, attempts = attempts + 1,"
                              " message_id = coalesce(?, '') WHERE id = ? AND state = 'queued'"_s),
                     {messageId, rowId}, error);
}

bool CampaignStore::markFinalDot(qint64 rowId, QString *error)
{
    // If a power cut took this commit back, the restart rule would see
    // smtp_phase 0 and send again a message the server may have accepted.
    return durably([&] {
        return updateOne(prepared(u"UPDATE deliveries SET smtp_phase = 1 WHERE id = ? AND state = 'sending'"_s),
                         {rowId}, error);
    });
}

bool CampaignStore::markSent(qint64 rowId, int code, const QString &reply, const QDateTime &at, QString *error)
{
    return updateOne(prepared(u"UPDATE deliveries SET state = 'sent', reply_code = ?, reply_text = coalesce(?, ''),"
                              " sent_at = ?, failure_reason = '' WHERE id = ? AND state = 'sending'"_s),
                     {code, reply, at.toMSecsSinceEpoch(), rowId}, error);
}

bool CampaignStore::markRetry(qint64 rowId, int code, const QString &reply, const QDateTime &nextAttempt,
                              QString *error)
{
    return updateOne(prepared(u"UPDATE deliveries SET state = 'queued', smtp_phase = 0, reply_code = ?,"
                              " reply_text = coalesce(?, ''), next_attempt_at = ? WHERE id = ? AND state = 'sending'"_s),
                     {code ? QVariant(code) : QVariant(QMetaType::fromType<int>()), reply,
                      nextAttempt.toMSecsSinceEpoch(), rowId}, error);
}

bool CampaignStore::markFailed(qint64 rowId, int code, const QString &reply, const QString &reason, QString *error)
{
    return updateOne(prepared(u"UPDATE deliveries SET state = 'failed', reply_code = ?, reply_text = coalesce(?, ''),"
                              " failure_reason = coalesce(?, '') WHERE id = ? AND state = 'sending'"_s),
                     {code ? QVariant(code) : QVariant(QMetaType::fromType<int>()), reply, reason, rowId}, error);
}

bool CampaignStore::markUnknown(qint64 rowId, const QString &reason, QString *error)
{
    return updateOne(prepared(u"UPDATE deliveries SET state = 'unknown', failure_reason = coalesce(?, '')"
                              " WHERE id = ? AND state = 'sending'"_s),
                     {reason, rowId}, error);
}

QStringList CampaignStore::customFieldNames() const
{
    QStringList names;
    QSqlQuery query(m_workspace.database());
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT DISTINCT key FROM leads, json_each(leads.custom_fields) ORDER BY key"_s)) {
        qWarning("CampaignStore::customFieldNames: %s", qPrintable(query.lastError().text()));
        return names;
    }
    while (query.next())
        names.append(query.value(0).toString());
    return names;
}

QList<qint64> CampaignStore::sentSince(const QDateTime &since) const
{
    QList<qint64> times;
    QSqlQuery query(m_workspace.database());
    query.setForwardOnly(true);
    if (!execPrepared(query, u"SELECT sent_at FROM deliveries WHERE state = 'sent' AND sent_at >= ? ORDER BY sent_at"_s,
                  {since.toMSecsSinceEpoch()}))
        return times;
    while (query.next())
        times.append(query.value(0).toLongLong());
    return times;
}

} // namespace leadtrail
