#pragma once

#include "store/secretstore.h"

namespace leadtrail {

/**
 * Secrets in the system keychain through QtKeychain (Secret Service on
 * Linux, Keychain on macOS, Credential Store on Windows). Entries are keyed
 * by workspace id and secret name. Fails cleanly, with a message, where no
 * keychain service is reachable (a headless machine without D-Bus, no secret
 * service, a prompt nobody answers), so the caller can fall back; in a build
 * without QtKeychain every call fails so. A keychain that failed to answer
 * once is not asked again by this process (one wait, one message on standard
 * error). Safe to call from any thread: the jobs run on a thread of their own.
 */
class KeychainSecretStore final : public SecretStore
{
public:
    explicit KeychainSecretStore(const QString &workspaceId);

    QString describe(const QString &key) const override;
    std::optional<QString> read(const QString &key, QString *error) const override;
    bool write(const QString &key, const QString &value, QString *error) override;
    bool remove(const QString &key, QString *error) override;

    /** Why this process no longer asks the keychain, or empty while it does. */
    static QString unavailableReason();

private:
    QString entryName(const QString &key) const;

    QString m_workspaceId;
};

} // namespace leadtrail
