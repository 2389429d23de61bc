#include "insight/backgroundsync.h"

#include "insight/insightengine.h"
#include "insight/relaypoller.h"
#include "store/workspace.h"

#include <QDateTime>
#include <QSignalBlocker>

#include <memory>

using namespace Qt::StringLiterals;

namespace leadtrail {

/** The part that lives on the sync thread; every member is touched there only. */
class BackgroundSync::Worker final : public QObject
{
public:
    Worker(BackgroundSync &owner, const Workspace &workspace, InsightConfig config)
        : m_owner(owner), m_workspace(workspace), m_config(std::move(config))
    {
    }

    /** On the sync thread, first: the poller's network manager and timers belong to it. */
    void start()
    {
        m_poller = std::make_unique<RelayPoller>(m_workspace);
        m_engine = std::make_unique<InsightEngine>(m_workspace, m_config);
        connect(m_poller.get(), &RelayPoller::stateChanged, this,
                [this](const SyncState &state) { emit m_owner.stateChanged(state); });
        connect(m_poller.get(), &RelayPoller::finished, this, [this](bool ok) {
            settle();
            emit m_owner.stateChanged(RelayPoller::storedState(m_workspace));
            reportFinished(ok);
        });
        connect(m_engine.get(), &InsightEngine::hotLeadAlert, this,
                [this](const HotLeadAlert &alert) { emit m_owner.hotLeadAlert(alert); });
    }

    void sync(quint64 run)
    {
        m_run = run;
        if (m_poller->isRunning()) {
            // Asked again (Test, a new pairing): start over with the settings
            // as they are now, rather than wait out the backoff of an old try.
            const QSignalBlocker blocker(m_poller.get());
            m_poller->stop();
        }
        QString error;
        const bool paired = m_poller->configureFromWorkspace(&error);
        emit m_owner.pairingChecked(paired);
        if (!paired) {
            settle();
            emit m_owner.stateChanged(RelayPoller::storedState(m_workspace));
            reportFinished(false);
            return;
        }
        m_poller->setMaxFailures(3);
        m_poller->start(RelayPoller::Mode::UntilCaughtUp);
        emit m_owner.stateChanged(m_poller->state());
    }

    void settle()
    {
        QString error;
        const auto result = m_engine->settle(QDateTime::currentMSecsSinceEpoch(), &error);
        if (result)
            emit m_owner.settled(result->events);
        else
            emit m_owner.settleFailed(error);
    }

    void setConfig(InsightConfig config)
    {
        const bool rescore = !config.scoresLike(m_config);
        m_config = config;
        if (!m_engine)
            return;
        m_engine->setConfig(std::move(config));
        if (!rescore)
            return;
        QString error;
        const auto result = m_engine->rescoreAll(QDateTime::currentMSecsSinceEpoch(), &error);
        if (result)
            emit m_owner.rescored(result->leads);
        else
            emit m_owner.settleFailed(error);
    }

    /** On the sync thread, last: nothing may use its connection after this. */
    void stop()
    {
        m_poller.reset();
        m_engine.reset();
        m_workspace.releaseThreadConnection();
    }

private:
    void reportFinished(bool ok)
    {
        QMetaObject::invokeMethod(
            &m_owner, [owner = &m_owner, ok, run = m_run] { owner->runFinished(ok, run); }, Qt::QueuedConnection);
    }

    BackgroundSync &m_owner;
    quint64 m_run = 0;
    const Workspace &m_workspace;
    InsightConfig m_config;
    std::unique_ptr<RelayPoller> m_poller;
    std::unique_ptr<InsightEngine> m_engine;
};

BackgroundSync::BackgroundSync(const Workspace &workspace, InsightConfig config, QObject *parent)
    : QObject(parent), m_state(RelayPoller::storedState(workspace))
{
    qRegisterMetaType<leadtrail::SyncState>();
    qRegisterMetaType<leadtrail::HotLeadAlert>();
    // Connected before anyone else can connect: the owner's view is up to
    // date when other receivers of the same signal run.
    connect(this, &BackgroundSync::stateChanged, this, [this](const SyncState &state) { m_state = state; });
    connect(this, &BackgroundSync::pairingChecked, this, [this](bool paired) { m_paired = paired; });

    m_thread.setObjectName(u"leadtrail-sync"_s);
    m_worker = new Worker(*this, workspace, std::move(config));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->start(); }, Qt::QueuedConnection);
}

BackgroundSync::~BackgroundSync()
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->stop(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

void BackgroundSync::syncNow()
{
    m_running = true;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, run = ++m_requestedRun] { worker->sync(run); },
                              Qt::QueuedConnection);
}

void BackgroundSync::runFinished(bool ok, quint64 run)
{
    if (run != m_requestedRun)
        return;
    m_running = false;
    emit finished(ok);
}

void BackgroundSync::settleNow()
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->settle(); }, Qt::QueuedConnection);
}

void BackgroundSync::setConfig(InsightConfig config)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, config = std::move(config)]() mutable { worker->setConfig(std::move(config)); },
        Qt::QueuedConnection);
}

} // namespace leadtrail
