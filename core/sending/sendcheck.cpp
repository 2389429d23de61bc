#include "sending/sendcheck.h"

#include "campaign/mergefields.h"
#include "sending/audience.h"
#include "sending/campaign.h"
#include "sending/campaignstore.h"
#include "sending/senderconfig.h"
#include "store/leadstore.h"
#include "store/settings.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace leadtrail {

QList<SendCheck::Finding> SendCheck::run(const Workspace &workspace, const Campaign &campaign)
{
    QList<Finding> findings;
    // SenderConfig decides whether sending can start; its message is passed on
    // as the detail. It checks the relay last, so with the relay paired any
    // complaint of its own is about the SMTP side.
    const Settings settings(workspace);
    const bool paired = !settings.value(u"relay.url"_s, QString()).isEmpty();
    QString configError;
    const bool configured = SenderConfig::fromWorkspace(workspace, &configError).has_value();
    if (settings.value(u"smtp.host"_s, QString()).isEmpty() || (!configured && paired))
        findings.append({Problem::SmtpNotSet, true, configError, {}});
    if (!paired)
        findings.append({Problem::RelayNotPaired, true, {}, {}});

    const QStringList unknown = MergeFields::unknownFields(
        campaign.subject + u'\n' + campaign.html + u'\n' + campaign.text.value_or(QString()),
        CampaignStore(workspace).customFieldNames());
    if (!unknown.isEmpty())
        findings.append({Problem::UnknownMergeFields, true, {}, unknown});

    QString audienceError;
    const std::optional<Audience> audience = Audience::parse(campaign.audience, &audienceError);
    if (!audience)
        findings.append({Problem::BadAudience, true, audienceError, {}});
    else if (audienceSize(workspace, *audience) == 0)
        findings.append({Problem::EmptyAudience, true, {}, {}});

    if (!MergeFields::mentionsUnsubscribeUrl(campaign.html))
        findings.append({Problem::NoUnsubscribeLink, false, {}, {}});
    return findings;
}

qint64 SendCheck::audienceSize(const Workspace &workspace, const Audience &audience)
{
    if (audience.unreachedBy())
        return CampaignStore(workspace).unreachedLeadIds(*audience.unreachedBy()).size();
    const LeadStore leads(workspace);
    if (!audience.minScore())
        return leads.count(audience.leadFilter());
    // The score part is checked on the rows, as CampaignStore::freeze does.
    LeadQuery query;
    query.filter = audience.leadFilter();
    query.limit = 0;
    qint64 size = 0;
    for (const Lead &lead : leads.page(query).leads)
        size += audience.contains(lead) ? 1 : 0;
    return size;
}

bool SendCheck::blocks(const QList<Finding> &findings)
{
    return std::any_of(findings.cbegin(), findings.cend(), [](const Finding &f) { return f.blocking; });
}

} // namespace leadtrail
