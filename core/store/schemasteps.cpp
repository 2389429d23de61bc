// The workspace schema, as a numbered list of steps. Append new steps at the
// end (version = previous + 1); never change a step that has shipped, since
// workspaces in the field have already run it.
#include "store/schemamigrator.h"

#include "insight/insightschema.h"
#include "sending/campaignschema.h"

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {

bool createLeadStore(QSqlDatabase &db, QString *error)
{
    return SchemaMigrator::execStatements(db, {
        // email_key is the lower-cased address: the unique key, so that
        // Jane@Example.com and jane@example.com are the same lead, including
        // for non-ASCII addresses SQLite's NOCASE would not fold.
        u"CREATE TABLE leads ("
        " id INTEGER PRIMARY KEY,"
        " email TEXT NOT NULL,"
        " email_key TEXT NOT NULL UNIQUE,"
        " first_name TEXT NOT NULL DEFAULT '',"
        " last_name TEXT NOT NULL DEFAULT '',"
        " company TEXT NOT NULL DEFAULT '',"
        " phone TEXT NOT NULL DEFAULT '',"
        " category TEXT NOT NULL DEFAULT '',"
        " stage TEXT NOT NULL DEFAULT '',"
        " owner TEXT NOT NULL DEFAULT '',"
        " custom_fields TEXT NOT NULL DEFAULT '{}',"
        " score INTEGER NOT NULL DEFAULT 0,"
        " bounced INTEGER NOT NULL DEFAULT 0,"
        " unsubscribed_at INTEGER," // ms since the epoch, UTC; NULL while subscribed
        " created_at INTEGER NOT NULL,"
        " updated_at INTEGER NOT NULL)"_s,
        u"CREATE INDEX leads_category ON leads (category COLLATE NOCASE)"_s,
        u"CREATE INDEX leads_stage ON leads (stage COLLATE NOCASE)"_s,
        u"CREATE TABLE lead_tags ("
        " lead_id INTEGER NOT NULL REFERENCES leads (id) ON DELETE CASCADE,"
        " tag TEXT NOT NULL,"
        " PRIMARY KEY (lead_id, tag)) WITHOUT ROWID"_s,
        u"CREATE INDEX lead_tags_tag ON lead_tags (tag COLLATE NOCASE, lead_id)"_s,
        u"CREATE TABLE stages ("
        " name TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,"
        " position INTEGER NOT NULL)"_s,
        u"INSERT INTO stages (name, position) VALUES"
        " ('New', 0), ('Contacted', 1), ('Engaged', 2), ('Hot', 3), ('Customer', 4), ('Lost', 5)"_s,
        u"CREATE TABLE notes ("
        " id INTEGER PRIMARY KEY,"
        " lead_id INTEGER NOT NULL REFERENCES leads (id) ON DELETE CASCADE,"
        " body TEXT NOT NULL,"
        " created_at INTEGER NOT NULL)"_s,
        u"CREATE INDEX notes_lead ON notes (lead_id, created_at)"_s,
    }, error);
}

/**
 * The Leads screen opens on "last updated, newest first" and pages through it
 * by key: without this index every page sorted all leads (0.19 s a page with
 * 100,000 of them).
 */
bool addLeadOrderIndex(QSqlDatabase &db, QString *error)
{
    return SchemaMigrator::execStatements(db, {
        u"CREATE INDEX leads_updated ON leads (updated_at, id)"_s,
    }, error);
}

} // namespace

const std::vector<SchemaStep> &SchemaMigrator::steps()
{
    static const std::vector<SchemaStep> list = {
        {1, "leads, tags, stages and notes", &createLeadStore},
        {2, "campaigns and deliveries", &createCampaignTables},
        {3, "relay events, insight aggregates, scores, alerts and rules", &createInsightTables},
        {4, "covering index for campaign stats", &addStatsIndex},
        {5, "per-campaign event indexes only where they are read", &narrowEventIndexes},
        {6, "index for the leads table's default order", &addLeadOrderIndex},
        {7, "deliveries a cancel never attempted are cancelled, not failed", &addCancelledDeliveryState},
        {8, "rules: forward-only stage moves, limit to stages", &addRuleStageLimits},
    };
    return list;
}

} // namespace leadtrail
