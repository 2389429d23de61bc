#pragma once

#include "store/secretstore.h"

namespace leadtrail {

class Settings;

/**
 * Secrets in files with mode 0600, one per secret, whose path the settings
 * name (`smtp.password_file`). The fallback where no keychain is reachable
 * (headless machines, CI). A file that others may read is refused rather than
 * used, so a leaked permission is noticed instead of silently relied on.
 */
class FileSecretStore final : public SecretStore
{
public:
    /** New secrets are written to `folder` (created with mode 0700). */
    FileSecretStore(Settings &settings, const QString &folder);

    /** `smtp.password` → `smtp.password_file`. */
    static QString settingKey(const QString &key);

    QString describe(const QString &key) const override;
    std::optional<QString> read(const QString &key, QString *error) const override;
    bool write(const QString &key, const QString &value, QString *error) override;
    bool remove(const QString &key, QString *error) override;

private:
    Settings &m_settings;
    QString m_folder;
};

} // namespace leadtrail
