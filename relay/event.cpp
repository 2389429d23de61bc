#include "event.h"

#include "protocol/eventfields.h"

namespace leadtrail::relay {

std::string_view eventTypeName(EventType type)
{
    namespace t = protocol::eventtype;
    switch (type) {
    case EventType::Open:
        return t::open;
    case EventType::Click:
        return t::click;
    case EventType::Unsubscribe:
        return t::unsubscribe;
    case EventType::Decoy:
        return t::decoy;
    case EventType::Conversion:
        return t::conversion;
    }
    return "unknown";
}

} // namespace leadtrail::relay
