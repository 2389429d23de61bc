#include "eventrows.h"

#include "clickid.h"

#include "protocol/secure.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

namespace leadtrail::relay {

const char *const eventColumns = "id, type, delivery, link, url, cid, value, currency, conversion, time_ms, method, ip, ua, "
                                 "scanner, head, age, apple_mpp";

Event eventFromRow(const Poco::Data::RecordSet &rs, std::size_t row)
{
    Event e;
    e.id = rs.value<Poco::Int64>(0, row);
    e.type = static_cast<EventType>(rs.value<Poco::Int64>(1, row));
    e.delivery = rs.value<std::string>(2, row);
    e.linkIndex = static_cast<std::uint32_t>(rs.value<Poco::Int64>(3, row));
    e.url = rs.value<std::string>(4, row);
    e.clickId = rs.value<std::string>(5, row);
    e.value = rs.value<std::string>(6, row);
    e.currency = rs.value<std::string>(7, row);
    e.conversion = rs.value<std::string>(8, row);
    e.timeMs = rs.value<Poco::Int64>(9, row);
    e.method = rs.value<std::string>(10, row);
    e.ip = rs.value<std::string>(11, row);
    e.userAgent = rs.value<std::string>(12, row);
    e.scanner = rs.value<std::string>(13, row);
    e.head = rs.value<Poco::Int64>(14, row) != 0;
    e.ageSeconds = rs.value<Poco::Int64>(15, row);
    e.appleMpp = rs.value<Poco::Int64>(16, row) != 0;
    return e;
}

std::vector<Event> eventsOf(Poco::Data::Statement &select)
{
    select.execute();
    Poco::Data::RecordSet rs(select);
    std::vector<Event> events;
    events.reserve(rs.rowCount());
    for (std::size_t row = 0; row < rs.rowCount(); ++row)
        events.push_back(eventFromRow(rs, row));
    return events;
}

std::optional<Event> findClickBy(Poco::Data::Session &session, const std::string &selectById, std::string_view clickId)
{
    const std::optional<std::int64_t> eventId = clickid::eventIdOf(clickId);
    if (!eventId)
        return std::nullopt;
    Poco::Data::Statement select(session);
    Poco::Int64 id = *eventId;
    select << selectById, Poco::Data::Keywords::use(id);
    std::vector<Event> found = eventsOf(select);
    if (found.empty() || found.front().type != EventType::Click
        || !protocol::constantTimeEqual(found.front().clickId, clickId))
        return std::nullopt;
    return std::move(found.front());
}

} // namespace leadtrail::relay
