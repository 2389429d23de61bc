#pragma once

#include <QMap>
#include <QSettings>
#include <QString>
#include <QStringList>

#include <optional>

namespace leadtrail {

class Workspace;

/**
 * The workspace's settings file, addressed by dotted keys (`smtp.host`).
 *
 * Known keys are validated (`smtp.port` is a port, `smtp.security` one of
 * none|starttls|tls, `sender.email` an address); other well-formed keys are
 * stored as given so later features can add their own. Secret keys
 * (Secrets::isSecretKey) are refused: secrets never go into this file.
 */
class Settings final
{
    Q_DISABLE_COPY_MOVE(Settings)

public:
    explicit Settings(const Workspace &workspace);
    explicit Settings(const QString &path);

    /** Lower-case words of [a-z0-9_] joined by dots. */
    static bool isValidKey(const QString &key);
    /** The keys Leadtrail itself reads, with a one-line description each. */
    static const QMap<QString, QString> &knownKeys();

    std::optional<QString> value(const QString &key) const;
    QString value(const QString &key, const QString &fallback) const;
    bool setValue(const QString &key, const QString &value, QString *error = nullptr);
    bool remove(const QString &key, QString *error = nullptr);
    /** Every key that is set, sorted. */
    QMap<QString, QString> all() const;

private:
    bool flush(QString *error);

    QSettings m_settings;
};

} // namespace leadtrail
