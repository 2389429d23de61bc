#include "sending/campaignschema.h"

#include "store/schemamigrator.h"
#include "store/storesupport.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace leadtrail {

bool createCampaignTables(QSqlDatabase &db, QString *error)
{
    return SchemaMigrator::execStatements(db, {
        // Times are ms since the epoch, UTC, as in the leads table.
        u"CREATE TABLE campaigns ("
        " id INTEGER PRIMARY KEY,"
        " name TEXT NOT NULL,"
        " from_name TEXT NOT NULL DEFAULT '',"
        " from_email TEXT NOT NULL DEFAULT '',"
        " reply_to TEXT NOT NULL DEFAULT '',"
        " subject TEXT NOT NULL,"
        " html TEXT NOT NULL,"
        " text TEXT," // NULL: derived from the HTML at render time
        " audience TEXT NOT NULL DEFAULT 'all',"
        " track_opens INTEGER NOT NULL DEFAULT 1,"
        " track_clicks INTEGER NOT NULL DEFAULT 1,"
        " decoy_link INTEGER NOT NULL DEFAULT 1,"
        " utm INTEGER NOT NULL DEFAULT 0,"
        " utm_category INTEGER NOT NULL DEFAULT 0,"
        " sequence_position INTEGER NOT NULL DEFAULT 0,"
        " click_ids INTEGER NOT NULL DEFAULT 0,"
        " state TEXT NOT NULL DEFAULT 'draft'"
        "  CHECK (state IN ('draft', 'sending', 'paused', 'sent', 'cancelled')),"
        " state_message TEXT NOT NULL DEFAULT '',"
        " created_at INTEGER NOT NULL,"
        " started_at INTEGER,"
        " finished_at INTEGER)"_s,
        // One row per (campaign, lead), frozen when sending starts. lead_id
        // becomes NULL if the lead is deleted later; the email snapshot stays.
        // smtp_phase tells a crash-interrupted 'sending' row apart: 0 = the
        // final dot of DATA was never written (safe to send again), 1 = it may
        // have been (the server may have accepted it: unknown, never resent).
        u"CREATE TABLE deliveries ("
        " id INTEGER PRIMARY KEY,"
        " delivery_id TEXT NOT NULL UNIQUE CHECK (length(delivery_id) = 32),"
        " campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,"
        " lead_id INTEGER REFERENCES leads (id) ON DELETE SET NULL,"
        " email TEXT NOT NULL,"
        " state TEXT NOT NULL DEFAULT 'queued'"
        "  CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'unknown')),"  // 'cancelled' since step 7
        " smtp_phase INTEGER NOT NULL DEFAULT 0,"
        " attempts INTEGER NOT NULL DEFAULT 0,"
        " next_attempt_at INTEGER NOT NULL DEFAULT 0,"
        " reply_code INTEGER,"
        " reply_text TEXT NOT NULL DEFAULT '',"
        " failure_reason TEXT NOT NULL DEFAULT '',"
        " sent_at INTEGER,"
        " message_id TEXT NOT NULL DEFAULT '',"
        " UNIQUE (campaign_id, lead_id))"_s,
        u"CREATE INDEX deliveries_queue ON deliveries (campaign_id, state, next_attempt_at)"_s,
        u"CREATE INDEX deliveries_lead ON deliveries (lead_id)"_s,
        // The rate limiter reads the last day of sends at start.
        u"CREATE INDEX deliveries_sent ON deliveries (sent_at) WHERE sent_at IS NOT NULL"_s,
    }, error);
}

bool addCancelledDeliveryState(QSqlDatabase &db, QString *error)
{
    // SQLite cannot alter a CHECK constraint, and rebuilding `deliveries`
    // (drop and copy) would fire ON DELETE CASCADE into events and
    // delivery_activity: foreign keys are on, and cannot be turned off inside
    // the migration's transaction. The new constraint only admits one more
    // value, so every row on disk satisfies it; for such a change SQLite
    // documents editing the stored CREATE TABLE text, with the schema version
    // bumped so that every connection reads it again
    // (https://www.sqlite.org/lang_altertable.html#otheralter).
    const QString before = u"CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'unknown'))"_s;
    const QString after = u"CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'unknown', 'cancelled'))"_s;
    QSqlQuery query(db);
    if (!query.exec(u"PRAGMA schema_version"_s) || !query.next()) {
        setError(error, u"cannot read the schema version: %1"_s.arg(query.lastError().text()));
        return false;
    }
    const qint64 schemaVersion = query.value(0).toLongLong();
    query.finish();
    if (!query.exec(u"PRAGMA writable_schema = ON"_s)) {
        setError(error, query.lastError().text());
        return false;
    }
    const bool edited = execPrepared(query, u"UPDATE sqlite_master SET sql = replace(sql, ?, ?)"
                                            " WHERE type = 'table' AND name = 'deliveries' AND instr(sql, ?) > 0"_s,
                                     {before, after, before});
    const int rows = edited ? query.numRowsAffected() : 0;
    const QString editError = query.lastError().text();
    // PRAGMA values cannot be bound; this one is an integer read just above.
    const bool bumped = edited && rows == 1 && query.exec(u"PRAGMA schema_version = %1"_s.arg(schemaVersion + 1));
    query.exec(u"PRAGMA writable_schema = OFF"_s);
    if (!edited || !bumped) {
        setError(error, !edited ? editError
                       : rows != 1 ? u"the deliveries table does not have the state constraint this step expects"_s
                                   : query.lastError().text());
        return false;
    }
    // Earlier versions failed the deliveries a cancel found queued, with this
    // reason and nothing else: they were never handed to the server.
    return SchemaMigrator::execStatements(db, {
        u"UPDATE deliveries SET state = 'cancelled' WHERE state = 'failed' AND failure_reason = 'campaign cancelled'"_s,
    }, error);
}

} // namespace leadtrail
