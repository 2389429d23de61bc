#include "campaign/smtpsettings.h"

#include "store/settings.h"

using namespace Qt::StringLiterals;

namespace leadtrail {

std::optional<SmtpSettings::Security> SmtpSettings::securityFromName(const QString &name)
{
    if (name == u"none"_s)
        return Security::None;
    if (name == u"starttls"_s)
        return Security::StartTls;
    if (name == u"tls"_s)
        return Security::ImplicitTls;
    return std::nullopt;
}

void SmtpSettings::readLoginAndTrust(const Settings &settings)
{
    if (!username.isEmpty())
        auth = settings.value(u"smtp.auth"_s, u"plain"_s) == u"login"_s ? Auth::Login : Auth::Plain;
    // A company or test CA when one is configured; the system's otherwise.
    caFile = settings.value(u"smtp.ca_file"_s, QString());
    verifyCertificate = settings.value(u"smtp.verify_certificate"_s, u"true"_s) != u"false"_s;
}

} // namespace leadtrail
