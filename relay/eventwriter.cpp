#include "eventwriter.h"

#include "deferredanswer.h"
#include "eventstore.h"
#include "metrics.h"

#include <Poco/Logger.h>

#include <pthread.h>

namespace leadtrail::relay {

namespace {
constexpr std::size_t maxBatch = 2048;
constexpr auto purgeInterval = std::chrono::hours(1);
} // namespace

EventWriter::EventWriter(EventStore &store, Metrics &metrics, std::int64_t retentionMs)
    : m_store(store), m_metrics(metrics), m_retentionMs(retentionMs)
{
}

EventWriter::~EventWriter()
{
    stop();
}

void EventWriter::start()
{
    std::lock_guard lock(m_mutex);
    if (m_running)
        return;
    m_lastId = m_store.lastId();
    m_running = true;
    m_stopping = false;
    m_released = false;
    m_gate.open();
    m_thread = std::thread([this] { run(); });
    // Named for top -H and perf: the one thread every open and click waits for.
    pthread_setname_np(m_thread.native_handle(), "relay-writer");
}

void EventWriter::stop()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_running)
            return;
        m_stopping = true;
    }
    m_work.notify_all();
    m_newEvents.notify_all();
    m_thread.join();
    std::lock_guard lock(m_mutex);
    m_running = false;
}

bool EventWriter::submit(Event &event)
{
    Ticket ticket;
    ticket.event = &event;
    bool first = false;
    {
        std::lock_guard lock(m_mutex);
        if (!m_running || m_stopping)
            return false;
        m_queue.push_back(Entry{&event, &ticket, nullptr});
        first = m_queue.size() == 1;
    }
    if (first)
        m_work.notify_one();
    std::unique_lock lock(ticket.mutex);
    ticket.committed.wait(lock, [&] { return ticket.done; });
    return ticket.ok;
}

bool EventWriter::answerAfterCommit(std::unique_ptr<DeferredAnswer> &answer)
{
    if (!answer->valid() || !m_gate.enter(answer->connection()))
        return false;
    bool first = false;
    {
        std::lock_guard lock(m_mutex);
        if (!m_running || m_stopping) {
            m_gate.leave(answer->connection());
            return false;
        }
        DeferredAnswer *owned = answer.release();
        m_queue.push_back(Entry{&owned->event, nullptr, owned});
        first = m_queue.size() == 1;
    }
    if (first)
        m_work.notify_one();
    return true;
}

void EventWriter::releaseWaiters()
{
    {
        std::lock_guard lock(m_mutex);
        m_released = true;
    }
    m_newEvents.notify_all();
}

bool EventWriter::waitForNewerThan(std::int64_t cursor, std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_mutex);
    return m_newEvents.wait_for(lock, timeout, [&] { return m_lastId > cursor || m_stopping || m_released; })
        && m_lastId > cursor;
}

std::int64_t EventWriter::lastCommittedId() const
{
    std::lock_guard lock(m_mutex);
    return m_lastId;
}

void EventWriter::run()
{
    std::vector<Entry> batch;
    std::vector<Event *> events;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_work.wait_for(lock, std::chrono::seconds(60), [&] { return !m_queue.empty() || m_stopping; });
            if (m_queue.empty() && m_stopping)
                return;
            if (m_queue.size() <= maxBatch) {
                batch.swap(m_queue);
            } else {
                batch.assign(m_queue.begin(), m_queue.begin() + maxBatch);
                m_queue.erase(m_queue.begin(), m_queue.begin() + maxBatch);
            }
        }
        if (batch.empty()) {
            purgeIfDue();
            continue;
        }
        events.clear();
        for (const Entry &entry : batch)
            events.push_back(entry.event);
        bool ok = true;
        const auto started = std::chrono::steady_clock::now();
        try {
            m_store.append(events);
        } catch (const std::exception &e) {
            ok = false;
            m_metrics.countStoreError();
            Poco::Logger::get("leadtrail.relay").error(std::string("event store commit failed: ") + e.what());
        }
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
        std::int64_t newest = 0;
        std::uint64_t stored = 0;
        for (Event *e : events) {
            if (e->id > 0) {
                newest = std::max(newest, e->id);
                ++stored;
            }
        }
        if (ok) {
            m_metrics.observeCommit(took.count(), events.size());
            m_metrics.countEventsStored(stored);
        }
        {
            std::lock_guard lock(m_mutex);
            m_lastId = std::max(m_lastId, newest);
        }
        for (const Entry &entry : batch) {
            if (DeferredAnswer *answer = entry.answer) {
                answer->send(ok);
                const int connection = answer->connection();
                delete answer;
                m_gate.leave(connection);
                continue;
            }
            // Notify under the ticket's lock: it lives on its submitter's stack,
            // and the submitter cannot return before this lock is released.
            Ticket *t = entry.ticket;
            std::lock_guard lock(t->mutex);
            t->ok = ok;
            t->done = true;
            t->committed.notify_one();
        }
        batch.clear();
        if (newest > 0)
            m_newEvents.notify_all();
        try {
            m_store.maintain();
        } catch (const std::exception &e) {
            Poco::Logger::get("leadtrail.relay").error(std::string("event store maintenance failed: ") + e.what());
        }
        purgeIfDue();
    }
}

void EventWriter::purgeIfDue()
{
    if (m_retentionMs <= 0)
        return;
    const auto now = std::chrono::steady_clock::now();
    if (m_lastPurge != std::chrono::steady_clock::time_point{} && now - m_lastPurge < purgeInterval)
        return;
    m_lastPurge = now;
    const auto wallMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    try {
        const std::size_t n = m_store.purgeOlderThan(wallMs - m_retentionMs);
        if (n > 0)
            Poco::Logger::get("leadtrail.relay").information("purged " + std::to_string(n) + " events past retention");
    } catch (const std::exception &e) {
        Poco::Logger::get("leadtrail.relay").error(std::string("retention purge failed: ") + e.what());
    }
}

} // namespace leadtrail::relay
