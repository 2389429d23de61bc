#include "sending/delivery.h"

using namespace Qt::StringLiterals;

namespace leadtrail {

QString Delivery::stateName(DeliveryState state)
{
    switch (state) {
    case DeliveryState::Queued:
        return u"queued"_s;
    case DeliveryState::Sending:
        return u"sending"_s;
    case DeliveryState::Sent:
        return u"sent"_s;
    case DeliveryState::Failed:
        return u"failed"_s;
    case DeliveryState::Unknown:
        return u"unknown"_s;
    case DeliveryState::Cancelled:
        return u"cancelled"_s;
    }
    return u"queued"_s;
}

std::optional<DeliveryState> Delivery::stateFromName(const QString &name)
{
    for (DeliveryState state : {DeliveryState::Queued, DeliveryState::Sending, DeliveryState::Sent,
                                DeliveryState::Failed, DeliveryState::Unknown, DeliveryState::Cancelled}) {
        if (stateName(state) == name)
            return state;
    }
    return std::nullopt;
}

} // namespace leadtrail
