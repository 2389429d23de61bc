#pragma once

#include "insight/hotleadalert.h"
#include "insight/insightconfig.h"
#include "insight/syncstate.h"

#include <QObject>
#include <QThread>

namespace leadtrail {

class Workspace;

/**
 * Syncing with the relay and settling what it brought, on a thread of its
 * own, so a window never stalls while a page of events is written. The
 * RelayPoller and the InsightEngine live on that thread and use its own
 * database connection (Workspace gives one per thread); the owner asks by
 * queued calls and hears back by signals, which reach its thread queued.
 *
 * The owner's thread sees a consistent picture: state(), isRunning() and
 * isPaired() are what the last signals said, updated before any other
 * receiver of those signals runs. The workspace must outlive this object.
 */
class BackgroundSync final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackgroundSync)

public:
    BackgroundSync(const Workspace &workspace, InsightConfig config, QObject *parent = nullptr);
    /** Stops any sync, closes the thread's connection and waits for the thread to end. */
    ~BackgroundSync() override;

    /**
     * Reads the relay settings again and pulls new events until caught up
     * (starting over if a sync is under way), then settles. Not paired: only
     * settles. Ends with finished().
     */
    void syncNow();
    /** Settles events whose window has passed; ends with settled() or settleFailed(). */
    void settleNow();
    /**
     * Uses @p config from now on. When it scores differently (weights, decay,
     * thresholds), every lead is scored again at once; ends with rescored()
     * or settleFailed().
     */
    void setConfig(InsightConfig config);

    bool isRunning() const { return m_running; }
    bool isPaired() const { return m_paired; }
    SyncState state() const { return m_state; }

signals:
    void stateChanged(const leadtrail::SyncState &state);
    /**
     * The latest sync asked for ended (ok: up to date) and what it brought
     * was settled. A run replaced by a newer syncNow() does not report.
     */
    void finished(bool ok);
    /** A settle ran; @p events had their verdict set or changed. */
    void settled(int events);
    void settleFailed(const QString &error);
    /** After a scoring change, @p leads were scored again with the new config (the hot list may differ). */
    void rescored(int leads);
    void hotLeadAlert(const leadtrail::HotLeadAlert &alert);
    /** Whether the workspace is paired with a relay, as the last sync found it. */
    void pairingChecked(bool paired);

private:
    class Worker;
    /** On the owner's thread: a run ended; only the latest one requested counts. */
    void runFinished(bool ok, quint64 run);

    QThread m_thread;
    Worker *m_worker = nullptr; ///< lives on m_thread; deleted after it ended
    SyncState m_state;
    quint64 m_requestedRun = 0; ///< the number of the latest syncNow()
    bool m_running = false;
    bool m_paired = false;
};

} // namespace leadtrail
