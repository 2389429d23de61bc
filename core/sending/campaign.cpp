#include "sending/campaign.h"

using namespace Qt::StringLiterals;

namespace leadtrail {

QString Campaign::stateName(CampaignState state)
{
    switch (state) {
    case CampaignState::Draft:
        return u"draft"_s;
    case CampaignState::Sending:
        return u"sending"_s;
    case CampaignState::Paused:
        return u"paused"_s;
    case CampaignState::Sent:
        return u"sent"_s;
    case CampaignState::Cancelled:
        return u"cancelled"_s;
    }
    return u"draft"_s;
}

std::optional<CampaignState> Campaign::stateFromName(const QString &name)
{
    for (CampaignState state : {CampaignState::Draft, CampaignState::Sending, CampaignState::Paused,
                                CampaignState::Sent, CampaignState::Cancelled}) {
        if (stateName(state) == name)
            return state;
    }
    return std::nullopt;
}

} // namespace leadtrail
