#include "sending/senderconfig.h"

#include "store/configuration.h"
#include "store/workspace.h"

using namespace Qt::StringLiterals;

namespace leadtrail {

qint64 SenderConfig::backoffMs(int attempt) const
{
    qint64 wait = retryBaseMs;
    for (int i = 1; i < attempt && wait < retryMaxMs; ++i)
        wait *= 2;
    return std::min(wait, retryMaxMs);
}

std::optional<SenderConfig> SenderConfig::fromWorkspace(const Workspace &workspace, QString *error)
{
    Configuration configuration(workspace);
    Settings &settings = configuration.settings();
    const auto fail = [error](const QString &message) -> std::optional<SenderConfig> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const auto number = [&](const QString &key, int fallback, bool *ok) {
        const std::optional<QString> text = settings.value(key);
        if (!text)
            return fallback;
        bool parsed = false;
        const int value = text->toInt(&parsed);
        if (!parsed || value < 0)
            *ok = false;
        return value;
    };

    SenderConfig config;
    config.smtp.host = settings.value(u"smtp.host"_s, QString());
    if (config.smtp.host.isEmpty())
        return fail(u"no SMTP server is set: leadtrail-cli config set smtp.host HOST"_s);
    const QString security = settings.value(u"smtp.security"_s, u"starttls"_s);
    config.smtp.security = SmtpSettings::securityFromName(security).value_or(SmtpSettings::Security::StartTls);
    bool ok = true;
    config.smtp.port = quint16(number(u"smtp.port"_s, security == u"tls"_s ? 465 : 587, &ok));
    config.smtp.username = settings.value(u"smtp.user"_s, QString());
    config.smtp.readLoginAndTrust(settings);
    if (!config.smtp.username.isEmpty()) {
        const Secrets::Lookup password = configuration.secrets().read(u"smtp.password"_s);
        if (!password.value)
            return fail(u"smtp.user is set but the SMTP password is not (%1)%2"_s.arg(
                password.source, password.error.isEmpty() ? QString() : u": "_s + password.error));
        config.smtp.password = *password.value;
    }

    config.connections = number(u"sending.connections"_s, 2, &ok);
    const QString provider = settings.value(u"sending.provider"_s, u"custom"_s);
    if (!RateLimiter::Limits::preset(provider, &config.limits))
        return fail(u"sending.provider \"%1\" is not one of google_workspace, microsoft365, custom"_s.arg(provider));
    config.limits.perMinute = number(u"sending.per_minute"_s, config.limits.perMinute, &ok);
    config.limits.perHour = number(u"sending.per_hour"_s, config.limits.perHour, &ok);
    config.limits.perDay = number(u"sending.per_day"_s, config.limits.perDay, &ok);
    config.maxAttempts = number(u"sending.max_attempts"_s, 5, &ok);
    config.retryBaseMs = qint64(number(u"sending.retry_seconds"_s, 60, &ok)) * 1000;
    if (!ok || config.connections < 1 || config.maxAttempts < 1)
        return fail(u"a sending.* or smtp.port setting is not a valid number (connections and max_attempts "
                    "are at least 1)"_s);

    config.senderName = settings.value(u"sender.name"_s, QString());
    config.senderEmail = settings.value(u"sender.email"_s, QString());

    config.relayUrl = settings.value(u"relay.url"_s, QString());
    const Secrets::Lookup key = configuration.secrets().read(u"relay.signing_key"_s);
    if (config.relayUrl.isEmpty() || !key.value)
        return fail(u"no tracking relay is paired (every email carries its signed unsubscribe link): "
                    "leadtrail-cli relay pair CODE"_s);
    const QByteArray secret = QByteArray::fromHex(key.value->toLatin1());
    if (std::size_t(secret.size()) < protocol::tokenMinSecretSize)
        return fail(u"the relay signing key is too short; pair the relay again"_s);
    config.signingKey.secret.assign(secret.constData(), std::size_t(secret.size()));
    config.signingKey.id = settings.value(u"relay.signing_key_id"_s, u"0"_s).toUInt();
    return config;
}

} // namespace leadtrail
