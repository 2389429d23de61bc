#include "store/settings.h"

#include "store/emailaddress.h"
#include "store/secrets.h"
#include "store/storesupport.h"
#include "store/workspace.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {

QString settingsKey(const QString &dotted)
{
    QString key = dotted;
    return key.replace(u'.', u'/');
}


/** Checks the value of a key Leadtrail reads; an empty result means it is fine. */
QString validate(const QString &key, const QString &value)
{
    if (key == u"sender.email"_s && !EmailAddress::isValid(value))
        return u"sender.email: \"%1\" is not a valid email address"_s.arg(value);
    if (key == u"smtp.port"_s) {
        bool ok = false;
        const int port = value.toInt(&ok);
        if (!ok || port < 1 || port > 65535)
            return u"smtp.port: \"%1\" is not a port number (1-65535)"_s.arg(value);
    }
    if (key == u"smtp.security"_s && value != u"none"_s && value != u"starttls"_s && value != u"tls"_s)
        return u"smtp.security: \"%1\" must be one of none, starttls, tls"_s.arg(value);
    if (key == u"relay.url"_s) {
        const QUrl url(value, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"https"_s && url.scheme() != u"http"_s) || url.host().isEmpty())
            return u"relay.url: \"%1\" is not an http(s) URL"_s.arg(value);
    }
    static const QStringList switches = {u"tracking.opens"_s, u"tracking.clicks"_s, u"tracking.decoy"_s,
                                         u"tracking.utm"_s, u"tracking.click_ids"_s};
    if (switches.contains(key) && value != u"true"_s && value != u"false"_s)
        return u"%1: \"%2\" must be true or false"_s.arg(key, value);
    if (key.endsWith(u"_file"_s) && Secrets::isSecretKey(key.chopped(5))) {
        const QFileInfo info(value);
        if (!info.isFile() || !info.isAbsolute())
            return u"%1: \"%2\" is not an existing file given by its absolute path"_s.arg(key, value);
    }
    return QString();
}

} // namespace

Settings::Settings(const Workspace &workspace)
    : Settings(workspace.settingsPath())
{
}

Settings::Settings(const QString &path)
    : m_settings(path, QSettings::IniFormat)
{
}

bool Settings::isValidKey(const QString &key)
{
    static const QRegularExpression pattern(u"^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*$"_s);
    return pattern.match(key).hasMatch();
}

const QMap<QString, QString> &Settings::knownKeys()
{
    static const QMap<QString, QString> keys = {
        {u"sender.email"_s, u"the From address of campaigns"_s},
        {u"sender.name"_s, u"the From name of campaigns"_s},
        {u"smtp.host"_s, u"the team's SMTP server"_s},
        {u"smtp.port"_s, u"its port (587 for STARTTLS, 465 for TLS)"_s},
        {u"smtp.security"_s, u"none, starttls or tls"_s},
        {u"smtp.user"_s, u"the SMTP login"_s},
        {u"smtp.password_file"_s, u"a mode-0600 file holding the SMTP password (when no keychain)"_s},
        {u"relay.url"_s, u"the tracking relay's public https URL"_s},
        {u"relay.api_key_file"_s, u"a mode-0600 file holding the relay API key (when no keychain)"_s},
        {u"relay.signing_key_file"_s, u"a mode-0600 file holding the token signing key (when no keychain)"_s},
        {u"tracking.opens"_s, u"true or false: new campaigns get an open pixel"_s},
        {u"tracking.clicks"_s, u"true or false: new campaigns track their links"_s},
        {u"tracking.decoy"_s, u"true or false: new campaigns get a hidden decoy link"_s},
        {u"tracking.utm"_s, u"true or false: new campaigns add UTM parameters to links"_s},
        {u"tracking.click_ids"_s, u"true or false: the relay adds a click id to new campaigns' landing URLs"_s},
    };
    return keys;
}

std::optional<QString> Settings::value(const QString &key) const
{
    const QVariant value = m_settings.value(settingsKey(key));
    if (!value.isValid())
        return std::nullopt;
    return value.toString();
}

QString Settings::value(const QString &key, const QString &fallback) const
{
    return value(key).value_or(fallback);
}

bool Settings::setValue(const QString &key, const QString &value, QString *error)
{
    if (!isValidKey(key)) {
        setError(error, u"\"%1\" is not a settings key (lower-case words joined by dots, e.g. smtp.host)"_s.arg(key));
        return false;
    }
    if (Secrets::isSecretKey(key)) {
        setError(error, u"%1 is a secret and is never written to the settings file"_s.arg(key));
        return false;
    }
    const QString problem = validate(key, value);
    if (!problem.isEmpty()) {
        setError(error, problem);
        return false;
    }
    m_settings.setValue(settingsKey(key), value);
    return flush(error);
}

bool Settings::remove(const QString &key, QString *error)
{
    m_settings.remove(settingsKey(key));
    return flush(error);
}

QMap<QString, QString> Settings::all() const
{
    QMap<QString, QString> map;
    const QStringList keys = m_settings.allKeys();
    for (const QString &key : keys) {
        QString dotted = key;
        map.insert(dotted.replace(u'/', u'.'), m_settings.value(key).toString());
    }
    return map;
}

bool Settings::flush(QString *error)
{
    m_settings.sync();
    if (m_settings.status() != QSettings::NoError) {
        setError(error, u"Cannot write the settings file %1"_s.arg(m_settings.fileName()));
        return false;
    }
    return true;
}

} // namespace leadtrail
