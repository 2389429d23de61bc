#include "store/configuration.h"

#include "store/workspace.h"

using namespace Qt::StringLiterals;

namespace leadtrail {

Configuration::Configuration(const Workspace &workspace)
    : m_settings(workspace)
    , m_secrets(workspace, m_settings)
{
}

bool Configuration::set(const QString &key, const QString &value, QString *message, QString *error)
{
    if (Secrets::isSecretKey(key)) {
        QString where;
        if (!m_secrets.write(key, value, &where, error))
            return false;
        *message = u"%1 stored in %2"_s.arg(key, where);
        return true;
    }
    if (!m_settings.setValue(key, value, error))
        return false;
    *message = u"%1 set in %2"_s.arg(key, u"the settings file"_s);
    return true;
}

bool Configuration::get(const QString &key, QString *value, QString *error)
{
    if (Secrets::isSecretKey(key)) {
        const Secrets::Lookup lookup = m_secrets.read(key);
        if (!lookup.value) {
            *error = u"%1 is not set (looked in %2)%3"_s.arg(
                key, lookup.source, lookup.error.isEmpty() ? QString() : u": "_s + lookup.error);
            return false;
        }
        *value = u"(secret, read from %1)"_s.arg(lookup.source);
        return true;
    }
    const auto stored = m_settings.value(key);
    if (!stored) {
        *error = u"%1 is not set"_s.arg(key);
        return false;
    }
    *value = *stored;
    return true;
}

QList<Configuration::Entry> Configuration::list()
{
    QList<Entry> entries;
    const QMap<QString, QString> all = m_settings.all();
    for (auto it = all.cbegin(); it != all.cend(); ++it)
        entries.append(Entry{it.key(), it.value(), false});
    for (const QString &key : Secrets::keys()) {
        const Secrets::Lookup lookup = m_secrets.read(key);
        entries.append(Entry{key, lookup.value ? u"(secret, in %1)"_s.arg(lookup.source) : u"(not set)"_s, true});
    }
    return entries;
}

} // namespace leadtrail
