#include "store/secrets.h"

#include "store/environmentsecretstore.h"
#include "store/filesecretstore.h"
#include "store/keychainsecretstore.h"
#include "store/settings.h"
#include "store/workspace.h"

#include <QDir>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {
const QString WorkspaceIdKey = u"workspace.id"_s;
}

Secrets::Secrets(const Workspace &workspace, Settings &settings)
{
    m_readOrder.push_back(std::make_unique<EnvironmentSecretStore>());
    if (keychainEnabled()) {
        // The keychain is shared by every workspace of the user; an id of our
        // own keeps their entries apart (and survives moving the folder).
        QString id = settings.value(WorkspaceIdKey, QString());
        if (id.isEmpty()) {
            id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            settings.setValue(WorkspaceIdKey, id);
        }
        m_readOrder.push_back(std::make_unique<KeychainSecretStore>(id));
        m_keychain = m_readOrder.back().get();
    }
    m_readOrder.push_back(std::make_unique<FileSecretStore>(settings, QDir(workspace.folder()).filePath(u"secrets"_s)));
    m_file = m_readOrder.back().get();
}

Secrets::~Secrets() = default;

QStringList Secrets::keys()
{
    return {u"smtp.password"_s, u"relay.api_key"_s, u"relay.signing_key"_s};
}

bool Secrets::isSecretKey(const QString &key)
{
    return keys().contains(key);
}

QString Secrets::environmentVariable(const QString &key)
{
    QString name = key.toUpper();
    return u"LEADTRAIL_"_s + name.replace(u'.', u'_');
}

bool Secrets::keychainEnabled()
{
#ifdef LEADTRAIL_HAVE_QTKEYCHAIN
    const QString off = qEnvironmentVariable("LEADTRAIL_NO_KEYCHAIN");
    return off.isEmpty() || off == u"0"_s;
#else
    return false;
#endif
}

Secrets::Lookup Secrets::read(const QString &key) const
{
    Lookup lookup;
    QStringList problems;
    QStringList places;
    for (const auto &store : m_readOrder) {
        QString error;
        const std::optional<QString> value = store->read(key, &error);
        if (value) {
            lookup.value = value;
            lookup.source = store->describe(key);
            return lookup;
        }
        places.append(store->describe(key));
        if (!error.isEmpty())
            problems.append(error);
    }
    lookup.source = places.join(u", "_s);
    lookup.error = problems.join(u"; "_s);
    return lookup;
}

bool Secrets::write(const QString &key, const QString &value, QString *where, QString *error)
{
    if (!isSecretKey(key)) {
        if (error)
            *error = u"%1 is not a secret (the secrets are %2)"_s.arg(key, keys().join(u", "_s));
        return false;
    }
    QString location;
    QString keychainError;
    if (m_keychain && m_keychain->write(key, value, &keychainError)) {
        location = m_keychain->describe(key);
        // A copy left in a file from before would be stale; the keychain is read first anyway.
        m_file->remove(key, nullptr);
    } else {
        QString fileError;
        if (!m_file->write(key, value, &fileError)) {
            if (error)
                *error = keychainError.isEmpty() ? fileError : keychainError + u"; "_s + fileError;
            return false;
        }
        location = m_file->describe(key);
        if (!keychainError.isEmpty())
            location += u" because the keychain is unavailable (%1)"_s.arg(keychainError);
        else if (!m_keychain)
            location += u" (no system keychain in use)"_s;
    }
    const QString variable = environmentVariable(key);
    if (qEnvironmentVariableIsSet(variable.toLatin1().constData()))
        location += u"; note that %1 is set and is read first"_s.arg(variable);
    if (where)
        *where = location;
    return true;
}

} // namespace leadtrail
