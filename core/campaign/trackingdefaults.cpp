#include "campaign/trackingdefaults.h"

#include "sending/campaign.h"
#include "store/settings.h"
#include "store/workspace.h"

#include <utility>

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {

/** Each default with its settings key, so reading and writing cannot drift apart. */
template<typename Defaults, typename F>
void forEachOption(Defaults &d, F &&f)
{
    f(u"tracking.opens"_s, d.opens);
    f(u"tracking.clicks"_s, d.clicks);
    f(u"tracking.decoy"_s, d.decoy);
    f(u"tracking.utm"_s, d.utm);
    f(u"tracking.click_ids"_s, d.clickIds);
}

} // namespace

TrackingDefaults TrackingDefaults::fromWorkspace(const Workspace &workspace)
{
    const Campaign plain;
    TrackingDefaults d;
    d.opens = plain.trackOpens;
    d.clicks = plain.trackClicks;
    d.decoy = plain.decoyLink;
    d.utm = plain.utm;
    d.clickIds = plain.clickIds;
    const Settings settings(workspace);
    forEachOption(d, [&settings](const QString &key, bool &value) {
        if (const std::optional<QString> text = settings.value(key))
            value = *text == u"true"_s;
    });
    return d;
}

bool TrackingDefaults::save(const Workspace &workspace, QString *error) const
{
    Settings settings(workspace);
    bool ok = true;
    forEachOption(*this, [&](const QString &key, const bool &value) {
        ok = ok && settings.setValue(key, value ? u"true"_s : u"false"_s, error);
    });
    return ok;
}

void TrackingDefaults::applyTo(Campaign &campaign) const
{
    campaign.trackOpens = opens;
    campaign.trackClicks = clicks;
    campaign.decoyLink = decoy;
    campaign.utm = utm;
    campaign.clickIds = clickIds;
}

} // namespace leadtrail
