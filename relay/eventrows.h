#pragma once

#include "event.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Poco::Data {
class RecordSet;
class Session;
class Statement;
} // namespace Poco::Data

namespace leadtrail::relay {

/** The event columns every store selects, in eventFromRow()'s order. */
extern const char *const eventColumns;

/** One selected row (eventColumns) as an Event; shared by the SQLite and PostgreSQL stores. */
Event eventFromRow(const Poco::Data::RecordSet &rows, std::size_t row);

/** Executes a SELECT of eventColumns (values already bound) and returns its rows. */
std::vector<Event> eventsOf(Poco::Data::Statement &select);

/**
 * The click that clickId was made for, read with selectById (a SELECT of
 * eventColumns with one placeholder for the id); nullopt for a malformed or
 * forged click id. The event id inside a click id is public; the nonce,
 * compared in constant time, is what makes it unforgeable.
 */
std::optional<Event> findClickBy(Poco::Data::Session &session, const std::string &selectById, std::string_view clickId);

} // namespace leadtrail::relay
