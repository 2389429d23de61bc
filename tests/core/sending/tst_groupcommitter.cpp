// The sender's group commit, on a real workspace database: every write is
// committed exactly once and is visible when commit() returns, from any
// number of threads; a commit that SQLite refuses (a deferred foreign key,
// checked only at COMMIT) rolls back the whole group and runs each caller's
// fallback alone.
#include "sending/campaignstore.h"
#include "sending/groupcommitter.h"
#include "store/workspace.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using namespace leadtrail;

namespace {

/** Runs @p sql on the calling thread's connection: inside a Write, the committer's. */
bool run(const Workspace &workspace, const QString &sql, const QVariantList &values = {}, QString *error = nullptr)
{
    QSqlQuery query(workspace.database());
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (query.exec())
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}

int count(const Workspace &workspace, const QString &sql)
{
    QSqlQuery query(workspace.database());
    return query.exec(sql) && query.next() ? query.value(0).toInt() : -1;
}

} // namespace

class TstGroupCommitter final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        m_workspace = Workspace::open(m_dir.filePath(u"ws%1"_s).arg(QDateTime::currentMSecsSinceEpoch()),
                                      Workspace::OpenMode::CreateIfMissing, &error);
        QVERIFY2(m_workspace, qPrintable(error));
        QVERIFY(run(*m_workspace, u"CREATE TABLE parent (id INTEGER PRIMARY KEY)"_s));
        QVERIFY(run(*m_workspace, u"CREATE TABLE child (id INTEGER PRIMARY KEY, note TEXT,"
                                  " parent INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)"_s));
        QVERIFY(run(*m_workspace, u"INSERT INTO parent (id) VALUES (1)"_s));
    }

    void cleanup() { m_workspace.reset(); }

    void everyWriteIsCommittedOnceAndVisibleOnReturn()
    {
        const Workspace &workspace = *m_workspace;
        constexpr int threads = 4, perThread = 300;
        std::atomic<int> notVisible{0}, failed{0};
        {
            GroupCommitter committer(workspace);
            const auto writer = [&](int t) {
                for (int i = 0; i < perThread; ++i) {
                    const int id = t * perThread + i + 1;
                    const GroupCommitter::Write write = [&](CampaignStore &, QString *error) {
                        return run(workspace, u"INSERT INTO child (id, note, parent) VALUES (?, ?, 1)"_s,
                                   {id, u"thread %1"_s.arg(t)}, error);
                    };
                    QString error;
                    if (!committer.commit(write, {}, &error))
                        ++failed;
                    // Committed means another connection (this thread's) sees it now.
                    if (count(workspace, u"SELECT count(*) FROM child WHERE id = %1"_s.arg(id)) != 1)
                        ++notVisible;
                }
                workspace.releaseThreadConnection();
            };
            std::vector<std::thread> pool;
            for (int t = 0; t < threads; ++t)
                pool.emplace_back(writer, t);
            for (std::thread &thread : pool)
                thread.join();
        }
        QCOMPARE(failed.load(), 0);
        QCOMPARE(notVisible.load(), 0);
        QCOMPARE(count(workspace, u"SELECT count(*) FROM child"_s), threads * perThread);
        QCOMPARE(count(workspace, u"SELECT count(DISTINCT id) FROM child"_s), threads * perThread);
        // The committer checkpointed the WAL back into the database as it went.
        QSqlQuery checkpoint(workspace.database());
        QVERIFY(checkpoint.exec(u"PRAGMA wal_checkpoint(PASSIVE)"_s) && checkpoint.next());
        QCOMPARE(checkpoint.value(0).toInt(), 0); // not busy
    }

    void aRefusedCommitRollsBackTheGroupAndRunsEachFallback()
    {
        const Workspace &workspace = *m_workspace;
        GroupCommitter committer(workspace);
        // A first write holds the committer until two more callers are queued
        // behind it, so that those two go out in one group.
        std::mutex mutex;
        std::condition_variable changed;
        bool holding = false, release = false;
        const GroupCommitter::Write hold = [&](CampaignStore &, QString *) {
            std::unique_lock lock(mutex);
            holding = true;
            changed.notify_all();
            changed.wait(lock, [&] { return release; });
            return true;
        };
        std::thread holder([&] { committer.commit(hold, {}, nullptr); });
        {
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] { return holding; });
        }

        bool goodCommitted = true, badCommitted = true;
        QString goodError, badError;
        std::thread good([&] {
            const GroupCommitter::Write write = [&](CampaignStore &, QString *error) {
                return run(workspace, u"INSERT INTO child (id, note, parent) VALUES (10, 'good', 1)"_s, {}, error);
            };
            const GroupCommitter::Fallback fallback = [&](CampaignStore &) {
                run(workspace, u"INSERT INTO child (id, note, parent) VALUES (11, 'good, alone', 1)"_s);
            };
            goodCommitted = committer.commit(write, fallback, &goodError);
        });
        std::thread bad([&] {
            // Accepted by the INSERT; the deferred key is checked at COMMIT.
            const GroupCommitter::Write write = [&](CampaignStore &, QString *error) {
                return run(workspace, u"INSERT INTO child (id, note, parent) VALUES (20, 'bad', 99)"_s, {}, error);
            };
            badCommitted = committer.commit(write, {}, &badError);
        });
        QTest::qWait(300); // both are queued behind the holder by now
        {
            const std::lock_guard lock(mutex);
            release = true;
        }
        changed.notify_all();
        holder.join();
        good.join();
        bad.join();

        QVERIFY(!badCommitted);
        QVERIFY(!goodCommitted); // same group: rolled back with it
        QVERIFY2(badError.contains(u"FOREIGN KEY"_s), qPrintable(badError));
        QCOMPARE(goodError, badError);
        QCOMPARE(count(workspace, u"SELECT count(*) FROM child WHERE id IN (10, 20)"_s), 0);
        QCOMPARE(count(workspace, u"SELECT count(*) FROM child WHERE id = 11"_s), 1); // the fallback, alone

        // And the committer goes on with the next group.
        const GroupCommitter::Write after = [&](CampaignStore &, QString *error) {
            return run(workspace, u"INSERT INTO child (id, note, parent) VALUES (30, 'after', 1)"_s, {}, error);
        };
        QString error;
        QVERIFY2(committer.commit(after, {}, &error), qPrintable(error));
        QCOMPARE(count(workspace, u"SELECT count(*) FROM child WHERE id = 30"_s), 1);
    }
};

QTEST_GUILESS_MAIN(TstGroupCommitter)
#include "tst_groupcommitter.moc"
