#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

namespace leadtrail {

/**
 * The final-dot journal of one sending connection: an append-only file of
 * (delivery row, attempt) records, each synced to disk (fdatasync) before the
 * connection writes the final dot of that attempt's DATA. It is what the
 * restart rule trusts to tell a message the server may have accepted from
 * one it cannot have; CampaignSender explains the ordering.
 *
 * Why a file and not a database row: every connection syncs its own file in
 * parallel and holds no SQLite write lock while the disk works, where a
 * FULL-synced commit per message serialised all connections behind one lock.
 *
 * Records are fixed-size (row id, attempt, CRC-32 of both) in a file
 * preallocated with zeros, so syncing a record writes one data block and no
 * file metadata. A power cut can only tear the record whose sync had not
 * finished, and that record's dot never went out: readers ignore a bad or
 * partial record at the end. A bad record followed by good ones is damage
 * that no crash produces, and reading refuses it.
 *
 * The sync need not wait at the dot: write() puts a record in the file and
 * wakes the journal's own sync thread, which runs fdatasync while the
 * connection sends the envelope and the body; waitSynced() at the dot then
 * mostly finds it done. (The sync was a third of a connection's time.)
 *
 * A writer is owned by one connection thread. The static functions find,
 * read and remove the journals of a campaign in a workspace folder
 * (`sending/campaign-<id>-<connection>.journal`).
 */
class FinalDotJournal final
{
    Q_DECLARE_TR_FUNCTIONS(FinalDotJournal)
    Q_DISABLE_COPY_MOVE(FinalDotJournal)

public:
    /** Per delivery row, the highest attempt whose final dot may have gone out. */
    using Attempts = std::map<qint64, int>;

    static constexpr int RecordSize = 16;

    static QString path(const QString &workspaceFolder, qint64 campaignId, int connection);

    FinalDotJournal() = default;
    ~FinalDotJournal();

    /** Creates (or empties) the journal at @p path; the file and its folder entry are on disk when this returns true. */
    bool open(const QString &path, QString *error);
    /** Writes one record and syncs it to disk. Only after true may the final dot of this attempt go out. */
    bool append(qint64 rowId, int attempt, QString *error);
    /** Writes one record and has it synced in the background; waitSynced() says when it is on disk. */
    bool write(qint64 rowId, int attempt, QString *error);
    /**
     * Waits until every record written so far is on disk. Only after true may
     * the final dot of their attempts go out. Once a sync failed, it always
     * fails: after an I/O error, a later fdatasync may succeed without the
     * lost data.
     */
    bool waitSynced(QString *error);

    /** Every journal of @p campaignId under @p workspaceFolder, merged; nullopt with @p error when one is damaged or unreadable. */
    static std::optional<Attempts> readAll(const QString &workspaceFolder, qint64 campaignId, QString *error);
    /** The records of one journal's bytes; @p name is for the error message. */
    static std::optional<Attempts> parse(const QByteArray &bytes, const QString &name, QString *error);
    /**
     * Removes every journal of @p campaignId, durably. Only call it once what
     * they say is settled in the database and synced to disk.
     */
    static bool removeAll(const QString &workspaceFolder, qint64 campaignId, QString *error);
    /** The bytes of one record, as append() writes them. */
    static QByteArray record(qint64 rowId, int attempt);

private:
    bool grow(QString *error);
    QString failure(const QString &what) const;
    void syncLoop();
    void stopSyncing();

    int m_fd = -1;
    QString m_path;
    qint64 m_records = 0;  ///< records written
    qint64 m_capacity = 0; ///< records the preallocated zeros have room for

    // With the sync thread, under m_mutex.
    std::thread m_syncer;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    qint64 m_written = 0; ///< records written, as the sync thread sees them
    qint64 m_synced = 0;  ///< records known to be on disk
    int m_syncErrno = 0;  ///< the first failed sync's errno, or 0
    bool m_stop = false;
};

} // namespace leadtrail
