#pragma once

#include "campaign/mimebuilder.h"
#include "sending/campaign.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace leadtrail {

class TrackingLinks;
struct Lead;

/**
 * Renders one delivery of a campaign into the bytes handed to SMTP, using
 * core/campaign only: merge fields (subject as a header, body as HTML),
 * link rewriting with tracking, the text part (hand-written or derived from
 * the HTML), List-Unsubscribe headers, and MIME. Holds nothing per delivery,
 * so one renderer serves a whole campaign from several threads.
 */
class DeliveryRenderer final
{
public:
    struct Rendered
    {
        QByteArray message;
        QString messageId;
        QString envelopeFrom;
    };

    /** @p customFieldNames: every custom field of the workspace, so none stays a literal placeholder. */
    DeliveryRenderer(Campaign campaign, MimeBuilder::Mailbox from, QStringList customFieldNames);

    /** The message for @p lead at @p toAddress, or nullopt and @p error. */
    std::optional<Rendered> render(const Lead &lead, const QString &toAddress, TrackingLinks &links,
                                   QString *error) const;

    /** The value sent as utm_campaign: the campaign's name as a lower-case slug. */
    static QString utmCampaign(const QString &campaignName);

    const Campaign &campaign() const { return m_campaign; }
    /** Overrides the subject (a test send marks it as such). */
    void setSubjectPrefix(const QString &prefix) { m_subjectPrefix = prefix; }

private:
    Campaign m_campaign;
    MimeBuilder::Mailbox m_from;
    QStringList m_customFieldNames;
    QString m_subjectPrefix;
    bool m_authorPlacedUnsubscribe = false;
};

} // namespace leadtrail
