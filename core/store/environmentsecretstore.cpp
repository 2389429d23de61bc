#include "store/environmentsecretstore.h"

#include "store/secrets.h"

using namespace Qt::StringLiterals;

namespace leadtrail {

QString EnvironmentSecretStore::describe(const QString &key) const
{
    return u"the environment variable %1"_s.arg(Secrets::environmentVariable(key));
}

std::optional<QString> EnvironmentSecretStore::read(const QString &key, QString *) const
{
    const QString name = Secrets::environmentVariable(key);
    if (!qEnvironmentVariableIsSet(name.toLatin1().constData()))
        return std::nullopt;
    return qEnvironmentVariable(name.toLatin1().constData());
}

bool EnvironmentSecretStore::write(const QString &key, const QString &, QString *error)
{
    if (error)
        *error = u"%1 cannot be written from here"_s.arg(describe(key));
    return false;
}

bool EnvironmentSecretStore::remove(const QString &key, QString *error)
{
    return write(key, QString(), error);
}

} // namespace leadtrail
