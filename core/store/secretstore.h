#pragma once

#include <QString>

#include <optional>

namespace leadtrail {

/**
 * Somewhere a secret (SMTP password, relay keys) can live that is not the
 * database, the settings file or a log. Implementations: the system keychain,
 * an environment variable, a file with mode 0600.
 */
class SecretStore
{
public:
    virtual ~SecretStore() = default;

    /** Where the secret lives, for messages ("the system keychain"). */
    virtual QString describe(const QString &key) const = 0;

    /**
     * The secret, or nullopt: with `error` empty when this store simply does not
     * have it, with a message when it should have it but cannot deliver it.
     */
    virtual std::optional<QString> read(const QString &key, QString *error) const = 0;

    /** Stores the secret; false with a message when this store cannot take it. */
    virtual bool write(const QString &key, const QString &value, QString *error) = 0;

    virtual bool remove(const QString &key, QString *error) = 0;
};

} // namespace leadtrail
