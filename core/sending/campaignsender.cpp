#include "sending/campaignsender.h"

#include "campaign/smtptransport.h"
#include "protocol/token.h"
#include "sending/campaignstore.h"
#include "sending/deliveryleads.h"
#include "sending/deliveryrenderer.h"
#include "sending/finaldotjournal.h"
#include "sending/groupcommitter.h"
#include "campaign/signedtrackinglinks.h"
#include "store/lead.h"
#include "store/workspace.h"

#include <QDateTime>
#include <QDir>
#include <QLockFile>
#include <QSqlDatabase>
#include <QSqlError>

#include <chrono>

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

/** Leads, deliveries and campaigns are re-read at most this often for outside changes (a pause from the CLI). */
constexpr qint64 stateCheckIntervalMs = 300;
constexpr int batchSize = 64;

QString lockPath(const Workspace &workspace, qint64 campaignId)
{
    return QDir(workspace.folder()).filePath(u"campaign-%1.send.lock"_s.arg(campaignId));
}

std::optional<MimeBuilder::Mailbox> senderOf(const Campaign &campaign, const SenderConfig &config, QString *error)
{
    MimeBuilder::Mailbox from{campaign.fromName.isEmpty() ? config.senderName : campaign.fromName,
                              campaign.fromEmail.isEmpty() ? config.senderEmail : campaign.fromEmail};
    if (from.address.isEmpty()) {
        if (error)
            *error = u"the campaign has no sender address: give it --from-email or set sender.email"_s;
        return std::nullopt;
    }
    return from;
}

} // namespace

CampaignSender::CampaignSender(const Workspace &workspace, SenderConfig config, TransportFactory factory,
                               QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_config(std::move(config))
    , m_factory(std::move(factory))
{
    if (!m_factory) {
        m_factory = [smtp = m_config.smtp] { return std::make_unique<SmtpTransport>(smtp); };
    }
    m_pollTimer.setInterval(250);
    connect(&m_pollTimer, &QTimer::timeout, this, &CampaignSender::poll);
    m_resumeTimer.setSingleShot(true);
    m_resumeTimer.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_resumeTimer, &QTimer::timeout, this, &CampaignSender::resumeAfterDailyCap);
}

CampaignSender::~CampaignSender()
{
    if (isRunning()) {
        requestStop(StopReason::Pause, u"the program stopped while sending"_s);
        for (std::thread &thread : m_threads)
            thread.join();
        m_threads.clear();
        m_committer.reset();
        // Only if still sending, as in wrapUp(): a cancel from elsewhere stays.
        CampaignStore(m_workspace).setState(m_campaignId, CampaignState::Paused, m_stopMessage, nullptr,
                                            CampaignState::Sending);
    }
}

bool CampaignSender::start(qint64 campaignId, QString *error)
{
    const auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        m_lock.reset();
        return false;
    };
    if (isRunning())
        return fail(u"already sending campaign %1"_s.arg(m_campaignId));
    m_lock = std::make_unique<QLockFile>(lockPath(m_workspace, campaignId));
    // Only a live process's lock counts; QLockFile takes over one left by a dead one.
    m_lock->setStaleLockTime(0);
    if (!m_lock->tryLock(0)) {
        qint64 pid = 0;
        QString host, app;
        m_lock->getLockInfo(&pid, &host, &app);
        return fail(u"campaign %1 is being sent by another process (pid %2)"_s.arg(campaignId).arg(pid));
    }

    CampaignStore store(m_workspace);
    std::optional<Campaign> campaign = store.find(campaignId);
    if (!campaign)
        return fail(u"no campaign with id %1"_s.arg(campaignId));
    const std::optional<MimeBuilder::Mailbox> from = senderOf(*campaign, m_config, error);
    if (!from)
        return fail(*error);
    if (campaign->state == CampaignState::Sent || campaign->state == CampaignState::Cancelled)
        return fail(u"campaign %1 is %2; there is nothing to send"_s.arg(campaignId).arg(
            Campaign::stateName(campaign->state)));
    {
        // What fails for one recipient because of the campaign or the settings
        // (relay URL, sender, template) fails for all: find out before the
        // audience is frozen, not by failing every delivery.
        const DeliveryRenderer preflight(*campaign, *from, store.customFieldNames());
        SignedTrackingLinks links(m_config.relayUrl, protocol::DeliveryId::random(), m_config.signingKey,
                                  nowMs() / 1000);
        links.setClickIds(campaign->clickIds);
        Lead sample;
        sample.email = from->address;
        QString why;
        if (!preflight.render(sample, from->address, links, &why))
            return fail(u"campaign %1 cannot be rendered: %2"_s.arg(campaignId).arg(why));
    }
    switch (campaign->state) {
    case CampaignState::Sent:
    case CampaignState::Cancelled:
        break; // handled above
    case CampaignState::Draft: {
        QString message;
        if (!store.freeze(campaignId, &message))
            return fail(message);
        break;
    }
    case CampaignState::Paused:
    case CampaignState::Sending: {
        QString message;
        if (!store.setState(campaignId, CampaignState::Sending, QString(), &message))
            return fail(message);
        break;
    }
    }
    // We hold the lock, so any row in `sending` and any journal belong to a sender that died.
    QString message;
    const std::optional<FinalDotJournal::Attempts> journaled =
        FinalDotJournal::readAll(m_workspace.folder(), campaignId, &message);
    if (!journaled)
        return fail(message);
    const std::optional<CampaignStore::Recovery> recovery = store.recoverInterrupted(campaignId, *journaled, &message);
    if (!recovery)
        return fail(message);
    // Settled and synced: the journals have said what they had to.
    if (!FinalDotJournal::removeAll(m_workspace.folder(), campaignId, &message))
        return fail(message);
    if (recovery->requeued || recovery->unknown)
        qInfo("campaign %lld: after an interrupted run, %d deliveries queued again, %d marked unknown",
              campaignId, recovery->requeued, recovery->unknown);

    campaign = store.find(campaignId);
    m_campaignId = campaignId;
    m_renderer = std::make_unique<DeliveryRenderer>(*campaign, *from, store.customFieldNames());
    m_clickIds = campaign->clickIds;
    m_limiter = std::make_unique<RateLimiter>(
        m_config.limits,
        m_config.limits.any() ? store.sentSince(fromMs(nowMs() - m_config.limits.dayMs)) : QList<qint64>());
    m_queue.clear();
    m_claimed.clear();
    m_lastStateCheck = nowMs();
    m_connectionFailures = 0;
    m_stopReason = StopReason::None;
    m_stopMessage.clear();
    m_dailyCapWaitMs = -1;
    m_resumeTimer.stop();
    m_stop = false;
    m_rateSamples.clear();
    m_progress = {};
    m_progress.campaignId = campaignId;

    const int connections = std::max(m_config.connections, 1);
    m_working = connections;
    m_committer = std::make_unique<GroupCommitter>(m_workspace);
    for (int i = 0; i < connections; ++i)
        m_threads.emplace_back([this, i] { work(i); });
    m_pollTimer.start();
    poll();
    return true;
}

void CampaignSender::pause(const QString &reason)
{
    m_resumeTimer.stop();
    {
        std::lock_guard lock(m_mutex);
        m_dailyCapWaitMs = -1; // the user's pause wins over tomorrow's resume
    }
    requestStop(StopReason::Pause, reason.isEmpty() ? u"paused by the user"_s : reason);
}

void CampaignSender::cancel()
{
    if (m_resumeTimer.isActive() && !isRunning()) {
        // Paused at the daily cap, waiting for tomorrow: cancel what is left now.
        m_resumeTimer.stop();
        QString error;
        CampaignStore store(m_workspace);
        store.cancel(m_campaignId, &error);
        const std::optional<Campaign> campaign = store.find(m_campaignId);
        emit finished(m_campaignId, campaign ? campaign->state : CampaignState::Cancelled,
                      error.isEmpty() ? u"cancelled by the user"_s : error);
        return;
    }
    m_resumeTimer.stop();
    requestStop(StopReason::Cancel, u"cancelled by the user"_s);
}

void CampaignSender::resumeAfterDailyCap()
{
    const std::optional<Campaign> campaign = CampaignStore(m_workspace).find(m_campaignId);
    if (!campaign || campaign->state != CampaignState::Paused)
        return; // resumed, cancelled or sent by someone else meanwhile
    QString error;
    if (!start(m_campaignId, &error))
        emit finished(m_campaignId, CampaignState::Paused, u"could not resume after the daily cap: "_s + error);
}

void CampaignSender::requestStop(StopReason reason, const QString &message)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopReason == StopReason::None) {
            m_stopReason = reason;
            m_stopMessage = message;
        }
    }
    m_stop = true;
    m_wake.notify_all();
}

std::optional<CampaignSender::Job> CampaignSender::takeJob(CampaignStore &store, qint64 *waitMs)
{
    std::lock_guard lock(m_mutex);
    *waitMs = 0;
    const qint64 now = nowMs();
    if (now - m_lastStateCheck >= stateCheckIntervalMs) {
        // Another process (leadtrail-cli campaign pause|cancel) may have changed the campaign.
        m_lastStateCheck = now;
        const std::optional<Campaign> campaign = store.find(m_campaignId);
        if (!campaign || campaign->state != CampaignState::Sending) {
            if (m_stopReason == StopReason::None) {
                m_stopReason = StopReason::External;
                m_stopMessage = campaign ? campaign->stateMessage : QString();
            }
            m_stop = true;
            m_wake.notify_all();
            return std::nullopt;
        }
    }
    if (m_queue.empty()) {
        QList<Delivery> batch;
        for (Delivery &delivery : store.due(m_campaignId, fromMs(now), batchSize + int(m_claimed.size()))) {
            if (!m_claimed.count(delivery.rowId))
                batch.append(std::move(delivery));
        }
        QHash<qint64, Lead> leads = DeliveryLeads::read(m_workspace, batch);
        for (Delivery &delivery : batch) {
            Lead lead = leads.take(delivery.rowId);
            Job job;
            job.delivery = std::move(delivery);
            job.lead = std::move(lead);
            m_queue.push_back(std::move(job));
        }
    }
    if (m_queue.empty()) {
        if (m_claimed.empty()) {
            const QDateTime next = store.nextDue(m_campaignId);
            if (!next.isValid()) { // nothing queued, nothing in flight: the campaign is done
                if (m_stopReason == StopReason::None)
                    m_stopReason = StopReason::Done;
                m_stop = true;
                m_wake.notify_all();
                return std::nullopt;
            }
            *waitMs = std::clamp<qint64>(next.toMSecsSinceEpoch() - now, 1, 200);
        } else {
            *waitMs = 50; // retries may come back from the deliveries in flight
        }
        return std::nullopt;
    }
    Job job = std::move(m_queue.front());
    m_queue.pop_front();
    m_claimed.insert(job.delivery.rowId);
    return job;
}

void CampaignSender::finishJob(qint64 rowId)
{
    std::lock_guard lock(m_mutex);
    m_claimed.erase(rowId);
    m_limiter->release(nowMs());
}

void CampaignSender::work(int connection)
{
    FinalDotJournal journal;
    QString journalError;
    if (!journal.open(FinalDotJournal::path(m_workspace.folder(), m_campaignId, connection), &journalError))
        requestStop(StopReason::Pause, journalError); // without it no final dot may go out
    std::unique_ptr<MailTransport> transport = m_factory();
    // Scoped: its prepared statements must be gone before the connection is released.
    std::optional<CampaignStore> ownStore(std::in_place, m_workspace);
    CampaignStore &store = *ownStore;
    // The last delivery's outcome, written with the next delivery's `sending`
    // or, before this worker waits or stops, alone.
    std::optional<Outcome> pending;
    const auto writePending = [&] {
        if (!pending)
            return;
        m_committer->commitOrAlone([&](CampaignStore &bookkeeping) { recordOutcome(*pending, bookkeeping); });
        finishJob(pending->rowId);
        pending.reset();
        m_wake.notify_all();
    };
    // The next job, taken and rendered while the server was answering the
    // previous message's final dot, when nothing caps the rate (under a cap
    // it could wait long enough for its Date to be stale). Rendering was a
    // third of a connection's running time, spent while the server idled.
    std::optional<Job> ahead;
    if (!m_config.limits.any()) {
        transport->setAwaitingReply([&] {
            qint64 ignored = 0;
            if (!ahead && !m_stop && (ahead = takeJob(store, &ignored)))
                prepare(*ahead);
        });
    }
    // A job taken but not sent goes back: it is still queued in the database.
    const auto giveBack = [&](std::optional<Job> &taken) {
        if (!taken)
            return;
        std::lock_guard lock(m_mutex);
        m_claimed.erase(taken->delivery.rowId);
        taken.reset();
    };
    while (!m_stop) {
        qint64 waitMs = 0;
        std::optional<Job> job;
        if (ahead)
            job.swap(ahead);
        else
            job = takeJob(store, &waitMs);
        if (!job) {
            writePending();
            std::unique_lock lock(m_mutex);
            m_wake.wait_for(lock, std::chrono::milliseconds(waitMs), [this] { return m_stop.load(); });
            continue;
        }
        const qint64 rowId = job->delivery.rowId;
        // A slot under the rate caps, or a pause at the day's cap.
        bool granted = false;
        while (!m_stop) {
            std::unique_lock lock(m_mutex);
            const RateLimiter::Decision decision = m_limiter->acquire(nowMs());
            if (decision.granted) {
                granted = true;
                break;
            }
            if (pending) { // about to wait: the outcome must not wait with us
                lock.unlock();
                writePending();
                continue;
            }
            if (decision.dailyCap) {
                const QDateTime resume = QDateTime::currentDateTime().addMSecs(decision.waitMs);
                if (m_stopReason == StopReason::None)
                    m_dailyCapWaitMs = decision.waitMs;
                lock.unlock();
                requestStop(StopReason::Pause,
                            u"the daily cap of %1 messages is reached; sending can go on from %2, "
                            "or resume it now with: leadtrail-cli campaign resume %3"_s
                                .arg(m_config.limits.perDay)
                                .arg(resume.toString(u"yyyy-MM-dd HH:mm"_s))
                                .arg(m_campaignId));
                break;
            }
            m_wake.wait_for(lock, std::chrono::milliseconds(std::min<qint64>(decision.waitMs, 200)),
                            [this] { return m_stop.load(); });
        }
        if (!granted) {
            writePending();
            giveBack(ahead);
            giveBack(job); // the next run takes it
            break;
        }
        if (!job->prepared)
            prepare(*job);
        pending = sendOne(*job, std::move(pending), *transport, journal);
        if (!pending) {
            finishJob(rowId);
            m_wake.notify_all();
        }
    }
    writePending();
    giveBack(ahead);
    transport->setAwaitingReply({});
    transport->close();
    ownStore.reset();
    m_workspace.releaseThreadConnection();
    --m_working;
}

void CampaignSender::prepare(Job &job) const
{
    const Delivery &delivery = job.delivery;
    const std::optional<protocol::DeliveryId> id = protocol::DeliveryId::fromHex(delivery.deliveryId.toStdString());
    if (id) {
        SignedTrackingLinks links(m_config.relayUrl, *id, m_config.signingKey, nowMs() / 1000);
        links.setClickIds(m_clickIds);
        job.rendered = m_renderer->render(job.lead, delivery.email, links, &job.renderError);
    } else {
        job.renderError = u"the delivery id \"%1\" is damaged"_s.arg(delivery.deliveryId);
    }
    job.prepared = true;
}

std::optional<CampaignSender::Outcome> CampaignSender::sendOne(const Job &job, std::optional<Outcome> previous,
                                                             MailTransport &transport, FinalDotJournal &journal)
{
    const Delivery &delivery = job.delivery;
    const std::optional<DeliveryRenderer::Rendered> &rendered = job.rendered;
    QString error = job.renderError;

    // queued → sending, committed before the server hears anything; in the
    // same transaction as the previous delivery's outcome, when there is one.
    const QString messageId = rendered ? rendered->messageId : QString();
    const auto record = [&](CampaignStore &bookkeeping) {
        if (previous)
            recordOutcome(*previous, bookkeeping);
    };
    // When the commit fails, this delivery must not reach the server (its
    // mark is not durable), and the previous outcome is written alone so that
    // it is not lost.
    const bool marked = m_committer->commit(
        [&](CampaignStore &bookkeeping, QString *why) {
            record(bookkeeping);
            return bookkeeping.markSending(delivery.rowId, messageId, why);
        },
        record, &error);
    if (previous) {
        finishJob(previous->rowId);
        m_wake.notify_all();
    }
    if (!marked) {
        // Taken or cancelled meanwhile; nothing was sent.
        qInfo("delivery %lld skipped: %s", delivery.rowId, qPrintable(error));
        return std::nullopt;
    }
    if (!rendered) {
        const QString reason = u"cannot render the message: "_s + error;
        m_committer->commitOrAlone([&](CampaignStore &bookkeeping) {
            bookkeeping.markFailed(delivery.rowId, 0, QString(), reason, nullptr);
        });
        return std::nullopt;
    }
    Outcome outcome;
    outcome.rowId = delivery.rowId;
    outcome.attempt = delivery.attempts + 1;
    // Journaled now, after the commit that settled this connection's previous
    // delivery (so a crash leaves at most one unsettled journaled row per
    // connection), and synced while the envelope and the body go out.
    QString journalError;
    const bool journaled = journal.write(delivery.rowId, outcome.attempt, &journalError);
    transport.setBeforeFinalDot([&] {
        if (journaled && journal.waitSynced(&journalError))
            return true;
        // The transport withholds the dot (Transient, retried later), and no
        // further dot goes out while the journal cannot be trusted.
        qWarning("delivery %lld: %s", delivery.rowId, qPrintable(journalError));
        requestStop(StopReason::Pause, journalError);
        return false;
    });
    outcome.result = transport.send(rendered->envelopeFrom, delivery.email, rendered->message);
    transport.setBeforeFinalDot({});
    outcome.atMs = nowMs();

    const bool connectionTrouble = outcome.result.outcome == MailTransport::Outcome::ConnectionFailed;
    std::lock_guard lock(m_mutex);
    m_connectionFailures = connectionTrouble ? m_connectionFailures + 1 : 0;
    if (m_connectionFailures >= m_config.maxConnectionFailures && m_stopReason == StopReason::None) {
        m_stopReason = StopReason::Pause;
        m_stopMessage = u"the SMTP server cannot be used: %1"_s.arg(outcome.result.reply);
        m_stop = true;
    }
    return outcome;
}

void CampaignSender::recordOutcome(const Outcome &outcome, CampaignStore &store)
{
    const MailTransport::Result &result = outcome.result;
    const qint64 rowId = outcome.rowId;
    QString error;
    bool written = false;
    switch (result.outcome) {
    case MailTransport::Outcome::Sent:
        written = store.markSent(rowId, result.code, result.reply, fromMs(outcome.atMs), &error);
        break;
    case MailTransport::Outcome::Permanent:
        written = store.markFailed(rowId, result.code, result.reply, result.reply, &error);
        break;
    case MailTransport::Outcome::Unknown:
        written = store.markUnknown(rowId, result.reply, &error);
        break;
    case MailTransport::Outcome::ConnectionFailed:
    case MailTransport::Outcome::Transient:
        if (outcome.attempt >= m_config.maxAttempts) {
            written = store.markFailed(rowId, result.code, result.reply,
                                       u"gave up after %1 attempts: %2"_s.arg(outcome.attempt).arg(result.reply),
                                       &error);
        } else {
            written = store.markRetry(rowId, result.code, result.reply,
                                      fromMs(outcome.atMs + m_config.backoffMs(outcome.attempt)), &error);
        }
        break;
    }
    if (!written) // the row stays in `sending`: the next start settles it by the journals
        qWarning("delivery %lld: cannot record the outcome: %s", rowId, qPrintable(error));
}

void CampaignSender::poll()
{
    CampaignStore store(m_workspace);
    const DeliveryCounts counts = store.counts(m_campaignId);
    const qint64 now = nowMs();
    m_progress.total = counts.total();
    m_progress.sent = counts.sent;
    m_progress.failed = counts.failed;
    m_progress.unknown = counts.unknown;
    m_progress.cancelled = counts.cancelled;
    m_progress.remaining = counts.remaining();
    m_rateSamples.emplace_back(now, counts.sent);
    while (m_rateSamples.size() > 2 && now - m_rateSamples[1].first >= 30'000)
        m_rateSamples.pop_front();
    const auto &[firstMs, firstSent] = m_rateSamples.front();
    if (now - firstMs >= 500 && counts.sent > firstSent) {
        m_progress.perMinute = double(counts.sent - firstSent) * 60'000.0 / double(now - firstMs);
        m_progress.etaSeconds = qint64(double(m_progress.remaining) * 60.0 / m_progress.perMinute);
    }
    emit progressChanged(m_progress);
    if (m_working == 0 && isRunning())
        wrapUp();
}

void CampaignSender::wrapUp()
{
    for (std::thread &thread : m_threads)
        thread.join();
    m_threads.clear();
    m_committer.reset();
    m_pollTimer.stop();

    CampaignStore store(m_workspace);
    QString error;
    QString message = m_stopMessage;
    // Synced to disk, with every outcome the workers committed before it:
    // after that the journals guard nothing any more.
    bool synced = false;
    // Sent or paused by us only while still sending: a cancel or pause from
    // another process meanwhile (the workers then find nothing queued and
    // look done) is the user's word and stays.
    const std::optional<Campaign> before = store.find(m_campaignId);
    const bool stillSending = before && before->state == CampaignState::Sending;
    switch (m_stopReason) {
    case StopReason::Done:
    case StopReason::None:
        if (stillSending && store.counts(m_campaignId).remaining() == 0) {
            const DeliveryCounts counts = store.counts(m_campaignId);
            message = u"%1 sent, %2 failed, %3 unknown"_s.arg(counts.sent).arg(counts.failed).arg(counts.unknown);
            synced = store.durably([&] {
                return store.setState(m_campaignId, CampaignState::Sent, message, &error, CampaignState::Sending);
            });
        }
        break;
    case StopReason::Pause:
        if (stillSending) {
            synced = store.durably([&] {
                return store.setState(m_campaignId, CampaignState::Paused, message, &error, CampaignState::Sending);
            });
        }
        break;
    case StopReason::Cancel:
        synced = store.durably([&] { return store.cancel(m_campaignId, &error); });
        break;
    case StopReason::External:
        break; // nothing of ours to commit: the next start settles the journals
    }
    QString journalError; // harmless: the next start removes them
    if (synced && store.counts(m_campaignId).sending == 0
        && !FinalDotJournal::removeAll(m_workspace.folder(), m_campaignId, &journalError))
        qWarning("campaign %lld: %s", m_campaignId, qPrintable(journalError));
    if (!error.isEmpty())
        qWarning("campaign %lld: %s", m_campaignId, qPrintable(error));
    m_lock.reset();
    const std::optional<Campaign> campaign = store.find(m_campaignId);
    poll();
    if (m_stopReason == StopReason::Pause && m_dailyCapWaitMs >= 0 && campaign
        && campaign->state == CampaignState::Paused) {
        // A second's margin so the window really has room when we wake.
        const qint64 waitMs = m_dailyCapWaitMs + 1000;
        m_resumeTimer.start(std::chrono::milliseconds(waitMs));
        emit resumeScheduled(m_campaignId, QDateTime::currentDateTime().addMSecs(waitMs));
    }
    emit finished(m_campaignId, campaign ? campaign->state : CampaignState::Paused,
                  message.isEmpty() && campaign ? campaign->stateMessage : message);
}

QString CampaignSender::progressLine(const SendProgress &p)
{
    QString eta = u"-"_s;
    if (p.etaSeconds >= 0) {
        const qint64 s = p.etaSeconds;
        eta = s >= 3600 ? u"%1h%2m"_s.arg(s / 3600).arg((s % 3600) / 60, 2, 10, QChar(u'0'))
                        : u"%1m%2s"_s.arg(s / 60).arg(s % 60, 2, 10, QChar(u'0'));
    }
    const QString cancelled = p.cancelled > 0 ? u" · cancelled %1"_s.arg(p.cancelled) : QString();
    return u"sent %1/%2 · failed %3 · unknown %4%5 · remaining %6 · %7/min · ETA %8"_s.arg(p.sent)
        .arg(p.total)
        .arg(p.failed)
        .arg(p.unknown)
        .arg(cancelled)
        .arg(p.remaining)
        .arg(qRound64(p.perMinute))
        .arg(eta);
}

MailTransport::Result CampaignSender::sendTest(const Workspace &workspace, const SenderConfig &config,
                                               MailTransport &transport, qint64 campaignId, const QString &to,
                                               const std::optional<Lead> &lead, QString *error)
{
    MailTransport::Result failed{MailTransport::Outcome::Permanent, 0, QString()};
    CampaignStore store(workspace);
    const std::optional<Campaign> campaign = store.find(campaignId);
    if (!campaign) {
        failed.reply = u"no campaign with id %1"_s.arg(campaignId);
        *error = failed.reply;
        return failed;
    }
    const std::optional<MimeBuilder::Mailbox> from = senderOf(*campaign, config, error);
    if (!from) {
        failed.reply = *error;
        return failed;
    }
    DeliveryRenderer renderer(*campaign, *from, store.customFieldNames());
    renderer.setSubjectPrefix(u"[Test] "_s);
    // A fresh id that no delivery has: its links work but count for nobody.
    SignedTrackingLinks links(config.relayUrl, protocol::DeliveryId::random(), config.signingKey, nowMs() / 1000);
    links.setClickIds(campaign->clickIds);
    Lead recipient = lead.value_or(Lead());
    const std::optional<DeliveryRenderer::Rendered> rendered = renderer.render(recipient, to, links, error);
    if (!rendered) {
        failed.reply = *error;
        return failed;
    }
    MailTransport::Result result = transport.send(rendered->envelopeFrom, to, rendered->message);
    transport.close();
    if (result.outcome != MailTransport::Outcome::Sent)
        *error = result.reply;
    return result;
}

} // namespace leadtrail
