#pragma once

#include "connectiongate.h"
#include "event.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace leadtrail::relay {

class DeferredAnswer;
class EventStore;
class Metrics;

/**
 * The single writer thread in front of the EventStore. Request threads call
 * submit() and block until their event is committed, or hand over their
 * answer with answerAfterCommit() and return at once; the writer takes every
 * event queued meanwhile into one transaction (group commit), so one fsync
 * serves many concurrent requests, then wakes the waiters and sends the
 * handed-over answers. Also wakes API long-polls after each commit and runs
 * the retention purge.
 */
class EventWriter final
{
public:
    EventWriter(EventStore &store, Metrics &metrics, std::int64_t retentionMs);
    ~EventWriter();
    EventWriter(const EventWriter &) = delete;
    EventWriter &operator=(const EventWriter &) = delete;

    void start();
    /** Commits everything already queued, then stops; later submits fail. */
    void stop();

    /** Ends every waitForNewerThan() now and from now on (shutdown), while submits still work. */
    void releaseWaiters();

    /** Blocks until the event is durable (true, id set) or could not be stored (false). */
    bool submit(Event &event);

    /**
     * Queues the answer's event; once the commit is done (or failed) the writer
     * sends the answer. True: the writer owns it now. False (stopping, or no
     * connection to write to): the caller still owns it and answers itself.
     */
    bool answerAfterCommit(std::unique_ptr<DeferredAnswer> &answer);
    /** Blocks while an earlier answer on this connection is queued, so answers keep request order. */
    void waitForAnswers(int connection) const { m_gate.waitUntilAnswered(connection); }
    /** Sends every handed-over answer and takes no more (shutdown, before Poco shuts the sockets). */
    void finishAnswers() { m_gate.close(); }

    /** Waits until an event with id > cursor is committed, the timeout passes or the writer stops. */
    bool waitForNewerThan(std::int64_t cursor, std::chrono::milliseconds timeout);

    std::int64_t lastCommittedId() const;

private:
    /**
     * One waiting request, with its own lock and condition variable: a commit
     * wakes exactly its batch, and a woken request never queues for the shared
     * lock the writer holds (that convoy woke every thread twice).
     */
    struct Ticket
    {
        Event *event = nullptr;
        std::mutex mutex;
        std::condition_variable committed;
        bool done = false;
        bool ok = false;
    };

    /** One queued event: a blocked submitter's ticket, or an answer the writer sends. */
    struct Entry
    {
        Event *event = nullptr;
        Ticket *ticket = nullptr;
        DeferredAnswer *answer = nullptr;
    };

    void run();
    void purgeIfDue();

    EventStore &m_store;
    Metrics &m_metrics;
    const std::int64_t m_retentionMs;
    mutable std::mutex m_mutex;
    std::condition_variable m_work;
    std::condition_variable m_newEvents;
    std::vector<Entry> m_queue;
    ConnectionGate m_gate;
    std::int64_t m_lastId = 0;
    bool m_running = false;
    bool m_stopping = false;
    bool m_released = false;
    std::chrono::steady_clock::time_point m_lastPurge{};
    std::thread m_thread;
};

} // namespace leadtrail::relay
