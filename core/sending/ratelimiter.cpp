#include "sending/ratelimiter.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace leadtrail {

bool RateLimiter::Limits::preset(const QString &provider, Limits *limits)
{
    Limits l;
    if (provider == u"google_workspace"_s) {
        l.perDay = 2000;
    } else if (provider == u"microsoft365"_s) {
        l.perMinute = 30;
        l.perDay = 10000;
    } else if (provider != u"custom"_s) {
        return false;
    }
    *limits = l;
    return true;
}

RateLimiter::RateLimiter(const Limits &limits, const QList<qint64> &recentSends)
    : m_limits(limits)
{
    m_completed.assign(recentSends.cbegin(), recentSends.cend());
    std::sort(m_completed.begin(), m_completed.end());
}

int RateLimiter::countSince(qint64 nowMs, qint64 windowMs, qint64 *oldest) const
{
    // Strictly inside (now - window, now]: a message exactly one window old no longer counts.
    const auto first = std::upper_bound(m_completed.cbegin(), m_completed.cend(), nowMs - windowMs);
    *oldest = first == m_completed.cend() ? nowMs : *first;
    return int(m_completed.cend() - first);
}

RateLimiter::Decision RateLimiter::acquire(qint64 nowMs)
{
    struct Window
    {
        int cap;
        qint64 length;
        bool daily;
    };
    const Window windows[] = {{m_limits.perMinute, m_limits.minuteMs, false},
                              {m_limits.perHour, m_limits.hourMs, false},
                              {m_limits.perDay, m_limits.dayMs, true}};
    Decision decision;
    decision.granted = true;
    for (const Window &window : windows) {
        if (window.cap <= 0)
            continue;
        qint64 oldest = 0;
        const int used = countSince(nowMs, window.length, &oldest) + m_inFlight;
        if (used < window.cap)
            continue;
        decision.granted = false;
        decision.dailyCap = decision.dailyCap || window.daily;
        // All of it in flight: a completion will tell; check again soon.
        const qint64 wait = (used - m_inFlight) > 0 ? std::max<qint64>(oldest + window.length - nowMs, 1) : 20;
        decision.waitMs = std::max(decision.waitMs, wait);
    }
    if (decision.granted)
        ++m_inFlight;
    return decision;
}

void RateLimiter::release(qint64 nowMs)
{
    m_inFlight = std::max(m_inFlight - 1, 0);
    if (!m_limits.any())
        return;
    if (!m_completed.empty() && nowMs < m_completed.back())
        nowMs = m_completed.back(); // the wall clock stepped back: keep the list ordered
    m_completed.push_back(nowMs);
    const qint64 keep = std::max({m_limits.perMinute > 0 ? m_limits.minuteMs : 0,
                                  m_limits.perHour > 0 ? m_limits.hourMs : 0,
                                  m_limits.perDay > 0 ? m_limits.dayMs : 0});
    while (!m_completed.empty() && m_completed.front() <= nowMs - keep)
        m_completed.pop_front();
}

} // namespace leadtrail
