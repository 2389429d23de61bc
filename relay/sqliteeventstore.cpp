#include "sqliteeventstore.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Statement.h>

using namespace Poco::Data::Keywords;

namespace leadtrail::relay {

namespace {

constexpr const char *columns =
    "id, type, delivery, link, url, cid, value, currency, conversion, time_ms, method, ip, ua, "
    "scanner, head, age, apple_mpp";

void registerOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { Poco::Data::SQLite::Connector::registerConnector(); });
}

Event eventFromRow(const Poco::Data::RecordSet &rs, std::size_t row)
{
    Event e;
    e.id = rs.value<Poco::Int64>(0, row);
    e.type = static_cast<EventType>(rs.value<Poco::Int64>(1, row));
    e.delivery = rs.value<std::string>(2, row);
    e.linkIndex = static_cast<std::uint32_t>(rs.value<Poco::Int64>(3, row));
    e.url = rs.value<std::string>(4, row);
    e.clickId = rs.value<std::string>(5, row);
    e.value = rs.value<std::string>(6, row);
    e.currency = rs.value<std::string>(7, row);
    e.conversion = rs.value<std::string>(8, row);
    e.timeMs = rs.value<Poco::Int64>(9, row);
    e.method = rs.value<std::string>(10, row);
    e.ip = rs.value<std::string>(11, row);
    e.userAgent = rs.value<std::string>(12, row);
    e.scanner = rs.value<std::string>(13, row);
    e.head = rs.value<Poco::Int64>(14, row) != 0;
    e.ageSeconds = rs.value<Poco::Int64>(15, row);
    e.appleMpp = rs.value<Poco::Int64>(16, row) != 0;
    return e;
}

} // namespace

SqliteEventStore::SqliteEventStore(const std::string &path, const std::string &synchronous)
    : m_writer((registerOnce(), Poco::Data::SQLite::Connector::KEY), path)
{
    // WAL + NORMAL: a commit is in the WAL file before append() returns, so it survives
    // the relay being killed at any moment; FULL adds an fsync per commit for power loss.
    const std::string sync = synchronous == "full" ? "FULL" : "NORMAL";
    m_writer << "PRAGMA journal_mode=WAL", now;
    m_writer << "PRAGMA synchronous=" + sync, now;
    m_writer << "PRAGMA busy_timeout=10000", now;
    m_writer << "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)", now;
    m_writer << "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', '1')", now;
    // AUTOINCREMENT keeps sqlite_sequence, so ids are never reused after a purge.
    m_writer << "CREATE TABLE IF NOT EXISTS events ("
                "id INTEGER PRIMARY KEY AUTOINCREMENT, type INTEGER NOT NULL, delivery TEXT NOT NULL, "
                "link INTEGER NOT NULL, url TEXT NOT NULL, cid TEXT NOT NULL, value TEXT NOT NULL, "
                "currency TEXT NOT NULL, conversion TEXT NOT NULL, time_ms INTEGER NOT NULL, "
                "method TEXT NOT NULL, ip TEXT NOT NULL, ua TEXT NOT NULL, scanner TEXT NOT NULL, "
                "head INTEGER NOT NULL, age INTEGER NOT NULL, apple_mpp INTEGER NOT NULL, dedupe TEXT)",
        now;
    m_writer << "CREATE INDEX IF NOT EXISTS events_cid ON events (cid) WHERE cid <> ''", now;
    m_writer << "CREATE UNIQUE INDEX IF NOT EXISTS events_dedupe ON events (dedupe) WHERE dedupe IS NOT NULL", now;
    m_writer << "CREATE INDEX IF NOT EXISTS events_time ON events (time_ms)", now;

    Poco::Int64 maxId = 0, seq = 0;
    m_writer << "SELECT COALESCE(MAX(id), 0) FROM events", into(maxId), now;
    m_writer << "SELECT COALESCE(MAX(seq), 0) FROM sqlite_sequence WHERE name = 'events'", into(seq), now;
    m_nextId = std::max(maxId, seq) + 1;

    m_readers = std::make_unique<Poco::Data::SessionPool>(Poco::Data::SQLite::Connector::KEY, path, 1, 64, 60);
}

SqliteEventStore::~SqliteEventStore() = default;

void SqliteEventStore::append(const std::vector<Event *> &batch)
{
    std::vector<Poco::Int64> ids, links, times, ages;
    std::vector<int> types, heads, mpps;
    std::vector<std::string> deliveries, urls, cids, values, currencies, conversions, methods, ips, uas,
        scanners;
    std::vector<Poco::Nullable<std::string>> dedupes;
    std::vector<Event *> stored;

    m_writer.begin();
    try {
        Poco::Int64 next = m_nextId;
        for (Event *e : batch) {
            e->id = 0;
            if (!e->dedupeKey.empty()) {
                int found = 0;
                std::string key = e->dedupeKey;
                m_writer << "SELECT COUNT(*) FROM events WHERE dedupe = ?", use(key), into(found), now;
                bool inBatch = false;
                for (const auto &d : dedupes)
                    inBatch = inBatch || (!d.isNull() && d.value() == key);
                if (found > 0 || inBatch)
                    continue;
            }
            e->id = next++;
            stored.push_back(e);
            ids.push_back(e->id);
            types.push_back(static_cast<int>(e->type));
            deliveries.push_back(e->delivery);
            links.push_back(e->linkIndex);
            urls.push_back(e->url);
            cids.push_back(e->clickId);
            values.push_back(e->value);
            currencies.push_back(e->currency);
            conversions.push_back(e->conversion);
            times.push_back(e->timeMs);
            methods.push_back(e->method);
            ips.push_back(e->ip);
            uas.push_back(e->userAgent);
            scanners.push_back(e->scanner);
            heads.push_back(e->head ? 1 : 0);
            ages.push_back(e->ageSeconds);
            mpps.push_back(e->appleMpp ? 1 : 0);
            dedupes.push_back(e->dedupeKey.empty() ? Poco::Nullable<std::string>() : Poco::Nullable<std::string>(e->dedupeKey));
        }
        if (!ids.empty()) {
            m_writer << "INSERT INTO events (" << columns << ", dedupe) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                use(ids), use(types), use(deliveries), use(links), use(urls), use(cids), use(values),
                use(currencies), use(conversions), use(times), use(methods), use(ips), use(uas),
                use(scanners), use(heads), use(ages), use(mpps), use(dedupes), now;
        }
        m_writer.commit();
        m_nextId = next;
    } catch (...) {
        for (Event *e : stored)
            e->id = 0;
        try {
            m_writer.rollback();
        } catch (...) {
        }
        throw;
    }
}

std::vector<Event> SqliteEventStore::fetchAfter(std::int64_t after, std::size_t limit)
{
    Poco::Data::Session session = m_readers->get();
    Poco::Data::Statement select(session);
    Poco::Int64 cursor = after;
    Poco::Int64 max = static_cast<Poco::Int64>(limit);
    select << "SELECT " << columns << " FROM events WHERE id > ? ORDER BY id LIMIT ?", use(cursor), use(max);
    select.execute();
    Poco::Data::RecordSet rs(select);
    std::vector<Event> events;
    events.reserve(rs.rowCount());
    for (std::size_t row = 0; row < rs.rowCount(); ++row)
        events.push_back(eventFromRow(rs, row));
    return events;
}

std::int64_t SqliteEventStore::lastId()
{
    Poco::Data::Session session = m_readers->get();
    Poco::Int64 maxId = 0, seq = 0;
    session << "SELECT COALESCE(MAX(id), 0) FROM events", into(maxId), now;
    session << "SELECT COALESCE(MAX(seq), 0) FROM sqlite_sequence WHERE name = 'events'", into(seq), now;
    return std::max(maxId, seq);
}

std::optional<Event> SqliteEventStore::findClick(std::string_view clickId)
{
    if (clickId.empty())
        return std::nullopt;
    Poco::Data::Session session = m_readers->get();
    Poco::Data::Statement select(session);
    std::string cid(clickId);
    int type = static_cast<int>(EventType::Click);
    select << "SELECT " << columns << " FROM events WHERE cid = ? AND type = ? ORDER BY id LIMIT 1",
        use(cid), use(type);
    select.execute();
    Poco::Data::RecordSet rs(select);
    if (rs.rowCount() == 0)
        return std::nullopt;
    return eventFromRow(rs, 0);
}

std::size_t SqliteEventStore::purgeOlderThan(std::int64_t cutoffMs)
{
    Poco::Int64 cutoff = cutoffMs;
    Poco::Data::Statement del(m_writer);
    del << "DELETE FROM events WHERE time_ms < ?", use(cutoff);
    return del.execute();
}

} // namespace leadtrail::relay
