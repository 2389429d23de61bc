#include "store/keychainsecretstore.h"

#include "store/storesupport.h"

#ifdef LEADTRAIL_HAVE_QTKEYCHAIN
#include <QEventLoop>
#include <QTimer>

#include <qt6keychain/keychain.h>
#endif

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {

const QString Service = u"Leadtrail"_s;


#ifdef LEADTRAIL_HAVE_QTKEYCHAIN
/**
 * Runs a QtKeychain job to completion. QtKeychain is asynchronous; callers
 * here are synchronous (the CLI, settings dialogs), and a keychain that never
 * answers (a D-Bus without a secret service) must not hang them.
 */
bool runJob(QKeychain::Job &job, QString *error)
{
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&finished] { finished = true; });
    job.setAutoDelete(false);
    job.start();
    timeout.start(10000);
    if (!finished)
        loop.exec();
    if (!finished) {
        setError(error, u"the system keychain did not answer within 10 s"_s);
        return false;
    }
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound) {
        setError(error, u"system keychain: %1"_s.arg(job.errorString()));
        return false;
    }
    return true;
}
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

std::optional<QString> KeychainSecretStore::read(const QString &key, QString *error) const
{
    QKeychain::ReadPasswordJob job(Service);
    job.setKey(entryName(key));
    if (!runJob(job, error) || job.error() == QKeychain::EntryNotFound)
        return std::nullopt;
    return job.textData();
}

bool KeychainSecretStore::write(const QString &key, const QString &value, QString *error)
{
    QKeychain::WritePasswordJob job(Service);
    job.setKey(entryName(key));
    job.setTextData(value);
    return runJob(job, error);
}

bool KeychainSecretStore::remove(const QString &key, QString *error)
{
    QKeychain::DeletePasswordJob job(Service);
    job.setKey(entryName(key));
    return runJob(job, error);
}

#else

std::optional<QString> KeychainSecretStore::read(const QString &, QString *error) const
{
    setError(error, u"this build has no keychain support (QtKeychain was not found)"_s);
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
