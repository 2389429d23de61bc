#include "sending/deliveryrenderer.h"

#include "campaign/htmltotext.h"
#include "campaign/linkrewriter.h"
#include "campaign/mergefields.h"
#include "campaign/trackinglinks.h"
#include "store/lead.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace leadtrail {

DeliveryRenderer::DeliveryRenderer(Campaign campaign, MimeBuilder::Mailbox from, QStringList customFieldNames)
    : m_campaign(std::move(campaign))
    , m_from(std::move(from))
    , m_customFieldNames(std::move(customFieldNames))
    , m_authorPlacedUnsubscribe(MergeFields::mentionsUnsubscribeUrl(m_campaign.html))
{
}

QString DeliveryRenderer::utmCampaign(const QString &campaignName)
{
    static const QRegularExpression nonWord(u"[^a-z0-9]+"_s);
    QString slug = campaignName.toLower();
    slug.replace(nonWord, u"-"_s);
    while (slug.startsWith(u'-'))
        slug.remove(0, 1);
    while (slug.endsWith(u'-'))
        slug.chop(1);
    return slug.isEmpty() ? u"campaign"_s : slug;
}

std::optional<DeliveryRenderer::Rendered> DeliveryRenderer::render(const Lead &lead, const QString &toAddress,
                                                                   TrackingLinks &links, QString *error) const
{
    const QString unsubscribeUrl = links.unsubscribeUrl();
    MergeFields fields;
    fields.setFirstName(lead.firstName);
    fields.setLastName(lead.lastName);
    fields.setCompany(lead.company);
    fields.setEmail(toAddress);
    fields.setUnsubscribeUrl(unsubscribeUrl);
    for (const QString &name : m_customFieldNames)
        fields.setCustomField(name, lead.customFields.value(name));

    LinkRewriter::Options options;
    options.trackClicks = m_campaign.trackClicks;
    options.trackOpens = m_campaign.trackOpens;
    options.decoyLink = m_campaign.decoyLink;
    options.unsubscribeFooter = !m_authorPlacedUnsubscribe;
    options.utm = m_campaign.utm;
    options.utmSource = u"leadtrail"_s;
    options.utmCampaign = utmCampaign(m_campaign.name);
    options.sequencePosition = m_campaign.sequencePosition;
    if (m_campaign.utmCategory)
        options.leadCategory = lead.category;
    const LinkRewriter::Result html =
        LinkRewriter::rewrite(fields.render(m_campaign.html, MergeFields::Context::Html), options, links);

    MimeBuilder::Message message;
    message.from = m_from;
    message.to = {lead.displayName(), toAddress};
    message.replyTo = {QString(), m_campaign.replyTo};
    message.subject = m_subjectPrefix + fields.render(m_campaign.subject, MergeFields::Context::Header);
    message.html = html.html;
    if (m_campaign.text) {
        message.text = fields.render(*m_campaign.text, MergeFields::Context::Text);
        // A hand-written text part still has to offer a way out.
        if (!MergeFields::mentionsUnsubscribeUrl(*m_campaign.text))
            message.text += u"\n\nUnsubscribe: "_s + unsubscribeUrl + u'\n';
    } else {
        message.text = HtmlToText::convert(html.html);
    }
    message.listUnsubscribeUrl = unsubscribeUrl;
    message.listUnsubscribeMailto = m_campaign.replyTo.isEmpty() ? m_from.address : m_campaign.replyTo;
    message.messageId = MimeBuilder::newMessageId(m_from.address);

    Rendered rendered;
    rendered.message = MimeBuilder::build(message, error);
    if (rendered.message.isEmpty())
        return std::nullopt;
    rendered.messageId = message.messageId;
    rendered.envelopeFrom = m_from.address;
    return rendered;
}

} // namespace leadtrail
