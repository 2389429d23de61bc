#include "insight/insightschema.h"

#include "store/schemamigrator.h"

using namespace Qt::StringLiterals;

namespace leadtrail {

bool createInsightTables(QSqlDatabase &db, QString *error)
{
    return SchemaMigrator::execStatements(db, {
        // One row: the relay cursor and what the last sync attempts did. The
        // cursor only moves in the transaction that stores its page.
        u"CREATE TABLE sync_state ("
        " id INTEGER PRIMARY KEY CHECK (id = 1),"
        " cursor INTEGER NOT NULL DEFAULT 0,"
        " last_success INTEGER,"
        " last_attempt INTEGER,"
        " last_error TEXT NOT NULL DEFAULT '',"
        " ingested INTEGER NOT NULL DEFAULT 0,"
        " duplicates INTEGER NOT NULL DEFAULT 0,"
        " kept_aside INTEGER NOT NULL DEFAULT 0)"_s,
        u"INSERT INTO sync_state (id) VALUES (1)"_s,
        // id is the relay's event id: a page ingested twice inserts nothing.
        // type: 1 open, 2 click, 3 unsubscribe, 4 decoy, 5 conversion (the
        // relay's numbering). verdict: 0 not settled yet, 1 human, 2 machine.
        u"CREATE TABLE events ("
        " id INTEGER PRIMARY KEY,"
        " delivery_row INTEGER NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,"
        " campaign_id INTEGER NOT NULL,"
        " lead_id INTEGER,"
        " type INTEGER NOT NULL,"
        " link INTEGER NOT NULL DEFAULT 0,"
        " url TEXT NOT NULL DEFAULT '',"
        " cid TEXT NOT NULL DEFAULT '',"
        " value TEXT NOT NULL DEFAULT '',"
        " currency TEXT NOT NULL DEFAULT '',"
        " conversion TEXT NOT NULL DEFAULT '',"
        " time INTEGER NOT NULL," // relay time, ms since the epoch
        " method TEXT NOT NULL DEFAULT '',"
        " ip TEXT NOT NULL DEFAULT '',"
        " ua TEXT NOT NULL DEFAULT '',"
        " scanner TEXT NOT NULL DEFAULT '',"
        " head INTEGER NOT NULL DEFAULT 0,"
        " age INTEGER NOT NULL DEFAULT 0,"
        " apple_mpp INTEGER NOT NULL DEFAULT 0,"
        " verdict INTEGER NOT NULL DEFAULT 0,"
        " reason TEXT NOT NULL DEFAULT '',"
        " click_event INTEGER)"_s, // conversions: the click whose id they carry
        u"CREATE INDEX events_delivery ON events (delivery_row, time)"_s,
        u"CREATE INDEX events_lead ON events (lead_id, time)"_s,
        u"CREATE INDEX events_unsettled ON events (time, delivery_row) WHERE verdict = 0"_s,
        u"CREATE INDEX events_campaign ON events (campaign_id, type)"_s,
        u"CREATE INDEX events_cid ON events (cid) WHERE cid <> ''"_s,
        // Events for deliveries this workspace does not know: another
        // teammate's campaign, or one from a restored backup. Kept whole.
        u"CREATE TABLE orphan_events ("
        " id INTEGER PRIMARY KEY,"
        " delivery TEXT NOT NULL,"
        " type TEXT NOT NULL,"
        " time INTEGER NOT NULL,"
        " json TEXT NOT NULL,"
        " received_at INTEGER NOT NULL)"_s,
        u"CREATE INDEX orphan_events_delivery ON orphan_events (delivery)"_s,
        // Aggregates kept up to date as deliveries settle, so the stats panel
        // sums a few rows per delivery instead of scanning every event.
        u"CREATE TABLE delivery_activity ("
        " delivery_row INTEGER PRIMARY KEY REFERENCES deliveries (id) ON DELETE CASCADE,"
        " campaign_id INTEGER NOT NULL,"
        " human_opens INTEGER NOT NULL DEFAULT 0,"
        " human_clicks INTEGER NOT NULL DEFAULT 0,"
        " machine_opens INTEGER NOT NULL DEFAULT 0,"
        " machine_clicks INTEGER NOT NULL DEFAULT 0)"_s,
        u"CREATE INDEX delivery_activity_campaign ON delivery_activity (campaign_id)"_s,
        u"CREATE TABLE campaign_hourly ("
        " campaign_id INTEGER NOT NULL,"
        " hour INTEGER NOT NULL," // hours since the epoch
        " type INTEGER NOT NULL,"
        " verdict INTEGER NOT NULL,"
        " n INTEGER NOT NULL,"
        " PRIMARY KEY (campaign_id, hour, type, verdict)) WITHOUT ROWID"_s,
        u"CREATE TABLE campaign_links ("
        " campaign_id INTEGER NOT NULL,"
        " link INTEGER NOT NULL,"
        " url TEXT NOT NULL,"
        " human_clicks INTEGER NOT NULL DEFAULT 0,"
        " unique_human INTEGER NOT NULL DEFAULT 0,"
        " machine_clicks INTEGER NOT NULL DEFAULT 0,"
        " PRIMARY KEY (campaign_id, link)) WITHOUT ROWID"_s,
        // The intent score at as_of (ms); it decays from there. hot: above the
        // threshold since the last alert (no second alert until it cools).
        u"CREATE TABLE lead_scores ("
        " lead_id INTEGER PRIMARY KEY REFERENCES leads (id) ON DELETE CASCADE,"
        " value REAL NOT NULL,"
        " as_of INTEGER NOT NULL,"
        " hot INTEGER NOT NULL DEFAULT 0)"_s,
        u"CREATE TABLE hot_alerts ("
        " id INTEGER PRIMARY KEY,"
        " lead_id INTEGER NOT NULL REFERENCES leads (id) ON DELETE CASCADE,"
        " score REAL NOT NULL,"
        " threshold REAL NOT NULL,"
        " reason TEXT NOT NULL,"
        " event_id INTEGER,"
        " rule_id INTEGER,"
        " created_at INTEGER NOT NULL)"_s,
        u"CREATE INDEX hot_alerts_lead ON hot_alerts (lead_id, created_at)"_s,
        u"CREATE TABLE rules ("
        " id INTEGER PRIMARY KEY,"
        " name TEXT NOT NULL UNIQUE,"
        " trigger TEXT NOT NULL CHECK (trigger IN ('open', 'click', 'click_match', 'convert', 'unsubscribe')),"
        " pattern TEXT NOT NULL DEFAULT '',"
        " campaign_id INTEGER REFERENCES campaigns (id) ON DELETE CASCADE,"
        " action TEXT NOT NULL CHECK (action IN ('stage', 'tag', 'score', 'alert')),"
        " argument TEXT NOT NULL DEFAULT '',"
        " enabled INTEGER NOT NULL DEFAULT 1,"
        " created_at INTEGER NOT NULL)"_s,
        // UNIQUE (rule_id, event_id): a rule acts once per triggering event,
        // however often the event is ingested or re-classified.
        u"CREATE TABLE rule_applications ("
        " id INTEGER PRIMARY KEY,"
        " rule_id INTEGER REFERENCES rules (id) ON DELETE SET NULL,"
        " rule_name TEXT NOT NULL,"
        " event_id INTEGER NOT NULL,"
        " lead_id INTEGER REFERENCES leads (id) ON DELETE CASCADE,"
        " outcome TEXT NOT NULL,"
        " score_delta REAL NOT NULL DEFAULT 0,"
        " applied_at INTEGER NOT NULL,"
        " UNIQUE (rule_id, event_id))"_s,
        u"CREATE INDEX rule_applications_lead ON rule_applications (lead_id, applied_at)"_s,
        // Every stage change, by hand (LeadStore) or by a rule; a rule names
        // itself in the row after its own UPDATE.
        u"CREATE TABLE stage_changes ("
        " id INTEGER PRIMARY KEY,"
        " lead_id INTEGER NOT NULL REFERENCES leads (id) ON DELETE CASCADE,"
        " from_stage TEXT NOT NULL,"
        " to_stage TEXT NOT NULL,"
        " at INTEGER NOT NULL,"
        " rule_name TEXT NOT NULL DEFAULT '')"_s,
        u"CREATE INDEX stage_changes_lead ON stage_changes (lead_id, at)"_s,
        u"CREATE TRIGGER leads_stage_history AFTER UPDATE OF stage ON leads"
        " WHEN OLD.stage IS NOT NEW.stage BEGIN"
        " INSERT INTO stage_changes (lead_id, from_stage, to_stage, at)"
        " VALUES (NEW.id, OLD.stage, NEW.stage, NEW.updated_at); END"_s,
    }, error);
}

bool addStatsIndex(QSqlDatabase &db, QString *error)
{
    // The stats panel sums four counters over every delivery of a campaign: with
    // them in the index it reads the index alone, not 100,000 table rows.
    return SchemaMigrator::execStatements(db, {
        u"CREATE INDEX delivery_activity_stats ON delivery_activity"
        " (campaign_id, human_opens, human_clicks, machine_opens, machine_clicks)"_s,
    }, error);
}

bool narrowEventIndexes(QSqlDatabase &db, QString *error)
{
    // Ingest commits a page of events at a time, and every index whose key is
    // not in arrival order costs a write of nearly one index page per event
    // (events_delivery, events_lead, events_unsettled and events_campaign all
    // did). So: events_lead goes (a lead's events are found through its
    // deliveries, which events_delivery covers); the unsettled index is keyed
    // by event id, so new events append to its last page (verdict is in it so
    // settle reads the index alone); and the
    // per-campaign index is narrowed to the rows that are ever looked up by
    // campaign, which also makes it covering for the stats panel: unsubscribes
    // and conversions (few, written at ingest) and machine verdicts (written
    // when a delivery settles).
    return SchemaMigrator::execStatements(db, {
        u"DROP INDEX events_lead"_s,
        u"DROP INDEX events_unsettled"_s,
        u"CREATE INDEX events_unsettled_by_id ON events (id, time, delivery_row, verdict) WHERE verdict = 0"_s,
        u"DROP INDEX events_campaign"_s,
        u"CREATE INDEX events_campaign_unsubscribes ON events (campaign_id, delivery_row) WHERE type = 3"_s,
        u"CREATE INDEX events_campaign_conversions ON events (campaign_id, currency, value) WHERE type = 5"_s,
        u"CREATE INDEX events_campaign_machine ON events (campaign_id, reason, type) WHERE verdict = 2"_s,
    }, error);
}

bool addRuleStageLimits(QSqlDatabase &db, QString *error)
{
    // Existing rules keep what they did, except that a stage rule no longer
    // moves a lead backwards: that was the bug, not a behaviour to keep.
    return SchemaMigrator::execStatements(db, {
        u"ALTER TABLE rules ADD COLUMN allow_backward INTEGER NOT NULL DEFAULT 0"_s,
        u"ALTER TABLE rules ADD COLUMN only_in_stages TEXT NOT NULL DEFAULT '[]'"_s, // a JSON array of stage names
    }, error);
}

} // namespace leadtrail
