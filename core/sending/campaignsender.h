#pragma once

#include "campaign/mailtransport.h"
#include "sending/campaign.h"
#include "sending/deliveryrenderer.h"
#include "sending/delivery.h"
#include "sending/ratelimiter.h"
#include "sending/senderconfig.h"
#include "sending/sendprogress.h"
#include "store/lead.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <vector>

class QLockFile;

namespace leadtrail {

class CampaignStore;
class FinalDotJournal;
class GroupCommitter;
class Workspace;

/**
 * Sends one campaign: freezes its audience when it is a draft, then hands
 * each queued delivery to one of `connections` worker threads, each with its
 * own reused MailTransport and its own database connection for reading; their
 * writes go through one GroupCommitter (one thread, one connection, writes
 * that arrive together committed together). The object lives
 * in the GUI (or CLI) thread and never blocks it; progress and the end come
 * as signals.
 *
 * Bookkeeping of attempt n of one delivery, in this order:
 *  1. `sending`, attempts = n: a commit before MAIL FROM, with synchronous =
 *     NORMAL (it survives a crash or kill -9; a power cut may take it back,
 *     but only with every later commit, since SQLite's WAL keeps commits in
 *     order);
 *  2. (row, n) is written to the connection's FinalDotJournal and synced to
 *     disk (fdatasync) by the journal's thread while the envelope and the
 *     body go out, holding no database lock, so that connections sync in
 *     parallel; the final dot waits until that sync has finished;
 *  3. the final dot: only from here on may the server accept the message;
 *  4. the outcome, a commit: `sent`, `queued` again with attempts = n (a 4xx
 *     or connection trouble, with exponential backoff, up to maxAttempts),
 *     `failed` (5xx, with the server's text) or `unknown` (the connection
 *     died after the final dot);
 *  5. when a run ends: a commit synced to disk (the campaign's state, which
 *     syncs every commit before it), and only then, if no row is left
 *     `sending`, the journals are removed.
 * To save a commit per message, a worker records a delivery's outcome in the
 * same transaction that marks its next delivery `sending` (before that one's
 * MAIL FROM, so every step keeps its order); when no next delivery is ready
 * at once (none queued, a rate cap, a stop) the outcome is written alone
 * before the worker waits. The GroupCommitter may put the writes of several
 * workers in one transaction; each worker still waits for the commit of its
 * own, so the order above holds for every delivery. Without a rate cap a
 * worker takes and renders its next delivery while the server answers the
 * previous final dot; nothing of it is written before its step 1, and a stop
 * hands it back to the queue.
 *
 * The restart rule (CampaignStore::recoverInterrupted), run when a campaign
 * starts: a journaled delivery that is still `sending`, or `queued` with
 * fewer attempts than its highest journaled one, may have been accepted and
 * becomes `unknown`, never resent automatically; any other `sending` row is
 * queued again. A lock file in the workspace keeps a second sender (another
 * process) off the same campaign, so that rule only ever sees rows and
 * journals of a dead sender.
 *
 * Why no crash, kill -9 or power cut leads to a resend of a message the
 * server may have accepted: that takes step 3 for (row, n), so step 2 had
 * finished and (row, n) is in a journal on disk (a kill -9 loses no written
 * data, a power cut no synced data). The database then holds every commit
 * (kill -9) or every commit up to some point (power cut), so either
 *  - step 4 is there: `sent`, `failed` or `unknown`, never resent; or
 *    `queued` with attempts = n after an answer that the server did not take
 *    it, which is safe to retry as before;
 *  - step 4 is missing, step 1 is there: `sending`, journaled → unknown;
 *  - step 1 is missing too: the row still shows an earlier attempt, with
 *    fewer attempts than n → unknown.
 * Conversely a `sending` row the rule queues again has no journal record for
 * its attempt on disk: its sync never finished, so the dot never went out
 * and the server discarded the transaction. A record on disk does not prove
 * that the dot went out (the server may have refused the recipient, or the
 * sender died first); when the outcome is recorded that costs nothing, and
 * when it is not the row becomes `unknown` though nothing was sent: the
 * careful side, and at most one row per connection, since step 2 follows
 * the commit that recorded the connection's previous outcome. Journals disappear only after a commit
 * synced to disk that follows what they guard (step 5, or the rule's own
 * commit at the next start), so a power cut cannot bring back a row's
 * `sending` state without its journal. A row whose outcome could not be
 * written stays `sending` and keeps its journal for the next start.
 */
class CampaignSender final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CampaignSender)

public:
    using TransportFactory = std::function<std::unique_ptr<MailTransport>()>;

    /** Without a factory, each connection is an SmtpTransport over config.smtp. */
    CampaignSender(const Workspace &workspace, SenderConfig config, TransportFactory factory = {},
                   QObject *parent = nullptr);
    ~CampaignSender() override;

    /**
     * Starts (a draft: freezes it first) or resumes (paused, or interrupted) a
     * campaign. False with @p error when it cannot: unknown campaign, sent or
     * cancelled, another process sending it, no sender address.
     */
    bool start(qint64 campaignId, QString *error);
    /** Stops after the messages in flight and marks the campaign paused; drops a scheduled resume. */
    void pause(const QString &reason = {});
    /** Stops after the messages in flight and cancels the rest; drops a scheduled resume. */
    void cancel();
    bool isRunning() const { return !m_threads.empty(); }
    /**
     * True after the daily cap paused the campaign: this sender starts it
     * again by itself when the day's window has room (resumeScheduled says
     * when), as long as the object lives and nobody paused or cancelled it.
     */
    bool isResumeScheduled() const { return m_resumeTimer.isActive(); }

    SendProgress progress() const { return m_progress; }
    /** "sent 120/1000 · failed 3 · unknown 0 · remaining 877 · 540/min · ETA 1m37s" */
    static QString progressLine(const SendProgress &progress);

    /**
     * Sends campaign @p campaignId once to @p to, merged with @p lead (or with
     * empty fields), subject marked "[Test]". Not a delivery: nothing is
     * stored and the campaign's counts do not change. Blocks; a GUI runs it
     * in a worker.
     */
    static MailTransport::Result sendTest(const Workspace &workspace, const SenderConfig &config,
                                          MailTransport &transport, qint64 campaignId, const QString &to,
                                          const std::optional<Lead> &lead, QString *error);

signals:
    void progressChanged(const leadtrail::SendProgress &progress);
    /** The workers have stopped; @p state is the campaign's state now, @p message why. */
    void finished(qint64 campaignId, leadtrail::CampaignState state, const QString &message);
    /** The daily cap paused the campaign; it starts again by itself at @p at. Emitted before finished(). */
    void resumeScheduled(qint64 campaignId, const QDateTime &at);

private:
    enum class StopReason { None, Done, Pause, Cancel, External };

    /** A delivery and its lead, read with its batch, and its message once prepared. */
    struct Job
    {
        Delivery delivery;
        Lead lead;
        bool prepared = false;
        std::optional<DeliveryRenderer::Rendered> rendered; ///< when prepared and it could be rendered
        QString renderError;                                ///< when prepared and it could not
    };
    /** A delivery's SMTP result, not yet written to the database. */
    struct Outcome
    {
        qint64 rowId = 0;
        int attempt = 0;
        MailTransport::Result result;
        qint64 atMs = 0;
    };

    /** One connection's loop; @p connection numbers its final-dot journal. */
    void work(int connection);
    std::optional<Job> takeJob(CampaignStore &store, qint64 *waitMs);
    void finishJob(qint64 rowId);
    /** Renders @p job's message (signed links, MIME), or says why it cannot be. */
    void prepare(Job &job) const;
    /**
     * Marks @p job `sending` (committed together with @p previous, the
     * worker's unwritten outcome, which is then written and finished) and
     * sends it. Its outcome, to be written; nullopt when nothing was sent.
     */
    std::optional<Outcome> sendOne(const Job &job, std::optional<Outcome> previous, MailTransport &transport,
                                   FinalDotJournal &journal);
    void recordOutcome(const Outcome &outcome, CampaignStore &store);
    void requestStop(StopReason reason, const QString &message);
    void poll();
    void wrapUp();
    void resumeAfterDailyCap();

    const Workspace &m_workspace;
    SenderConfig m_config;
    TransportFactory m_factory;
    qint64 m_campaignId = 0;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<DeliveryRenderer> m_renderer;
    bool m_clickIds = true; ///< the campaign's choice: click ids in its redirects
    std::unique_ptr<GroupCommitter> m_committer; ///< the workers' writes, while they run
    std::vector<std::thread> m_threads;
    QTimer m_pollTimer;
    QTimer m_resumeTimer;

    // Shared with the workers, under m_mutex.
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::unique_ptr<RateLimiter> m_limiter;
    std::deque<Job> m_queue;
    std::set<qint64> m_claimed;
    qint64 m_lastStateCheck = 0;
    int m_connectionFailures = 0;
    StopReason m_stopReason = StopReason::None;
    QString m_stopMessage;
    qint64 m_dailyCapWaitMs = -1; ///< set when the daily cap stopped the workers: how long until it has room
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_working{0};

    SendProgress m_progress;
    std::deque<std::pair<qint64, qint64>> m_rateSamples; ///< (ms, sent)
};

} // namespace leadtrail
