#include "store/keychainsecretstore.h"

#include "store/storesupport.h"

#ifdef LEADTRAIL_HAVE_QTKEYCHAIN
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QMutex>
#include <QMutexLocker>
#include <QThread>
#include <QWaitCondition>

#include <qt6keychain/keychain.h>

#include <cstdio>
#include <functional>
#include <memory>
#endif

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {

const QString Service = u"Leadtrail"_s;

#ifdef LEADTRAIL_HAVE_QTKEYCHAIN

/**
 * Where QtKeychain's jobs live. QtKeychain is asynchronous: a job reports
 * through Qt signals, D-Bus replies and (with libsecret) GLib callbacks that
 * carry a raw pointer to the job. A job destroyed before its backend answers
 * is therefore a crash waiting for that answer, which is exactly what a job on
 * the caller's stack with a timeout was (Leadtrail 0.x crashed at start-up in
 * QObject::disconnect when a keychain answered after 10 s).
 *
 * So every job is made on the heap, on this one thread with its own event loop
 * (and GLib main context), and deletes itself when its backend has answered,
 * however late. The synchronous callers (the CLI, the settings page, the sync
 * thread) wait for its outcome with a deadline and never run a nested event
 * loop of their own. The thread and its pending jobs are never torn down
 * before the process exits: a job still waiting for a keychain that will not
 * answer is simply abandoned with the process.
 */
class KeychainThread
{
public:
    static KeychainThread &instance()
    {
        // Deliberately never destroyed: see the class comment.
        static auto *thread = new KeychainThread;
        return *thread;
    }

    /** Runs `start` on the keychain thread; it makes and starts a job. */
    void post(std::function<void()> start)
    {
        QMetaObject::invokeMethod(m_context, std::move(start), Qt::QueuedConnection);
    }

private:
    KeychainThread()
    {
        m_thread.setObjectName(u"keychain"_s);
        m_context = new QObject;
        m_context->moveToThread(&m_thread);
        m_thread.start();
        // Stop the loop when the application goes, so that no job is started
        // during static destruction; pending jobs stay as they are.
        if (QCoreApplication::instance())
            qAddPostRoutine([] { instance().m_thread.quit(); });
    }

    QThread m_thread;
    QObject *m_context = nullptr;
};

/** What a job reported, shared between the caller and the keychain thread. */
struct Outcome
{
    QMutex mutex;
    QWaitCondition done;
    bool finished = false;
    QKeychain::Error error = QKeychain::NoError;
    QString errorString;
    QString text;
};

/**
 * Once the keychain failed to answer (no D-Bus, no secret service, a prompt
 * nobody answers), this process does not ask it again: one wait, one message,
 * then the other stores (environment, 0600 file) serve.
 */
QMutex unavailableMutex;
QString unavailableReason;

QString knownUnavailable()
{
    QMutexLocker lock(&unavailableMutex);
    return unavailableReason;
}

void markUnavailable(const QString &reason)
{
    QMutexLocker lock(&unavailableMutex);
    if (!unavailableReason.isEmpty())
        return;
    unavailableReason = reason;
    // Said once per process, in words, on standard error (never a secret).
    std::fprintf(stderr, "Leadtrail: %s; secrets are read from environment variables and 0600 files instead.\n",
                 qPrintable(reason));
}

bool isBackendProblem(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented
        || error == QKeychain::OtherError;
}

/**
 * Makes a job with `make` on the keychain thread, starts it and waits up to
 * `timeoutMs` for its outcome. The job is never destroyed by this function.
 */
std::shared_ptr<Outcome> runJob(std::function<QKeychain::Job *()> make, int timeoutMs, QString *error)
{
    const QString known = knownUnavailable();
    if (!known.isEmpty()) {
        setError(error, known);
        return nullptr;
    }
    auto outcome = std::make_shared<Outcome>();
    KeychainThread::instance().post([make = std::move(make), outcome] {
        QKeychain::Job *job = make();
        job->setAutoDelete(true); // deleteLater once it has answered, however late
        QObject::connect(job, &QKeychain::Job::finished, job, [outcome](QKeychain::Job *finished) {
            QMutexLocker lock(&outcome->mutex);
            outcome->error = finished->error();
            outcome->errorString = finished->errorString();
            if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(finished))
                outcome->text = read->textData();
            outcome->finished = true;
            outcome->done.wakeAll();
        });
        job->start();
    });

    QMutexLocker lock(&outcome->mutex);
    QDeadlineTimer deadline(timeoutMs);
    while (!outcome->finished) {
        if (!outcome->done.wait(&outcome->mutex, deadline))
            break;
    }
    if (!outcome->finished) {
        lock.unlock();
        const QString reason = u"the system keychain did not answer within %1 s"_s.arg(timeoutMs / 1000);
        markUnavailable(reason);
        setError(error, reason);
        return nullptr;
    }
    if (outcome->error != QKeychain::NoError && outcome->error != QKeychain::EntryNotFound) {
        const QString reason = u"system keychain: %1"_s.arg(outcome->errorString);
        lock.unlock();
        if (isBackendProblem(outcome->error))
            markUnavailable(reason);
        setError(error, reason);
        return nullptr;
    }
    return outcome;
}

constexpr int TimeoutMs = 10000;

#endif

} // namespace

KeychainSecretStore::KeychainSecretStore(const QString &workspaceId)
    : m_workspaceId(workspaceId)
{
}

QString KeychainSecretStore::entryName(const QString &key) const
{
    return m_workspaceId + u'/' + key;
}

QString KeychainSecretStore::describe(const QString &key) const
{
    return u"the system keychain (service \"%1\", entry \"%2\")"_s.arg(Service, entryName(key));
}

#ifdef LEADTRAIL_HAVE_QTKEYCHAIN

QString KeychainSecretStore::unavailableReason()
{
    return knownUnavailable();
}

std::optional<QString> KeychainSecretStore::read(const QString &key, QString *error) const
{
    const QString entry = entryName(key);
    const auto outcome = runJob(
        [entry] {
            auto *job = new QKeychain::ReadPasswordJob(Service);
            job->setKey(entry);
            return job;
        },
        TimeoutMs, error);
    if (!outcome || outcome->error == QKeychain::EntryNotFound)
        return std::nullopt;
    return outcome->text;
}

bool KeychainSecretStore::write(const QString &key, const QString &value, QString *error)
{
    const QString entry = entryName(key);
    return runJob(
               [entry, value] {
                   auto *job = new QKeychain::WritePasswordJob(Service);
                   job->setKey(entry);
                   job->setTextData(value);
                   return job;
               },
               TimeoutMs, error)
        != nullptr;
}

bool KeychainSecretStore::remove(const QString &key, QString *error)
{
    const QString entry = entryName(key);
    return runJob(
               [entry] {
                   auto *job = new QKeychain::DeletePasswordJob(Service);
                   job->setKey(entry);
                   return job;
               },
               TimeoutMs, error)
        != nullptr;
}

#else

QString KeychainSecretStore::unavailableReason()
{
    return u"this build has no keychain support (QtKeychain was not found)"_s;
}

std::optional<QString> KeychainSecretStore::read(const QString &, QString *error) const
{
    setError(error, unavailableReason());
    return std::nullopt;
}

bool KeychainSecretStore::write(const QString &key, const QString &, QString *error)
{
    read(key, error);
    return false;
}

bool KeychainSecretStore::remove(const QString &key, QString *error)
{
    read(key, error);
    return false;
}

#endif

} // namespace leadtrail
