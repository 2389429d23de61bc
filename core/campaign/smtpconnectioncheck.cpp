#include "campaign/smtpconnectioncheck.h"

#include "campaign/smtptransport.h"
#include "store/configuration.h"
#include "store/workspace.h"

using namespace Qt::StringLiterals;

namespace leadtrail {

std::optional<SmtpSettings> SmtpConnectionCheck::settingsFor(const Workspace &workspace, const Form &form,
                                                             QString *error)
{
    SmtpSettings smtp;
    smtp.host = form.host.trimmed();
    if (smtp.host.isEmpty()) {
        *error = u"enter the SMTP server's host name"_s;
        return std::nullopt;
    }
    if (form.port == 0) {
        *error = u"enter the SMTP server's port"_s;
        return std::nullopt;
    }
    smtp.port = form.port;
    const std::optional<SmtpSettings::Security> security = SmtpSettings::securityFromName(form.security);
    if (!security) {
        *error = u"\"%1\" is not one of none, starttls, tls"_s.arg(form.security);
        return std::nullopt;
    }
    smtp.security = *security;

    Configuration configuration(workspace);
    const Settings &settings = configuration.settings();
    smtp.username = form.user.trimmed();
    smtp.readLoginAndTrust(settings);
    if (!smtp.username.isEmpty()) {
        if (!form.password.isEmpty()) {
            smtp.password = form.password;
        } else {
            const Secrets::Lookup stored = configuration.secrets().read(u"smtp.password"_s);
            if (!stored.value) {
                *error = u"no SMTP password is stored (%1): type it in the password field"_s.arg(
                    stored.error.isEmpty() ? stored.source : stored.error);
                return std::nullopt;
            }
            smtp.password = *stored.value;
        }
    }
    // A test has nothing to wait for beyond the greeting and a few short replies.
    smtp.replyTimeoutMs = 30'000;
    return smtp;
}

SmtpConnectionCheck::Result SmtpConnectionCheck::run(const SmtpSettings &settings)
{
    Result result;
    result.host = settings.host;
    result.port = settings.port;
    result.security = settings.security;
    SmtpTransport transport(settings);
    if (const std::optional<MailTransport::Result> failed = transport.open()) {
        result.code = failed->code;
        result.error = failed->reply;
        return result;
    }
    transport.close(); // QUIT
    result.ok = true;
    result.user = settings.auth == SmtpSettings::Auth::None ? QString() : settings.username;
    return result;
}

} // namespace leadtrail
