#include "sending/deliveryrenderer.h"

#include "campaign/htmltotext.h"
#include "campaign/linkrewriter.h"
#include "campaign/mergefields.h"
#include "campaign/trackinglinks.h"
#include "sending/deliveryplan.h"
#include "store/lead.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace leadtrail {

DeliveryRenderer::DeliveryRenderer(Campaign campaign, MimeBuilder::Mailbox from, QStringList customFieldNames)
    : m_campaign(std::move(campaign))
    , m_from(std::move(from))
    , m_customFieldNames(std::move(customFieldNames))
    , m_authorPlacedUnsubscribe(MergeFields::mentionsUnsubscribeUrl(m_campaign.html))
    , m_utmCampaign(utmCampaign(m_campaign.name))
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

LinkRewriter::Options DeliveryRenderer::rewriteOptions(const QString &leadCategory) const
{
    LinkRewriter::Options options;
    options.trackClicks = m_campaign.trackClicks;
    options.trackOpens = m_campaign.trackOpens;
    options.decoyLink = m_campaign.decoyLink;
    options.unsubscribeFooter = !m_authorPlacedUnsubscribe;
    options.utm = m_campaign.utm;
    options.utmSource = u"leadtrail"_s;
    options.utmCampaign = m_utmCampaign;
    options.sequencePosition = m_campaign.sequencePosition;
    if (m_campaign.utmCategory)
        options.leadCategory = leadCategory;
    return options;
}

std::shared_ptr<const DeliveryPlan> DeliveryRenderer::planFor(const QString &leadCategory,
                                                              const MergeFields &fields) const
{
    // Beyond this many distinct categories, a plan per category stops paying.
    constexpr qsizetype maxPlans = 64;
    const QString key = m_campaign.utm && m_campaign.utmCategory ? leadCategory : QString();
    std::lock_guard lock(m_plansMutex);
    auto it = m_plans.constFind(key);
    if (it != m_plans.constEnd())
        return *it;
    if (m_plans.size() >= maxPlans)
        return nullptr;
    std::shared_ptr<const DeliveryPlan> plan =
        DeliveryPlan::compile(m_campaign.html, rewriteOptions(key), fields, !m_campaign.text.has_value());
    m_plans.insert(key, plan);
    return plan;
}

DeliveryRenderer::Parts DeliveryRenderer::renderParts(const Lead &lead, const QString &toAddress,
                                                      TrackingLinks &links) const
{
    Parts parts;
    parts.unsubscribeUrl = links.unsubscribeUrl();
    MergeFields fields;
    fields.setFirstName(lead.firstName);
    fields.setLastName(lead.lastName);
    fields.setCompany(lead.company);
    fields.setEmail(toAddress);
    fields.setUnsubscribeUrl(parts.unsubscribeUrl);
    for (const QString &name : m_customFieldNames)
        fields.setCustomField(name, lead.customFields.value(name));

    parts.subject = m_subjectPrefix + fields.render(m_campaign.subject, MergeFields::Context::Header);
    const bool deriveText = !m_campaign.text.has_value();
    const std::shared_ptr<const DeliveryPlan> plan = m_planned ? planFor(lead.category, fields) : nullptr;
    if (!plan || !plan->fill(fields, parts.unsubscribeUrl, links, &parts.html, deriveText ? &parts.text : nullptr)) {
        parts.html = LinkRewriter::rewrite(fields.render(m_campaign.html, MergeFields::Context::Html),
                                           rewriteOptions(lead.category), links)
                         .html;
        if (deriveText)
            parts.text = HtmlToText::convert(parts.html);
    }
    if (!deriveText) {
        parts.text = fields.render(*m_campaign.text, MergeFields::Context::Text);
        // A hand-written text part still has to offer a way out.
        if (!MergeFields::mentionsUnsubscribeUrl(*m_campaign.text))
            parts.text += u"\n\nUnsubscribe: "_s + parts.unsubscribeUrl + u'\n';
    }
    return parts;
}

std::optional<DeliveryRenderer::Rendered> DeliveryRenderer::render(const Lead &lead, const QString &toAddress,
                                                                   TrackingLinks &links, QString *error) const
{
    Parts parts = renderParts(lead, toAddress, links);
    MimeBuilder::Message message;
    message.from = m_from;
    message.to = {lead.displayName(), toAddress};
    message.replyTo = {QString(), m_campaign.replyTo};
    message.subject = std::move(parts.subject);
    message.html = std::move(parts.html);
    message.text = std::move(parts.text);
    message.listUnsubscribeUrl = parts.unsubscribeUrl;
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
