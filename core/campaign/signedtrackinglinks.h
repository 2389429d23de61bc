#pragma once

#include <QString>

#include "campaign/trackinglinks.h"
#include "protocol/token.h"

namespace leadtrail {

/**
 * The production TrackingLinks: each URL is `<relay>/<o|c|u>/<token>` with a
 * token signed by core/protocol for one delivery, so the relay can verify and
 * redirect with no knowledge of the campaign. Only the delivery id, link
 * index, time and destination are signed: never a name or an address.
 */
class SignedTrackingLinks final : public TrackingLinks
{
public:
    /**
     * @p relayBaseUrl like `https://t.example.com` (a trailing slash is
     * ignored); @p decoyDestination is where the decoy leads whoever follows
     * it (the sender's website, or empty for the relay's fallback page).
     */
    SignedTrackingLinks(const QString &relayBaseUrl, const protocol::DeliveryId &delivery,
                        protocol::SigningKey key, std::int64_t issuedAt, const QString &decoyDestination = {});

    /**
     * Whether the relay adds a click id to the redirects of these links (for
     * conversions); the campaign's "Click ids" option. On by default.
     */
    void setClickIds(bool on) { m_clickIds = on; }

    /** Empty when usable; otherwise why not (bad relay URL, key too short). */
    QString error() const { return m_error; }

    /** Empty when the destination cannot be signed (longer than protocol::tokenMaxUrlSize). */
    QString clickUrl(int linkIndex, const QString &destination) override;
    QString openPixelUrl() override;
    QString unsubscribeUrl() override;
    QString decoyUrl() override;

private:
    QString url(char path, protocol::TokenKind kind, std::uint32_t linkIndex, const QString &destination) const;

    QString m_base;
    protocol::DeliveryId m_delivery;
    protocol::SigningKey m_key;
    std::int64_t m_issuedAt = 0;
    QString m_decoyDestination;
    QString m_error;
    bool m_clickIds = true;
};

} // namespace leadtrail
