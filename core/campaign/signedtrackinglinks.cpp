#include "campaign/signedtrackinglinks.h"

#include <QUrl>

namespace leadtrail {

SignedTrackingLinks::SignedTrackingLinks(const QString &relayBaseUrl, const protocol::DeliveryId &delivery,
                                         protocol::SigningKey key, std::int64_t issuedAt,
                                         const QString &decoyDestination)
    : m_base(relayBaseUrl.trimmed())
    , m_delivery(delivery)
    , m_key(std::move(key))
    , m_issuedAt(issuedAt)
    , m_decoyDestination(decoyDestination)
{
    while (m_base.endsWith(u'/'))
        m_base.chop(1);
    const QUrl parsed(m_base, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.host().isEmpty()
        || (parsed.scheme() != QLatin1String("https") && parsed.scheme() != QLatin1String("http"))
        || parsed.hasQuery() || parsed.hasFragment())
        m_error = QStringLiteral("The relay URL \"%1\" is not an http(s) address.").arg(relayBaseUrl);
    else if (m_key.secret.size() < protocol::tokenMinSecretSize)
        m_error = QStringLiteral("The signing key is too short (at least %1 bytes are needed).").arg(protocol::tokenMinSecretSize);
}

QString SignedTrackingLinks::url(char path, protocol::TokenKind kind, std::uint32_t linkIndex,
                                 const QString &destination) const
{
    if (!m_error.isEmpty())
        return {};
    protocol::TokenFields fields;
    fields.kind = kind;
    fields.delivery = m_delivery;
    fields.linkIndex = linkIndex;
    fields.issuedAt = m_issuedAt;
    fields.url = destination.toStdString();
    const std::string token = protocol::signToken(fields, m_key);
    if (token.empty())
        return {};
    return m_base + u'/' + QLatin1Char(path) + u'/' + QString::fromStdString(token);
}

QString SignedTrackingLinks::clickUrl(int linkIndex, const QString &destination)
{
    return url('c', m_clickIds ? protocol::TokenKind::Click : protocol::TokenKind::ClickWithoutId,
               std::uint32_t(linkIndex), destination);
}

QString SignedTrackingLinks::openPixelUrl()
{
    return url('o', protocol::TokenKind::Open, 0, {});
}

QString SignedTrackingLinks::unsubscribeUrl()
{
    return url('u', protocol::TokenKind::Unsubscribe, 0, {});
}

QString SignedTrackingLinks::decoyUrl()
{
    // The relay serves decoys on the click path, where scanners look.
    return url('c', protocol::TokenKind::Decoy, 0, m_decoyDestination);
}

} // namespace leadtrail
