#pragma once

#include <QString>

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace leadtrail {

class CampaignStore;
class Workspace;

/**
 * The sending connections' bookkeeping writes, run on one thread with one
 * database connection: writes that arrive while a commit is under way wait
 * and then go out together in the next transaction (group commit). Each
 * caller still returns only once its own write is committed, so what it
 * does next (a MAIL FROM) follows that commit as before.
 *
 * Why: with one connection per sending thread, each commit invalidated the
 * other connections' page caches, so every write started by reading its
 * pages again; each commit wrote the same table and index pages as its
 * neighbours; and writers that met inside SQLite slept in its busy handler
 * (1 ms, then 2, 5, 10 ms…), a fifth of the senders' time. Four connections'
 * marks now share one transaction and one set of pages, and nobody sleeps.
 *
 * The thread also checkpoints the WAL (every checkpointIntervalMs while it
 * writes, RESTART so the WAL starts again from its beginning), in place of
 * SQLite's automatic checkpoint, which ran on nearly every commit once
 * readers had kept the WAL past its limit.
 */
class GroupCommitter final
{
public:
    /** Statements of one caller, run inside the group's transaction; false with @p error when its own write failed. */
    using Write = std::function<bool(CampaignStore &store, QString *error)>;
    /** Run alone (autocommit) when the group's commit failed and @p Write was rolled back. */
    using Fallback = std::function<void(CampaignStore &store)>;

    static constexpr int checkpointIntervalMs = 100;

    explicit GroupCommitter(const Workspace &workspace);
    /** Runs what is queued, then stops the thread. */
    ~GroupCommitter();
    GroupCommitter(const GroupCommitter &) = delete;
    GroupCommitter &operator=(const GroupCommitter &) = delete;

    /**
     * Runs @p write in the next group transaction and waits for its commit.
     * True when @p write succeeded and is committed. When the commit fails,
     * every write of the group is rolled back, each caller's @p fallback (if
     * any) runs alone, and this returns false with the database's reason.
     */
    bool commit(const Write &write, const Fallback &fallback, QString *error);
    /**
     * Runs @p write in the next group and, should that group's commit fail,
     * once more alone, so that what it records is not lost (an outcome).
     */
    void commitOrAlone(const Fallback &write);

private:
    struct Request
    {
        const Write *write = nullptr;
        const Fallback *fallback = nullptr;
        bool done = false;
        bool ok = false;
        QString error;
    };

    void run();

    const Workspace &m_workspace;
    std::mutex m_mutex;
    std::condition_variable m_wake; ///< the committer: requests queued, or stop
    std::condition_variable m_done; ///< the callers: a group committed
    std::vector<Request *> m_queue;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace leadtrail
