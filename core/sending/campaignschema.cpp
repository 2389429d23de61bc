#include "sending/campaignschema.h"

#include "store/schemamigrator.h"

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
        "  CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'unknown')),"
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

} // namespace leadtrail
