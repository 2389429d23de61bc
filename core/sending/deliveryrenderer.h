#pragma once

#include "campaign/linkrewriter.h"
#include "campaign/mimebuilder.h"
#include "sending/campaign.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>
#include <mutex>
#include <optional>

namespace leadtrail {

class DeliveryPlan;
class MergeFields;
class TrackingLinks;
struct Lead;

/**
 * Renders one delivery of a campaign into the bytes handed to SMTP, using
 * core/campaign only: merge fields (subject as a header, body as HTML),
 * link rewriting with tracking, the text part (hand-written or derived from
 * the HTML), List-Unsubscribe headers, and MIME. Holds nothing per delivery,
 * so one renderer serves a whole campaign from several threads. The HTML and
 * the derived text are compiled once into a DeliveryPlan (per lead category
 * when that is a UTM parameter), so a delivery costs a concatenation.
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

    /** What render() puts into MIME: the subject, the tracked HTML and the text part. */
    struct Parts
    {
        QString subject;
        QString html;
        QString text;
        QString unsubscribeUrl;
    };
    Parts renderParts(const Lead &lead, const QString &toAddress, TrackingLinks &links) const;

    /**
     * Whether to use the campaign's compiled DeliveryPlan (the default) or
     * merge, rewrite and convert every delivery from scratch; both give the
     * same bytes, and tests compare them.
     */
    void setPlanned(bool planned) { m_planned = planned; }

    /** The value sent as utm_campaign: the campaign's name as a lower-case slug. */
    static QString utmCampaign(const QString &campaignName);

    const Campaign &campaign() const { return m_campaign; }
    /** Overrides the subject (a test send marks it as such). */
    void setSubjectPrefix(const QString &prefix) { m_subjectPrefix = prefix; }

private:
    LinkRewriter::Options rewriteOptions(const QString &leadCategory) const;
    /** The plan for recipients of @p leadCategory (it lands in UTM parameters), or nullptr. */
    std::shared_ptr<const DeliveryPlan> planFor(const QString &leadCategory, const MergeFields &fields) const;

    Campaign m_campaign;
    MimeBuilder::Mailbox m_from;
    QStringList m_customFieldNames;
    QString m_subjectPrefix;
    bool m_authorPlacedUnsubscribe = false;
    bool m_planned = true;
    QString m_utmCampaign;

    mutable std::mutex m_plansMutex;
    /** By lead category when it is a UTM parameter, else one under the empty key; nullptr: not plannable. */
    mutable QHash<QString, std::shared_ptr<const DeliveryPlan>> m_plans;
};

} // namespace leadtrail
