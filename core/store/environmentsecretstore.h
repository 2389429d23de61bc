#pragma once

#include "store/secretstore.h"

namespace leadtrail {

/**
 * Secrets from environment variables (LEADTRAIL_SMTP_PASSWORD, ...): how
 * CI, containers and systemd units hand secrets over. Read-only.
 */
class EnvironmentSecretStore final : public SecretStore
{
public:
    QString describe(const QString &key) const override;
    std::optional<QString> read(const QString &key, QString *error) const override;
    bool write(const QString &key, const QString &value, QString *error) override;
    bool remove(const QString &key, QString *error) override;
};

} // namespace leadtrail
