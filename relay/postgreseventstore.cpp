#include "postgreseventstore.h"

#include "clickid.h"
#include "eventrows.h"

#include <mutex>

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

using namespace Poco::Data::Keywords;

namespace leadtrail::relay {

namespace {

void registerOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { Poco::Data::PostgreSQL::Connector::registerConnector(); });
}

} // namespace

PostgresEventStore::PostgresEventStore(const std::string &connection)
    : m_writer((registerOnce(), Poco::Data::PostgreSQL::Connector::KEY), connection)
{
    // Several relays may start at once: the DDL is idempotent, and the counter
    // row is created only if missing. Integers are BIGINT and strings VARCHAR
    // (unlimited; Poco reads TEXT as a CLOB): the rows are read with the same
    // code as SQLite's.
    m_writer << "CREATE TABLE IF NOT EXISTS relay_meta (key VARCHAR PRIMARY KEY, value BIGINT NOT NULL)", now;
    m_writer << "INSERT INTO relay_meta (key, value) VALUES ('schema_version', 1), ('last_event_id', 0) "
                "ON CONFLICT (key) DO NOTHING",
        now;
    m_writer << "CREATE TABLE IF NOT EXISTS relay_events ("
                "id BIGINT PRIMARY KEY, type BIGINT NOT NULL, delivery VARCHAR NOT NULL, "
                "link BIGINT NOT NULL, url VARCHAR NOT NULL, cid VARCHAR NOT NULL, value VARCHAR NOT NULL, "
                "currency VARCHAR NOT NULL, conversion VARCHAR NOT NULL, time_ms BIGINT NOT NULL, "
                "method VARCHAR NOT NULL, ip VARCHAR NOT NULL, ua VARCHAR NOT NULL, scanner VARCHAR NOT NULL, "
                "head BIGINT NOT NULL, age BIGINT NOT NULL, apple_mpp BIGINT NOT NULL, dedupe VARCHAR)",
        now;
    m_writer << "CREATE UNIQUE INDEX IF NOT EXISTS relay_events_dedupe ON relay_events (dedupe) WHERE dedupe IS NOT NULL",
        now;
    m_writer << "CREATE INDEX IF NOT EXISTS relay_events_time ON relay_events (time_ms)", now;
    m_readers = std::make_unique<Poco::Data::SessionPool>(Poco::Data::PostgreSQL::Connector::KEY, connection, 1, 64, 60);
}

void PostgresEventStore::append(const std::vector<Event *> &batch)
{
    for (Event *e : batch)
        e->id = 0;
    m_writer.begin();
    try {
        // Locks the counter row until the commit: appends of all instances are
        // serialised here, so ids rise in commit order.
        Poco::Int64 last = 0;
        m_writer << "SELECT value FROM relay_meta WHERE key = 'last_event_id' FOR UPDATE", into(last), now;
        Poco::Int64 next = last + 1;

        Event row;
        Poco::Int64 id = 0, type = 0, link = 0, timeMs = 0, head = 0, age = 0, appleMpp = 0;
        Poco::Nullable<std::string> dedupe;
        Poco::Data::Statement insert(m_writer);
        insert << "INSERT INTO relay_events (" << eventColumns
               << ", dedupe) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)",
            use(id), use(type), use(row.delivery), use(link), use(row.url), use(row.clickId), use(row.value),
            use(row.currency), use(row.conversion), use(timeMs), use(row.method), use(row.ip), use(row.userAgent),
            use(row.scanner), use(head), use(age), use(appleMpp), use(dedupe);
        std::string key;
        Poco::Int64 seen = 0;
        Poco::Data::Statement duplicate(m_writer);
        duplicate << "SELECT COUNT(*) FROM relay_events WHERE dedupe = $1", use(key), into(seen);

        std::vector<const std::string *> batchKeys;
        std::vector<std::pair<Event *, Poco::Int64>> stored;
        for (Event *e : batch) {
            if (!e->dedupeKey.empty()) {
                bool inBatch = false;
                for (const std::string *k : batchKeys)
                    inBatch = inBatch || *k == e->dedupeKey;
                key = e->dedupeKey;
                duplicate.execute();
                if (inBatch || seen > 0)
                    continue;
                batchKeys.push_back(&e->dedupeKey);
            }
            row = *e;
            id = next;
            if (!e->clickIdNonce.empty())
                row.clickId = clickid::make(id, e->clickIdNonce);
            type = static_cast<Poco::Int64>(e->type);
            link = e->linkIndex;
            timeMs = e->timeMs;
            head = e->head ? 1 : 0;
            age = e->ageSeconds;
            appleMpp = e->appleMpp ? 1 : 0;
            dedupe = e->dedupeKey.empty() ? Poco::Nullable<std::string>() : Poco::Nullable<std::string>(e->dedupeKey);
            insert.execute();
            stored.emplace_back(e, next++);
            if (!e->clickIdNonce.empty())
                e->clickId = row.clickId;
        }
        last = next - 1;
        m_writer << "UPDATE relay_meta SET value = $1 WHERE key = 'last_event_id'", use(last), now;
        m_writer.commit();
        for (const auto &[e, assigned] : stored)
            e->id = assigned;
    } catch (...) {
        for (Event *e : batch) {
            e->id = 0;
            if (!e->clickIdNonce.empty())
                e->clickId.clear();
        }
        try {
            m_writer.rollback();
        } catch (...) {
            // The connection itself failed; the next append reports it.
        }
        throw;
    }
}

std::vector<Event> PostgresEventStore::fetchAfter(std::int64_t after, std::size_t limit)
{
    Poco::Data::Session session = m_readers->get();
    Poco::Data::Statement select(session);
    Poco::Int64 cursor = after;
    Poco::Int64 max = static_cast<Poco::Int64>(limit);
    select << "SELECT " << eventColumns << " FROM relay_events WHERE id > $1 ORDER BY id LIMIT $2", use(cursor), use(max);
    return eventsOf(select);
}

std::int64_t PostgresEventStore::lastId()
{
    Poco::Data::Session session = m_readers->get();
    Poco::Int64 last = 0;
    session << "SELECT value FROM relay_meta WHERE key = 'last_event_id'", into(last), now;
    return last;
}

std::optional<Event> PostgresEventStore::findClick(std::string_view clickId)
{
    Poco::Data::Session session = m_readers->get();
    return findClickBy(session, std::string("SELECT ") + eventColumns + " FROM relay_events WHERE id = $1", clickId);
}

std::size_t PostgresEventStore::purgeOlderThan(std::int64_t cutoffMs)
{
    Poco::Int64 cutoff = cutoffMs;
    Poco::Data::Statement del(m_writer);
    del << "DELETE FROM relay_events WHERE time_ms < $1", use(cutoff);
    return del.execute();
}

} // namespace leadtrail::relay
