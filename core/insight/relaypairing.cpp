#include "insight/relaypairing.h"

#include "protocol/pairing.h"
#include "store/configuration.h"
#include "store/storesupport.h"

using namespace Qt::StringLiterals;

namespace leadtrail {

bool RelayPairing::pair(const Workspace &workspace, const QString &code, QString *url, QString *error)
{
    const std::optional<protocol::PairingInfo> info = protocol::parsePairingCode(code.trimmed().toStdString());
    if (!info) {
        setError(error, u"this is not a valid pairing code (it may be cut short or mistyped); "
                        "copy it again from the relay"_s);
        return false;
    }
    Configuration configuration(workspace);
    QString message;
    // The keys first: a failure then leaves the old pairing as it was.
    const QString signingKey = QString::fromLatin1(QByteArray::fromStdString(info->signingKey.secret).toHex());
    if (!configuration.set(u"relay.signing_key"_s, signingKey, &message, error)
        || !configuration.set(u"relay.api_key"_s, QString::fromStdString(info->apiKey), &message, error)
        || !configuration.set(u"relay.signing_key_id"_s, QString::number(info->signingKey.id), &message, error)
        || !configuration.set(u"relay.url"_s, QString::fromStdString(info->publicUrl), &message, error))
        return false;
    if (url)
        *url = QString::fromStdString(info->publicUrl);
    return true;
}

} // namespace leadtrail
