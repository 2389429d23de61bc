#include "insight/insightengine.h"

#include "insight/rulestore.h"
#include "store/workspace.h"

#include <QHash>
#include <QMap>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <cmath>
#include <tuple>

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {

constexpr qint64 hourMs = 3'600'000;

bool exec(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    *error = u"insight: %1"_s.arg(query.lastError().text());
    return false;
}

bool exec(QSqlQuery &query, const QVariantList &values, QString *error)
{
    for (const QVariant &v : values)
        query.addBindValue(v);
    return exec(query, error);
}

QVariant nullable(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

/** What one delivery's settled events add to the campaign aggregates. */
struct Contribution
{
    QMap<std::tuple<qint64, int, int>, qint64> hourly; ///< (hour, type, verdict) → events
    struct Link
    {
        QString url;
        qint64 human = 0;
        qint64 machine = 0;
    };
    QMap<qint64, Link> links;
    qint64 humanOpens = 0, humanClicks = 0, machineOpens = 0, machineClicks = 0;

    void add(const EventClassifier::Item &item, Verdict verdict, const QString &url)
    {
        if (verdict == Verdict::Unsettled || (item.type != EventType::Open && item.type != EventType::Click))
            return;
        const bool human = verdict == Verdict::Human;
        hourly[{item.timeMs / hourMs, static_cast<int>(item.type), static_cast<int>(verdict)}] += 1;
        if (item.type == EventType::Open) {
            (human ? humanOpens : machineOpens) += 1;
            return;
        }
        (human ? humanClicks : machineClicks) += 1;
        Link &link = links[item.link];
        link.url = url;
        (human ? link.human : link.machine) += 1;
    }
};

} // namespace

/** Per-transaction state: what to announce after the commit. */
struct InsightEngine::Batch
{
    QList<HotLeadAlert> alerts;
    QSet<qint64> leadsToRescore;
    QHash<qint64, qint64> rescoreCause; ///< lead → the event that made it rescore
    int events = 0;
    int rulesApplied = 0;
    QHash<QString, QSqlQuery> statements; ///< prepared once per batch, by SQL text

    QSqlQuery &prepared(QSqlDatabase &db, const QString &sql)
    {
        auto it = statements.find(sql);
        if (it == statements.end()) {
            it = statements.insert(sql, QSqlQuery(db));
            it->prepare(sql);
        }
        it->finish();
        return *it;
    }
};

InsightEngine::InsightEngine(const Workspace &workspace, InsightConfig config, QObject *parent)
    : QObject(parent), m_workspace(workspace), m_config(config), m_classifier(config)
{
    qRegisterMetaType<leadtrail::HotLeadAlert>();
}

InsightEngine::~InsightEngine() = default;

void InsightEngine::setConfig(InsightConfig config)
{
    m_config = config;
    m_classifier = EventClassifier(std::move(config));
}

void InsightEngine::loadRules()
{
    m_rules.clear();
    for (const Rule &rule : RuleStore(m_workspace).list()) {
        if (rule.enabled)
            m_rules.append(rule);
    }
    m_stagePositions.clear();
    QSqlQuery stages(m_workspace.database());
    if (stages.exec(u"SELECT name, position FROM stages"_s)) {
        while (stages.next())
            m_stagePositions.insert(stages.value(0).toString().toLower(), stages.value(1).toInt());
    }
}

std::optional<InsightEngine::Result> InsightEngine::settle(qint64 nowMs, QString *error)
{
    loadRules();
    Result result;
    QSqlQuery pending(m_workspace.database());
    // Named, because the planner would rather walk events_delivery for the
    // DISTINCT, which reads every event once per batch of deliveries.
    pending.prepare(u"SELECT DISTINCT delivery_row FROM events INDEXED BY events_unsettled_by_id"
                    " WHERE verdict = 0 AND time <= ? LIMIT 500"_s);
    for (;;) {
        if (!exec(pending, {nowMs - m_config.settleMs}, error))
            return std::nullopt;
        QList<qint64> rows;
        while (pending.next())
            rows.append(pending.value(0).toLongLong());
        pending.finish();
        if (rows.isEmpty())
            return result;
        if (!processDeliveries(rows, nowMs, result, error))
            return std::nullopt;
    }
}

std::optional<InsightEngine::Result> InsightEngine::reclassifyCampaign(qint64 campaignId, qint64 nowMs, QString *error)
{
    loadRules();
    QSqlQuery query(m_workspace.database());
    query.prepare(u"SELECT id FROM deliveries WHERE campaign_id = ? ORDER BY id"_s);
    if (!exec(query, {campaignId}, error))
        return std::nullopt;
    QList<qint64> all;
    while (query.next())
        all.append(query.value(0).toLongLong());
    if (all.isEmpty()) {
        QSqlQuery campaign(m_workspace.database());
        campaign.prepare(u"SELECT 1 FROM campaigns WHERE id = ?"_s);
        if (exec(campaign, {campaignId}, error) && !campaign.next())
            *error = u"there is no campaign %1"_s.arg(campaignId);
        if (!error->isEmpty())
            return std::nullopt;
    }
    Result result;
    for (qsizetype i = 0; i < all.size(); i += 500) {
        if (!processDeliveries(all.mid(i, 500), nowMs, result, error))
            return std::nullopt;
    }
    return result;
}

bool InsightEngine::processDeliveries(const QList<qint64> &rows, qint64 nowMs, Result &result, QString *error)
{
    QSqlDatabase db = m_workspace.database();
    if (!db.transaction()) {
        *error = u"insight: cannot start a transaction: %1"_s.arg(db.lastError().text());
        return false;
    }
    Batch batch;
    bool ok = true;
    for (const qint64 row : rows) {
        if (!(ok = processDelivery(db, row, nowMs, batch, error)))
            break;
    }
    for (auto it = batch.leadsToRescore.cbegin(); ok && it != batch.leadsToRescore.cend(); ++it)
        ok = rescore(db, *it, nowMs, batch.rescoreCause.value(*it), batch, error);
    if (!finishBatch(db, ok, batch, result, error))
        return false;
    result.deliveries += static_cast<int>(rows.size());
    return true;
}

bool InsightEngine::finishBatch(QSqlDatabase &db, bool ok, Batch &batch, Result &result, QString *error)
{
    if (!ok) {
        db.rollback();
        return false;
    }
    // A statement left mid-result keeps a read snapshot open past the commit, and
    // then SQLite cannot restart its WAL: it would grow by every batch.
    for (QSqlQuery &statement : batch.statements)
        statement.finish();
    if (!db.commit()) {
        *error = u"insight: %1"_s.arg(db.lastError().text());
        db.rollback();
        return false;
    }
    result.events += batch.events;
    result.rulesApplied += batch.rulesApplied;
    result.alerts += static_cast<int>(batch.alerts.size());
    for (const HotLeadAlert &alert : std::as_const(batch.alerts))
        emit hotLeadAlert(alert);
    return true;
}

std::optional<InsightEngine::Result> InsightEngine::rescoreAll(qint64 nowMs, QString *error)
{
    // Every lead that has a score, or evidence that gives it one.
    QSqlQuery query(m_workspace.database());
    if (!query.exec(u"SELECT lead_id FROM lead_scores"
                     " UNION SELECT d.lead_id FROM deliveries d WHERE d.lead_id IS NOT NULL AND EXISTS"
                     " (SELECT 1 FROM events e WHERE e.delivery_row = d.id AND e.verdict = 1 AND e.type IN (1, 2, 5))"
                     " UNION SELECT lead_id FROM rule_applications WHERE lead_id IS NOT NULL AND score_delta <> 0"_s)) {
        *error = u"insight: %1"_s.arg(query.lastError().text());
        return std::nullopt;
    }
    QList<qint64> leads;
    while (query.next())
        leads.append(query.value(0).toLongLong());
    query.finish();
    Result result;
    QSqlDatabase db = m_workspace.database();
    for (qsizetype i = 0; i < leads.size(); i += 500) {
        if (!db.transaction()) {
            *error = u"insight: cannot start a transaction: %1"_s.arg(db.lastError().text());
            return std::nullopt;
        }
        Batch batch;
        bool ok = true;
        for (const qint64 lead : leads.mid(i, 500)) {
            if (!(ok = rescore(db, lead, nowMs, 0, batch, error)))
                break;
        }
        if (!finishBatch(db, ok, batch, result, error))
            return std::nullopt;
    }
    result.leads = static_cast<int>(leads.size());
    return result;
}

bool InsightEngine::processDelivery(QSqlDatabase &db, qint64 row, qint64 nowMs, Batch &batch, QString *error)
{
    QSqlQuery &delivery = batch.prepared(db, u"SELECT campaign_id, lead_id, sent_at FROM deliveries WHERE id = ?"_s);
    if (!exec(delivery, {row}, error))
        return false;
    if (!delivery.next())
        return true;
    const qint64 campaignId = delivery.value(0).toLongLong();
    const qint64 leadId = delivery.value(1).toLongLong();
    const qint64 sentAt = delivery.value(2).toLongLong();

    QSqlQuery &load = batch.prepared(db, u"SELECT id, type, time, age, link, url, scanner, head, apple_mpp, verdict, reason"
                 " FROM events WHERE delivery_row = ?"_s);
    if (!exec(load, {row}, error))
        return false;
    QVector<EventClassifier::Item> items;
    QHash<qint64, std::pair<Verdict, QString>> stored;
    QHash<qint64, QString> urls;
    while (load.next()) {
        EventClassifier::Item item;
        item.id = load.value(0).toLongLong();
        item.type = static_cast<EventType>(load.value(1).toInt());
        item.timeMs = load.value(2).toLongLong();
        item.ageSeconds = load.value(3).toLongLong();
        item.link = load.value(4).toLongLong();
        urls.insert(item.id, load.value(5).toString());
        item.scanner = load.value(6).toString();
        item.head = load.value(7).toBool();
        item.appleMpp = load.value(8).toBool();
        stored.insert(item.id, {static_cast<Verdict>(load.value(9).toInt()), load.value(10).toString()});
        items.append(item);
    }
    load.finish();
    m_classifier.classify(items, sentAt);

    const qint64 cutoff = nowMs - m_config.settleMs;
    Contribution before, after;
    QSqlQuery &update = batch.prepared(db, u"UPDATE events SET verdict = ?, reason = ? WHERE id = ?"_s);
    bool changed = false;
    for (const EventClassifier::Item &item : std::as_const(items)) {
        const auto &[oldVerdict, oldReason] = stored.value(item.id);
        const QString &url = urls[item.id];
        before.add(item, oldVerdict, url);
        // Not settled yet: its evidence counts for the others, its own verdict waits.
        const bool settles = oldVerdict != Verdict::Unsettled || item.timeMs <= cutoff;
        const Verdict verdict = settles ? item.verdict : Verdict::Unsettled;
        after.add(item, verdict, url);
        if (verdict == oldVerdict && (verdict == Verdict::Unsettled || item.reason == oldReason))
            continue;
        // Bound as '' rather than NULL: a human verdict has no machine reason.
        const QString reason = verdict == Verdict::Unsettled || item.reason.isNull() ? u""_s : item.reason;
        if (!exec(update, {static_cast<int>(verdict), reason, item.id}, error))
            return false;
        changed = true;
        ++batch.events;
        if (verdict == Verdict::Human && oldVerdict != Verdict::Human && leadId > 0) {
            batch.leadsToRescore.insert(leadId);
            batch.rescoreCause[leadId] = item.id;
            if (!applyRules(db, item.id, item.type, url, campaignId, leadId, nowMs, batch, error))
                return false;
        } else if (leadId > 0 && oldVerdict == Verdict::Human) {
            batch.leadsToRescore.insert(leadId);
        }
    }
    if (!changed)
        return true;

    QSqlQuery &hourly = batch.prepared(db, u"INSERT INTO campaign_hourly (campaign_id, hour, type, verdict, n) VALUES (?, ?, ?, ?, ?)"
                   " ON CONFLICT (campaign_id, hour, type, verdict) DO UPDATE SET n = n + excluded.n"_s);
    QMap<std::tuple<qint64, int, int>, qint64> delta = after.hourly;
    for (auto it = before.hourly.cbegin(); it != before.hourly.cend(); ++it)
        delta[it.key()] -= it.value();
    for (auto it = delta.cbegin(); it != delta.cend(); ++it) {
        if (it.value() == 0)
            continue;
        const auto &[hour, type, verdict] = it.key();
        if (!exec(hourly, {campaignId, hour, type, verdict, it.value()}, error))
            return false;
    }
    QSqlQuery &links = batch.prepared(db, u"INSERT INTO campaign_links (campaign_id, link, url, human_clicks, unique_human, machine_clicks)"
                  " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (campaign_id, link) DO UPDATE SET"
                  " human_clicks = human_clicks + excluded.human_clicks,"
                  " unique_human = unique_human + excluded.unique_human,"
                  " machine_clicks = machine_clicks + excluded.machine_clicks"_s);
    QSet<qint64> linkKeys;
    for (auto it = before.links.cbegin(); it != before.links.cend(); ++it)
        linkKeys.insert(it.key());
    for (auto it = after.links.cbegin(); it != after.links.cend(); ++it)
        linkKeys.insert(it.key());
    for (const qint64 link : std::as_const(linkKeys)) {
        const Contribution::Link b = before.links.value(link);
        const Contribution::Link a = after.links.value(link);
        const qint64 unique = (a.human > 0 ? 1 : 0) - (b.human > 0 ? 1 : 0);
        if (a.human == b.human && a.machine == b.machine)
            continue;
        if (!exec(links, {campaignId, link, a.url.isEmpty() ? b.url : a.url, a.human - b.human, unique,
                          a.machine - b.machine}, error))
            return false;
    }
    QSqlQuery &activity = batch.prepared(db, u"INSERT OR REPLACE INTO delivery_activity (delivery_row, campaign_id, human_opens,"
                     " human_clicks, machine_opens, machine_clicks) VALUES (?, ?, ?, ?, ?, ?)"_s);
    return exec(activity, {row, campaignId, after.humanOpens, after.humanClicks, after.machineOpens, after.machineClicks},
                error);
}

bool InsightEngine::applyRules(QSqlDatabase &db, qint64 eventId, EventType type, const QString &url,
                               qint64 campaignId, qint64 leadId, qint64 nowMs, Batch &batch, QString *error)
{
    std::optional<QString> stage; // the lead's stage, read once it matters
    for (const Rule &rule : std::as_const(m_rules)) {
        if (rule.campaignId > 0 && rule.campaignId != campaignId)
            continue;
        if (!rule.onlyInStages.isEmpty() || rule.action == Rule::Action::MoveToStage) {
            if (!stage) {
                QSqlQuery &current = batch.prepared(db, u"SELECT stage FROM leads WHERE id = ?"_s);
                if (!exec(current, {leadId}, error))
                    return false;
                stage = current.next() ? current.value(0).toString() : QString();
            }
            if (!rule.onlyInStages.isEmpty() && !rule.onlyInStages.contains(*stage, Qt::CaseInsensitive))
                continue;
            // A rule that would move the lead back (Customer → Hot) does nothing and
            // records nothing, unless its author allowed it. A lead in no known stage
            // is before all of them.
            if (rule.action == Rule::Action::MoveToStage && !rule.allowBackward
                && m_stagePositions.value(rule.argument.toLower(), -1) < m_stagePositions.value(stage->toLower(), -1))
                continue;
        }
        bool matches = false;
        switch (rule.trigger) {
        case Rule::Trigger::Open: matches = type == EventType::Open; break;
        case Rule::Trigger::Click: matches = type == EventType::Click; break;
        case Rule::Trigger::ClickMatch:
            matches = type == EventType::Click && url.contains(rule.pattern, Qt::CaseInsensitive);
            break;
        case Rule::Trigger::Convert: matches = type == EventType::Conversion; break;
        case Rule::Trigger::Unsubscribe: matches = type == EventType::Unsubscribe; break;
        }
        if (!matches)
            continue;
        const double scoreDelta = rule.action == Rule::Action::AddScore ? rule.argument.toDouble() : 0.0;
        // The UNIQUE (rule_id, event_id) key is the gate: a second try inserts nothing and does nothing.
        QSqlQuery &claim = batch.prepared(db, u"INSERT OR IGNORE INTO rule_applications (rule_id, rule_name, event_id, lead_id, outcome,"
                      " score_delta, applied_at) VALUES (?, ?, ?, ?, '', ?, ?)"_s);
        if (!exec(claim, {rule.id, rule.name, eventId, leadId, scoreDelta, nowMs}, error))
            return false;
        if (claim.numRowsAffected() == 0)
            continue;
        const qint64 applicationId = claim.lastInsertId().toLongLong();
        ++batch.rulesApplied;
        QString outcome;
        switch (rule.action) {
        case Rule::Action::MoveToStage: {
            const QString from = *stage;
            if (from.compare(rule.argument, Qt::CaseInsensitive) == 0) {
                outcome = u"already in stage %1"_s.arg(rule.argument);
                break;
            }
            // Not LeadStore::setStage: that opens its own transaction, and this must be part of ours.
            QSqlQuery &move = batch.prepared(db, u"UPDATE leads SET stage = ?, updated_at = ? WHERE id = ?"_s);
            if (!exec(move, {rule.argument, nowMs, leadId}, error))
                return false;
            QSqlQuery &cause = batch.prepared(db, u"UPDATE stage_changes SET rule_name = ? WHERE id ="
                          " (SELECT max(id) FROM stage_changes WHERE lead_id = ?)"_s);
            if (!exec(cause, {rule.name, leadId}, error))
                return false;
            outcome = u"moved from %1 to %2"_s.arg(from.isEmpty() ? u"(none)"_s : from, rule.argument);
            stage = rule.argument;
            break;
        }
        case Rule::Action::AddTag: {
            QSqlQuery &tag = batch.prepared(db, u"INSERT OR IGNORE INTO lead_tags (lead_id, tag) VALUES (?, ?)"_s);
            if (!exec(tag, {leadId, rule.argument}, error))
                return false;
            outcome = tag.numRowsAffected() > 0 ? u"tagged %1"_s.arg(rule.argument)
                                                : u"already tagged %1"_s.arg(rule.argument);
            break;
        }
        case Rule::Action::AddScore:
            outcome = u"added %1 to the score"_s.arg(rule.argument);
            break;
        case Rule::Action::RaiseAlert:
            if (!recordAlert(db, leadId, score(leadId, nowMs, batch), m_config.hotThreshold,
                             u"rule \"%1\""_s.arg(rule.name), eventId, rule.id, nowMs, batch, error))
                return false;
            outcome = u"raised a hot-lead alert"_s;
            break;
        }
        QSqlQuery &done = batch.prepared(db, u"UPDATE rule_applications SET outcome = ? WHERE id = ?"_s);
        if (!exec(done, {outcome, applicationId}, error))
            return false;
    }
    return true;
}

double InsightEngine::score(qint64 leadId, qint64 nowMs) const
{
    Batch batch;
    return score(leadId, nowMs, batch);
}

double InsightEngine::score(qint64 leadId, qint64 nowMs, Batch &batch) const
{
    const double halfLifeMs = m_config.halfLifeDays * 86'400'000.0;
    const auto decay = [&](qint64 t) { return std::pow(0.5, static_cast<double>(std::max<qint64>(0, nowMs - t)) / halfLifeMs); };
    double value = 0;
    QSqlDatabase db = m_workspace.database();
    QSqlQuery &events = batch.prepared(db, u"SELECT type, time, url FROM events WHERE delivery_row IN"
                                           " (SELECT id FROM deliveries WHERE lead_id = ?) AND verdict = 1 AND type IN (1, 2, 5)"_s);
    events.addBindValue(leadId);
    if (events.exec()) {
        while (events.next()) {
            const auto type = static_cast<EventType>(events.value(0).toInt());
            const double weight = type == EventType::Open    ? m_config.openWeight
                                : type == EventType::Click ? m_config.clickWeightFor(events.value(2).toString())
                                                           : m_config.conversionWeight;
            value += weight * decay(events.value(1).toLongLong());
        }
    }
    QSqlQuery &bonuses = batch.prepared(db, u"SELECT score_delta, applied_at FROM rule_applications WHERE lead_id = ? AND score_delta <> 0"_s);
    bonuses.addBindValue(leadId);
    if (bonuses.exec()) {
        while (bonuses.next())
            value += bonuses.value(0).toDouble() * decay(bonuses.value(1).toLongLong());
    }
    return value;
}

bool InsightEngine::rescore(QSqlDatabase &db, qint64 leadId, qint64 nowMs, qint64 causeEvent, Batch &batch,
                            QString *error)
{
    QSqlQuery &lead = batch.prepared(db, u"SELECT l.category, s.hot FROM leads l LEFT JOIN lead_scores s ON s.lead_id = l.id WHERE l.id = ?"_s);
    if (!exec(lead, {leadId}, error))
        return false;
    if (!lead.next())
        return true;
    const double threshold = m_config.thresholdFor(lead.value(0).toString());
    bool hot = lead.value(1).toBool();
    const double value = score(leadId, nowMs, batch);
    if (value >= threshold && !hot) {
        hot = true;
        if (!recordAlert(db, leadId, value, threshold,
                         u"score %1 crossed the hot-lead threshold %2"_s.arg(value, 0, 'f', 1).arg(threshold),
                         causeEvent, 0, nowMs, batch, error))
            return false;
    } else if (value < threshold && hot) {
        hot = false; // cooled down: the next crossing alerts again
    }
    QSqlQuery &store = batch.prepared(db, u"INSERT OR REPLACE INTO lead_scores (lead_id, value, as_of, hot) VALUES (?, ?, ?, ?)"_s);
    if (!exec(store, {leadId, value, nowMs, hot ? 1 : 0}, error))
        return false;
    QSqlQuery &mirror = batch.prepared(db, u"UPDATE leads SET score = ? WHERE id = ?"_s);
    return exec(mirror, {static_cast<int>(std::lround(value)), leadId}, error);
}

bool InsightEngine::recordAlert(QSqlDatabase &db, qint64 leadId, double score, double threshold,
                                const QString &reason, qint64 eventId, qint64 ruleId, qint64 nowMs, Batch &batch,
                                QString *error)
{
    QSqlQuery &insert = batch.prepared(db, u"INSERT INTO hot_alerts (lead_id, score, threshold, reason, event_id, rule_id, created_at)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    if (!exec(insert, {leadId, score, threshold, reason, nullable(eventId), nullable(ruleId), nowMs}, error))
        return false;
    HotLeadAlert alert;
    alert.id = insert.lastInsertId().toLongLong();
    alert.leadId = leadId;
    alert.score = score;
    alert.threshold = threshold;
    alert.reason = reason;
    alert.at = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
    QSqlQuery &lead = batch.prepared(db, u"SELECT email, trim(first_name || ' ' || last_name) FROM leads WHERE id = ?"_s);
    if (!exec(lead, {leadId}, error))
        return false;
    if (lead.next()) {
        alert.email = lead.value(0).toString();
        alert.name = lead.value(1).toString();
    }
    batch.alerts.append(alert);
    return true;
}

} // namespace leadtrail
