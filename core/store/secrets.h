#pragma once

#include "store/secretstore.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace leadtrail {

class Settings;
class Workspace;

/**
 * The secrets of one workspace, looked up in order: environment variable
 * (LEADTRAIL_SMTP_PASSWORD, ...), system keychain (QtKeychain, when built in,
 * reachable, and LEADTRAIL_NO_KEYCHAIN is not set), file with mode 0600
 * named by the `<key>_file` setting. New secrets go to the keychain when it
 * works and to a 0600 file in the workspace otherwise.
 */
class Secrets final
{
    Q_DISABLE_COPY_MOVE(Secrets)

public:
    struct Lookup
    {
        std::optional<QString> value;
        QString source; ///< where it came from, or where it was looked for
        QString error;  ///< set when a store failed (e.g. a file readable by others)
    };

    Secrets(const Workspace &workspace, Settings &settings);
    ~Secrets();

    static QStringList keys();
    static bool isSecretKey(const QString &key);
    /** `smtp.password` → `LEADTRAIL_SMTP_PASSWORD`. */
    static QString environmentVariable(const QString &key);
    /** True unless the build lacks QtKeychain or LEADTRAIL_NO_KEYCHAIN is set. */
    static bool keychainEnabled();

    Lookup read(const QString &key) const;
    /** Stores the secret; `where` says in which store it ended up. */
    bool write(const QString &key, const QString &value, QString *where, QString *error);

private:
    std::vector<std::unique_ptr<SecretStore>> m_readOrder;
    SecretStore *m_keychain = nullptr;
    SecretStore *m_file = nullptr;
};

} // namespace leadtrail
