#include "sqliteeventstore.h"

#include "clickid.h"
#include "eventrows.h"

#include <chrono>

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/Statement.h>

#include <sqlite3.h>

using namespace Poco::Data::Keywords;

namespace leadtrail::relay {

namespace {

constexpr int maxWalFrames = 4096; // 16 MB of 4 KB pages: past this the WAL is restarted
// Past this the writer checkpoints at once, whatever the background pass does.
constexpr int hardWalFrames = maxWalFrames + maxWalFrames / 4 + maxWalFrames / 8;

void registerOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { Poco::Data::SQLite::Connector::registerConnector(); });
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
    // A restarted WAL is cut back to this size instead of keeping its peak.
    m_writer << "PRAGMA journal_size_limit=67108864", now;
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
    m_writer << "CREATE UNIQUE INDEX IF NOT EXISTS events_dedupe ON events (dedupe) WHERE dedupe IS NOT NULL", now;
    m_writer << "CREATE INDEX IF NOT EXISTS events_time ON events (time_ms)", now;

    Poco::Int64 maxId = 0, seq = 0;
    m_writer << "SELECT COALESCE(MAX(id), 0) FROM events", into(maxId), now;
    m_writer << "SELECT COALESCE(MAX(seq), 0) FROM sqlite_sequence WHERE name = 'events'", into(seq), now;
    m_nextId = std::max(maxId, seq) + 1;

    m_readers = std::make_unique<Poco::Data::SessionPool>(Poco::Data::SQLite::Connector::KEY, path, 1, 64, 60);

    m_db = Poco::Data::SQLite::Utility::dbHandle(m_writer);
    const auto prepare = [this](const std::string &sql, sqlite3_stmt *&statement) {
        const int rc = sqlite3_prepare_v2(m_db, sql.c_str(), static_cast<int>(sql.size() + 1), &statement, nullptr);
        if (rc != SQLITE_OK)
            Poco::Data::SQLite::Utility::throwException(m_db, rc, sql);
    };
    prepare("BEGIN IMMEDIATE", m_begin);
    prepare("COMMIT", m_commit);
    prepare("ROLLBACK", m_rollback);
    prepare(std::string("INSERT INTO events (") + eventColumns
                + ", dedupe) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            m_insert);
    prepare("SELECT 1 FROM events WHERE dedupe = ?", m_dedupe);

    sqlite3_wal_autocheckpoint(m_db, 0); // replaces SQLite's own WAL hook, so ours goes after
    sqlite3_wal_hook(
        m_db,
        [](void *self, sqlite3 *, const char *, int frames) {
            static_cast<SqliteEventStore *>(self)->m_walFrames = frames;
            return SQLITE_OK;
        },
        this);
    m_checkpointer = std::thread([this, path] { checkpointLoop(path); });
}

void SqliteEventStore::checkpointLoop(std::string path)
{
    try {
        Poco::Data::Session session(Poco::Data::SQLite::Connector::KEY, path);
        session << "PRAGMA busy_timeout=10000", now;
        // A connection that has not read the database has no WAL open, and its
        // checkpoints return at once having done nothing (log size -1).
        session << "PRAGMA journal_mode=WAL", now;
        std::unique_lock lock(m_checkpointMutex);
        while (!m_closing) {
            m_checkpointWake.wait_for(lock, std::chrono::milliseconds(250));
            lock.unlock();
            sqlite3 *db = Poco::Data::SQLite::Utility::dbHandle(session);
            // PASSIVE: copies (and syncs) what it can without blocking the writer or readers.
            int log = 0, copied = 0;
            std::unique_lock pass(m_checkpointPass);
            if (sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, &log, &copied) == SQLITE_OK
                && log > maxWalFrames)
                m_finishCheckpoint.store(true); // only what came during this pass is left for the writer
            pass.unlock();
            lock.lock();
        }
    } catch (const std::exception &) {
        // Without checkpoints the WAL only grows; every commit is still durable.
    }
}

SqliteEventStore::~SqliteEventStore()
{
    {
        std::lock_guard lock(m_checkpointMutex);
        m_closing = true;
    }
    m_checkpointWake.notify_all();
    if (m_checkpointer.joinable())
        m_checkpointer.join();
    for (sqlite3_stmt *statement : {m_begin, m_commit, m_rollback, m_insert, m_dedupe})
        sqlite3_finalize(statement);
}

void SqliteEventStore::checkpointWal()
{
    int log = 0, copied = 0;
    if (sqlite3_wal_checkpoint_v2(m_db, nullptr, SQLITE_CHECKPOINT_PASSIVE, &log, &copied) == SQLITE_OK && log == copied)
        m_walFrames = 0;
}

void SqliteEventStore::step(sqlite3_stmt *statement, int expected)
{
    const int rc = sqlite3_step(statement);
    sqlite3_reset(statement);
    if (rc != expected)
        Poco::Data::SQLite::Utility::throwException(m_db, rc);
}

void SqliteEventStore::append(const std::vector<Event *> &batch)
{
    const auto text = [this](int index, const std::string &value) {
        // SQLITE_STATIC: the events outlive the statement's step.
        sqlite3_bind_text(m_insert, index, value.data(), static_cast<int>(value.size()), SQLITE_STATIC);
    };
    std::vector<const std::string *> batchKeys;
    Poco::Int64 next = m_nextId;
    step(m_begin, SQLITE_DONE);
    try {
        for (Event *e : batch) {
            e->id = 0;
            if (!e->dedupeKey.empty()) {
                bool seen = false;
                for (const std::string *key : batchKeys)
                    seen = seen || *key == e->dedupeKey;
                sqlite3_bind_text(m_dedupe, 1, e->dedupeKey.data(), static_cast<int>(e->dedupeKey.size()), SQLITE_STATIC);
                const int rc = sqlite3_step(m_dedupe);
                sqlite3_reset(m_dedupe);
                if (rc != SQLITE_ROW && rc != SQLITE_DONE)
                    Poco::Data::SQLite::Utility::throwException(m_db, rc);
                if (seen || rc == SQLITE_ROW)
                    continue;
                batchKeys.push_back(&e->dedupeKey);
            }
            if (!e->clickIdNonce.empty())
                e->clickId = clickid::make(next, e->clickIdNonce);
            sqlite3_bind_int64(m_insert, 1, next);
            sqlite3_bind_int(m_insert, 2, static_cast<int>(e->type));
            text(3, e->delivery);
            sqlite3_bind_int64(m_insert, 4, e->linkIndex);
            text(5, e->url);
            text(6, e->clickId);
            text(7, e->value);
            text(8, e->currency);
            text(9, e->conversion);
            sqlite3_bind_int64(m_insert, 10, e->timeMs);
            text(11, e->method);
            text(12, e->ip);
            text(13, e->userAgent);
            text(14, e->scanner);
            sqlite3_bind_int(m_insert, 15, e->head ? 1 : 0);
            sqlite3_bind_int64(m_insert, 16, e->ageSeconds);
            sqlite3_bind_int(m_insert, 17, e->appleMpp ? 1 : 0);
            if (e->dedupeKey.empty())
                sqlite3_bind_null(m_insert, 18);
            else
                text(18, e->dedupeKey);
            step(m_insert, SQLITE_DONE);
            e->id = next++;
        }
        step(m_commit, SQLITE_DONE);
        m_nextId = next;
    } catch (...) {
        for (Event *e : batch) {
            e->id = 0;
            if (!e->clickIdNonce.empty())
                e->clickId.clear();
        }
        sqlite3_step(m_rollback);
        sqlite3_reset(m_rollback);
        throw;
    }
}

void SqliteEventStore::maintain()
{
    // Under constant writes the background checkpoint never catches up, so the
    // WAL never starts over. Past maxWalFrames the writer checkpoints between
    // batches, once the last one is answered: no frame can be added meanwhile,
    // so it backfills everything and the next commit restarts the WAL. That
    // stalls the requests queued meanwhile for its syncs, so the writer wakes
    // the background pass and finishes only after it, when just the frames of
    // that pass's own duration are left to copy and sync. Past hardWalFrames
    // (the background pass cannot keep up) the writer waits for the pass in
    // progress and checkpoints regardless.
    const bool due = m_walFrames > maxWalFrames;
    if (!due) {
        if (m_finishCheckpoint.load())
            m_finishCheckpoint.store(false); // the WAL restarted after a complete background pass
    } else if (m_walFrames > hardWalFrames) {
        std::lock_guard pass(m_checkpointPass);
        checkpointWal();
    } else if (!m_finishCheckpoint.load()) {
        m_checkpointWake.notify_one();
    } else if (std::unique_lock pass(m_checkpointPass, std::try_to_lock); pass.owns_lock()) {
        m_finishCheckpoint.store(false);
        checkpointWal();
    }
}

std::vector<Event> SqliteEventStore::fetchAfter(std::int64_t after, std::size_t limit)
{
    Poco::Data::Session session = m_readers->get();
    Poco::Data::Statement select(session);
    Poco::Int64 cursor = after;
    Poco::Int64 max = static_cast<Poco::Int64>(limit);
    select << "SELECT " << eventColumns << " FROM events WHERE id > ? ORDER BY id LIMIT ?", use(cursor), use(max);
    return eventsOf(select);
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
    Poco::Data::Session session = m_readers->get();
    return findClickBy(session, std::string("SELECT ") + eventColumns + " FROM events WHERE id = ?", clickId);
}

std::size_t SqliteEventStore::purgeOlderThan(std::int64_t cutoffMs)
{
    Poco::Int64 cutoff = cutoffMs;
    Poco::Data::Statement del(m_writer);
    del << "DELETE FROM events WHERE time_ms < ?", use(cutoff);
    return del.execute();
}

} // namespace leadtrail::relay
