#include "sending/groupcommitter.h"

#include "sending/campaignstore.h"
#include "store/workspace.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <chrono>

using namespace Qt::StringLiterals;

namespace leadtrail {

GroupCommitter::GroupCommitter(const Workspace &workspace)
    : m_workspace(workspace)
{
    m_thread = std::thread([this] { run(); });
}

GroupCommitter::~GroupCommitter()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

bool GroupCommitter::commit(const Write &write, const Fallback &fallback, QString *error)
{
    Request request;
    request.write = &write;
    request.fallback = fallback ? &fallback : nullptr;
    std::unique_lock lock(m_mutex);
    m_queue.push_back(&request);
    m_wake.notify_one();
    m_done.wait(lock, [&] { return request.done; });
    if (!request.ok && error)
        *error = request.error;
    return request.ok;
}

void GroupCommitter::commitOrAlone(const Fallback &write)
{
    commit(
        [&](CampaignStore &store, QString *) {
            write(store);
            return true;
        },
        write, nullptr);
}

void GroupCommitter::run()
{
    {
        QSqlDatabase db = m_workspace.database();
        CampaignStore store(m_workspace);
        QSqlQuery pragma(db);
        pragma.exec(u"PRAGMA wal_autocheckpoint = 0"_s); // checkpoint() below does it
        const auto checkpoint = [&] {
            // A reader still on an old snapshot holds a RESTART up; it must not
            // hold the senders up for the connection's whole busy timeout.
            pragma.exec(u"PRAGMA busy_timeout = 20"_s);
            pragma.exec(u"PRAGMA wal_checkpoint(RESTART)"_s);
            pragma.exec(u"PRAGMA busy_timeout = 10000"_s);
            pragma.finish();
        };
        auto lastCheckpoint = std::chrono::steady_clock::now();
        bool wroteSinceCheckpoint = false;

        std::vector<Request *> group;
        std::unique_lock lock(m_mutex);
        while (true) {
            m_wake.wait(lock, [this] { return m_stop || !m_queue.empty(); });
            if (m_queue.empty())
                break; // stopping, and nothing left to write
            group.swap(m_queue);
            lock.unlock();

            const bool began = db.transaction();
            for (Request *request : group)
                request->ok = (*request->write)(store, &request->error);
            // Without a transaction each statement committed by itself: nothing to undo.
            if (began && !db.commit()) {
                const QString reason = u"cannot commit: "_s + db.lastError().text();
                db.rollback();
                for (Request *request : group) {
                    request->ok = false;
                    request->error = reason;
                    if (request->fallback)
                        (*request->fallback)(store);
                }
            }
            wroteSinceCheckpoint = true;

            lock.lock();
            for (Request *request : group)
                request->done = true;
            group.clear();
            m_done.notify_all();
            lock.unlock();

            const auto now = std::chrono::steady_clock::now();
            if (now - lastCheckpoint >= std::chrono::milliseconds(checkpointIntervalMs)) {
                checkpoint();
                lastCheckpoint = now;
                wroteSinceCheckpoint = false;
            }
            lock.lock();
        }
        lock.unlock();
        if (wroteSinceCheckpoint)
            checkpoint();
    }
    m_workspace.releaseThreadConnection();
}

} // namespace leadtrail
