#pragma once

#include "insight/eventclassifier.h"
#include "insight/hotleadalert.h"
#include "insight/insightconfig.h"
#include "insight/rule.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace leadtrail {

class Workspace;

/**
 * Turns ingested events into what a salesperson acts on. settle() takes each
 * delivery whose events are older than the settle window, classifies all its
 * events together (EventClassifier), keeps the stats aggregates in step,
 * applies rules to newly settled human events (once per event: the
 * rule_applications UNIQUE key), recomputes the lead's decaying intent score
 * and raises a hot-lead alert when it crosses its threshold upward.
 * reclassifyCampaign() runs the same on every delivery of a campaign after
 * the rules of classification changed.
 *
 * Lives in the thread that calls it (GUI or CLI); alerts come as signals
 * after the transaction that recorded them has committed.
 */
class InsightEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InsightEngine)

public:
    struct Result
    {
        int deliveries = 0;   ///< deliveries (re)classified
        int events = 0;       ///< events whose verdict was set or changed
        int rulesApplied = 0;
        int alerts = 0;
        int leads = 0;        ///< leads rescored by rescoreAll()
    };

    InsightEngine(const Workspace &workspace, InsightConfig config, QObject *parent = nullptr);
    ~InsightEngine() override;

    const InsightConfig &config() const { return m_config; }
    void setConfig(InsightConfig config);

    /** Settles every delivery with events older than now - settle window. */
    std::optional<Result> settle(qint64 nowMs, QString *error);
    /** Classifies every event of the campaign again from the stored evidence. */
    std::optional<Result> reclassifyCampaign(qint64 campaignId, qint64 nowMs, QString *error);

    /**
     * Scores every lead again from its stored evidence with the current
     * config, as of @p nowMs: after a weight or threshold change, so that it
     * applies to everyone at once (a lead now over its threshold is hot and
     * alerted, one now under it is not). Result::leads says how many.
     */
    std::optional<Result> rescoreAll(qint64 nowMs, QString *error);

    /** The lead's intent score at @p nowMs, from its settled human events and rule bonuses. */
    double score(qint64 leadId, qint64 nowMs) const;

signals:
    void hotLeadAlert(const leadtrail::HotLeadAlert &alert);

private:
    struct Batch;
    /** The enabled rules and the stage order, read at the start of each run. */
    void loadRules();
    bool processDeliveries(const QList<qint64> &rows, qint64 nowMs, Result &result, QString *error);
    /** Commits @p batch (or rolls back when @p ok is false), then announces its alerts. */
    bool finishBatch(QSqlDatabase &db, bool ok, Batch &batch, Result &result, QString *error);
    bool processDelivery(QSqlDatabase &db, qint64 row, qint64 nowMs, Batch &batch, QString *error);
    bool applyRules(QSqlDatabase &db, qint64 eventId, EventType type, const QString &url, qint64 campaignId,
                    qint64 leadId, qint64 nowMs, Batch &batch, QString *error);
    double score(qint64 leadId, qint64 nowMs, Batch &batch) const;
    bool rescore(QSqlDatabase &db, qint64 leadId, qint64 nowMs, qint64 causeEvent, Batch &batch, QString *error);
    bool recordAlert(QSqlDatabase &db, qint64 leadId, double score, double threshold, const QString &reason,
                     qint64 eventId, qint64 ruleId, qint64 nowMs, Batch &batch, QString *error);

    const Workspace &m_workspace;
    InsightConfig m_config;
    EventClassifier m_classifier;
    QList<Rule> m_rules; ///< enabled rules, loaded at the start of each run
    QHash<QString, int> m_stagePositions; ///< lower-case stage name → position in the pipeline
};

} // namespace leadtrail
