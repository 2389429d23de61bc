#pragma once

#include <QList>
#include <QString>

#include <deque>

namespace leadtrail {

/**
 * Sliding-window rate caps per minute, hour and day (0 = no cap), shared by
 * all connections of a sender. Not thread-safe: the sender holds a lock.
 *
 * A message occupies its window from the moment a connection reserves a slot
 * (before MAIL FROM) until it completes, and is then recorded at its
 * completion time. Since the server receives it somewhere in between, no
 * window of the configured length, measured at the server, can hold more
 * messages than the cap: when the last of k messages in a window reserved
 * its slot, each of the others was either in flight or completed less than
 * one window earlier, and so was counted.
 */
class RateLimiter final
{
public:
    struct Limits
    {
        int perMinute = 0;
        int perHour = 0;
        int perDay = 0;
        // The window lengths; tests shorten them to stay fast.
        qint64 minuteMs = 60'000;
        qint64 hourMs = 3'600'000;
        qint64 dayMs = 86'400'000;

        /** `google_workspace`, `microsoft365` or `custom` (no preset caps); nullopt for other names. */
        static bool preset(const QString &provider, Limits *limits);
        bool any() const { return perMinute > 0 || perHour > 0 || perDay > 0; }
    };

    struct Decision
    {
        bool granted = false;
        qint64 waitMs = 0;      ///< when not granted: how long until a slot may free up
        bool dailyCap = false;  ///< when not granted: the day's cap is what stops it
    };

    /** @p recentSends: completion times (ms since the epoch) of messages sent earlier, e.g. by a previous run. */
    explicit RateLimiter(const Limits &limits, const QList<qint64> &recentSends = {});

    /** Reserves a slot at @p nowMs, or says how long to wait. */
    Decision acquire(qint64 nowMs);
    /** The reserved message is done (whatever the outcome) at @p nowMs. */
    void release(qint64 nowMs);

    const Limits &limits() const { return m_limits; }

private:
    /** Completions within the last @p windowMs before @p nowMs, and the oldest of them. */
    int countSince(qint64 nowMs, qint64 windowMs, qint64 *oldest) const;

    Limits m_limits;
    std::deque<qint64> m_completed; ///< ascending; nothing older than the longest capped window
    int m_inFlight = 0;
};

} // namespace leadtrail
