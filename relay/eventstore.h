#pragma once

#include "event.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace leadtrail::relay {

/**
 * Durable storage of events. append() is called by one writer thread only;
 * the read functions may be called from any thread at the same time. An
 * implementation for PostgreSQL can sit beside the SQLite one.
 */
class EventStore
{
public:
    virtual ~EventStore() = default;

    /**
     * Stores the batch in one transaction and assigns monotonic ids (events
     * whose dedupeKey is already stored keep id 0). Returns only once the
     * transaction is durable; throws and stores nothing on failure.
     */
    virtual void append(const std::vector<Event *> &batch) = 0;

    /**
     * Housekeeping that must not run inside a transaction, called by the writer
     * thread between batches, after the last batch's answers are out (the SQLite
     * store restarts its WAL here).
     */
    virtual void maintain() {}

    /** Events with id > after, oldest first, at most limit. */
    virtual std::vector<Event> fetchAfter(std::int64_t after, std::size_t limit) = 0;

    /** The highest id ever assigned (0 when none), never lower after a purge. */
    virtual std::int64_t lastId() = 0;

    /** The click that created this click id, if any. */
    virtual std::optional<Event> findClick(std::string_view clickId) = 0;

    /** Deletes events older than cutoffMs; returns how many. */
    virtual std::size_t purgeOlderThan(std::int64_t cutoffMs) = 0;
};

} // namespace leadtrail::relay
