#pragma once

#include "eventstore.h"

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include <Poco/Data/Session.h>
#include <Poco/Data/SessionPool.h>

struct sqlite3;
struct sqlite3_stmt;

namespace leadtrail::relay {

/**
 * EventStore on one SQLite file in WAL mode: a dedicated write connection
 * (used by the writer thread only) and a pool of read connections, so API
 * polls never wait for a commit and a commit never waits for a poll. The
 * group commit runs on statements prepared once, on the write session's own
 * sqlite3 handle: Poco::Data's generic binding cost more per row than SQLite.
 * WAL checkpoints (which fsync) run on a background connection, never inside
 * a group commit, where they stalled every waiting request.
 */
class SqliteEventStore final : public EventStore
{
public:
    /** Opens or creates the database; synchronous is "full" or "normal". Throws on failure. */
    explicit SqliteEventStore(const std::string &path, const std::string &synchronous = "normal");
    ~SqliteEventStore() override;
    SqliteEventStore(const SqliteEventStore &) = delete;
    SqliteEventStore &operator=(const SqliteEventStore &) = delete;

    void append(const std::vector<Event *> &batch) override;
    void maintain() override;
    std::vector<Event> fetchAfter(std::int64_t after, std::size_t limit) override;
    std::int64_t lastId() override;
    std::optional<Event> findClick(std::string_view clickId) override;
    std::size_t purgeOlderThan(std::int64_t cutoffMs) override;

private:
    void step(sqlite3_stmt *statement, int expected);
    void checkpointLoop(std::string path);
    /** Writer thread, holding m_checkpointPass: backfills the whole WAL so the next commit restarts it. */
    void checkpointWal();

    Poco::Data::Session m_writer;
    sqlite3 *m_db = nullptr; ///< owned by m_writer
    sqlite3_stmt *m_begin = nullptr;
    sqlite3_stmt *m_commit = nullptr;
    sqlite3_stmt *m_rollback = nullptr;
    sqlite3_stmt *m_insert = nullptr;
    sqlite3_stmt *m_dedupe = nullptr;
    std::unique_ptr<Poco::Data::SessionPool> m_readers;
    std::int64_t m_nextId = 1; ///< touched by the writer thread only
    int m_walFrames = 0;       ///< WAL size after the last commit (writer thread only)
    /** Set by the background pass when the WAL is due for a restart and it has copied nearly all of it. */
    std::atomic<bool> m_finishCheckpoint{false};
    std::mutex m_checkpointMutex;
    std::mutex m_checkpointPass; ///< held by whichever thread is checkpointing
    std::condition_variable m_checkpointWake;
    bool m_closing = false;
    std::thread m_checkpointer;
};

} // namespace leadtrail::relay
