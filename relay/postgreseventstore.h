#pragma once

#include "eventstore.h"

#include <memory>
#include <string>

#include <Poco/Data/Session.h>
#include <Poco/Data/SessionPool.h>

namespace leadtrail::relay {

/**
 * The event store in PostgreSQL (Poco::Data), for several relay instances
 * behind a load balancer sharing one database. Each instance's writer thread
 * appends its batches through one session; ids come from a counter row that
 * every append locks first, so batches of all instances commit one after the
 * other and ids rise in commit order: a poller's cursor never skips an event
 * committed late under a lower id, and ids are never reused after a purge.
 */
class PostgresEventStore final : public EventStore
{
public:
    /** connection: a libpq connection string ("host=... port=... dbname=... user=..."). Creates the tables. */
    explicit PostgresEventStore(const std::string &connection);
    PostgresEventStore(const PostgresEventStore &) = delete;
    PostgresEventStore &operator=(const PostgresEventStore &) = delete;

    void append(const std::vector<Event *> &batch) override;
    std::vector<Event> fetchAfter(std::int64_t after, std::size_t limit) override;
    std::int64_t lastId() override;
    std::optional<Event> findClick(std::string_view clickId) override;
    std::size_t purgeOlderThan(std::int64_t cutoffMs) override;

private:
    Poco::Data::Session m_writer;
    std::unique_ptr<Poco::Data::SessionPool> m_readers;
};

} // namespace leadtrail::relay
