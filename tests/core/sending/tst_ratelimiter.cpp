#include "sending/ratelimiter.h"

#include <QTest>

#include <algorithm>
#include <random>
#include <vector>

using namespace Qt::StringLiterals;
using leadtrail::RateLimiter;

/** The sliding-window caps, driven by a simulated clock so every case is exact and instant. */
class TestRateLimiter final : public QObject
{
    Q_OBJECT

private slots:
    void noCapsAlwaysGrant()
    {
        RateLimiter limiter({});
        for (int i = 0; i < 1000; ++i)
            QVERIFY(limiter.acquire(0).granted);
    }

    void inFlightMessagesCount()
    {
        RateLimiter::Limits limits;
        limits.perMinute = 2;
        RateLimiter limiter(limits);
        QVERIFY(limiter.acquire(0).granted);
        QVERIFY(limiter.acquire(0).granted);
        const RateLimiter::Decision third = limiter.acquire(0);
        QVERIFY(!third.granted);
        QVERIFY(!third.dailyCap);
    }

    void windowSlides()
    {
        RateLimiter::Limits limits;
        limits.perMinute = 2;
        RateLimiter limiter(limits);
        QVERIFY(limiter.acquire(0).granted);
        limiter.release(1000);
        QVERIFY(limiter.acquire(2000).granted);
        limiter.release(3000);
        const RateLimiter::Decision blocked = limiter.acquire(10'000);
        QVERIFY(!blocked.granted);
        QCOMPARE(blocked.waitMs, 1000 + 60'000 - 10'000); // until the first completion leaves the window
        QVERIFY(!limiter.acquire(60'999).granted);
        QVERIFY(limiter.acquire(61'000).granted);
    }

    void dailyCapSaysSo()
    {
        RateLimiter::Limits limits;
        limits.perDay = 3;
        // Three sent an hour ago by an earlier run still count.
        RateLimiter limiter(limits, {0, 1, 2});
        const RateLimiter::Decision d = limiter.acquire(3'600'000);
        QVERIFY(!d.granted);
        QVERIFY(d.dailyCap);
        QCOMPARE(d.waitMs, 86'400'000 - 3'600'000);
        QVERIFY(limiter.acquire(86'400'000).granted);
    }

    void presets()
    {
        RateLimiter::Limits l;
        QVERIFY(RateLimiter::Limits::preset(u"google_workspace"_s, &l));
        QCOMPARE(l.perDay, 2000);
        QCOMPARE(l.perMinute, 0);
        QVERIFY(RateLimiter::Limits::preset(u"microsoft365"_s, &l));
        QCOMPARE(l.perMinute, 30);
        QCOMPARE(l.perDay, 10000);
        QVERIFY(RateLimiter::Limits::preset(u"custom"_s, &l));
        QVERIFY(!l.any());
        QVERIFY(!RateLimiter::Limits::preset(u"gmail"_s, &l));
    }

    // Several connections with random transaction times: wherever the server
    // saw a message (any time between reservation and completion), no window
    // of one minute holds more than the cap.
    void noWindowExceedsTheCapAtTheServer()
    {
        RateLimiter::Limits limits;
        limits.perMinute = 7;
        RateLimiter limiter(limits);
        std::mt19937 random(42);
        std::uniform_int_distribution<qint64> duration(1, 20'000);
        std::uniform_real_distribution<double> where(0.0, 1.0);
        struct Connection { qint64 busyUntil = 0; qint64 reservedAt = -1; };
        std::vector<Connection> connections(4);
        std::vector<qint64> received;
        for (qint64 now = 0; now < 30 * 60'000; now += 50) {
            for (Connection &c : connections) {
                if (c.reservedAt >= 0 && now >= c.busyUntil) {
                    received.push_back(c.reservedAt + qint64(where(random) * double(c.busyUntil - c.reservedAt)));
                    limiter.release(now);
                    c.reservedAt = -1;
                }
                if (c.reservedAt < 0 && limiter.acquire(now).granted) {
                    c.reservedAt = now;
                    c.busyUntil = now + duration(random);
                }
            }
        }
        std::sort(received.begin(), received.end());
        QVERIFY(received.size() > 100);
        for (std::size_t i = 0; i < received.size(); ++i) {
            const auto end = std::lower_bound(received.begin(), received.end(), received[i] + 60'000);
            QVERIFY2(end - (received.begin() + qsizetype(i)) <= 7, "a 60-second window exceeds the cap");
        }
    }
};

QTEST_APPLESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
