#pragma once

#include <QSqlDatabase>
#include <QString>

namespace leadtrail {

/**
 * Schema step 3: what the desktop learns from the relay. Synced events with
 * their raw evidence and verdict, events kept aside for unknown deliveries,
 * the sync cursor, per-delivery and per-campaign aggregates the stats panel
 * reads, scores, hot-lead alerts, rules and their applications, and stage
 * history.
 */
bool createInsightTables(QSqlDatabase &db, QString *error);

/** Schema step 4: a covering index for the stats panel's per-delivery sums. */
bool addStatsIndex(QSqlDatabase &db, QString *error);

/**
 * Schema step 5: event indexes that ingest can afford. Only events_delivery
 * stays keyed out of arrival order; the lead index goes, the unsettled index
 * is keyed by event id, and the per-campaign index covers only the rows read
 * by campaign (unsubscribes, conversions, machine verdicts).
 */
bool narrowEventIndexes(QSqlDatabase &db, QString *error);

/**
 * Schema step 7: a rule may move a lead backwards in the stage order only
 * when it says so (allow_backward), and may be limited to leads in given
 * stages (only_in_stages, a JSON array of names; '[]' for any stage).
 */
bool addRuleStageLimits(QSqlDatabase &db, QString *error);

} // namespace leadtrail
