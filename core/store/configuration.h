#pragma once

#include "store/secrets.h"
#include "store/settings.h"

#include <QList>
#include <QString>

namespace leadtrail {

class Workspace;

/**
 * One view over a workspace's configuration: plain settings and secrets under
 * the same dotted keys, as `leadtrail-cli config` and the settings dialog
 * show them. Routes secret keys to Secrets and everything else to Settings,
 * and never hands out a secret's value for display.
 */
class Configuration final
{
    Q_DISABLE_COPY_MOVE(Configuration)

public:
    struct Entry
    {
        QString key;
        QString value;   ///< for a secret: where it is, never what it is
        bool secret = false;
    };

    explicit Configuration(const Workspace &workspace);

    /** Stores the value; `message` says where it went. */
    bool set(const QString &key, const QString &value, QString *message, QString *error);
    /** A setting's value, or for a secret the place it is read from; false when unset. */
    bool get(const QString &key, QString *value, QString *error);
    /** Every setting that is set, then every secret with its place (or "not set"). */
    QList<Entry> list();

    Settings &settings() { return m_settings; }
    Secrets &secrets() { return m_secrets; }

private:
    Settings m_settings;
    Secrets m_secrets;
};

} // namespace leadtrail
