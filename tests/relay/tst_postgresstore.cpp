// The PostgreSQL event store against a real PostgreSQL server started by the
// test (initdb + pg_ctl in a temporary directory, free loopback port): the
// store contract, two relay instances sharing one database while a poller
// follows the cursor, retention, and a relay serving clicks and conversions
// from it. Skips with the reason when the server binaries are not installed.
#include "postgresserver.h"
#include "relaytestsupport.h"

#include "postgreseventstore.h"
#include "relayconfig.h"
#include "relayserver.h"

#include "clickid.h"

#include <atomic>
#include <fstream>
#include <functional>
#include <mutex>
#include <set>
#include <thread>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Exception.h>

using namespace Qt::StringLiterals;
using namespace leadtrail;

namespace {

relay::Event sampleEvent(relay::EventType type, std::int64_t timeMs = 1'700'000'000'000)
{
    relay::Event e;
    e.type = type;
    e.delivery = "00112233445566778899aabbccddeeff";
    e.linkIndex = 3;
    e.url = type == relay::EventType::Click ? "https://a.example/p?x=1" : "";
    e.timeMs = timeMs;
    e.method = "GET";
    e.ip = "198.51.100.7";
    e.userAgent = "Mozilla/5.0 \"quoted\" caf\xc3\xa9";
    e.scanner = "curl";
    e.head = true;
    e.ageSeconds = 42;
    e.appleMpp = true;
    return e;
}

} // namespace

class TstPostgresStore final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void appendFetchDedupeAndFindClick();
    void twoInstancesShareOneDatabaseAndThePollerMissesNothing();
    void purgeKeepsNewerAndNeverReusesIds();
    void relayServesClicksAndConversionsFromPostgres();
    void configNamesTheMissingConnection();

private:
    std::unique_ptr<PostgresServer> m_server;
};

void TstPostgresStore::initTestCase()
{
    m_server = std::make_unique<PostgresServer>();
    if (!m_server->available())
        QSKIP(qPrintable(m_server->error()));
}

void TstPostgresStore::init()
{
    // Every test starts from an empty database.
    Poco::Data::PostgreSQL::Connector::registerConnector();
    Poco::Data::Session session(Poco::Data::PostgreSQL::Connector::KEY, m_server->connection());
    session << "DROP TABLE IF EXISTS relay_events, relay_meta", Poco::Data::Keywords::now;
}

void TstPostgresStore::cleanupTestCase()
{
    m_server.reset();
}

void TstPostgresStore::appendFetchDedupeAndFindClick()
{
    relay::PostgresEventStore store(m_server->connection());
    QCOMPARE(store.lastId(), std::int64_t(0));
    relay::Event open = sampleEvent(relay::EventType::Open);
    relay::Event click = sampleEvent(relay::EventType::Click);
    click.clickIdNonce = relay::clickid::newNonce();
    relay::Event unsubscribe = sampleEvent(relay::EventType::Unsubscribe);
    unsubscribe.dedupeKey = "unsubscribe:00112233445566778899aabbccddeeff";
    store.append({&open, &click, &unsubscribe});
    QCOMPARE(open.id, std::int64_t(1));
    QCOMPARE(click.id, std::int64_t(2));
    QCOMPARE(unsubscribe.id, std::int64_t(3));
    QVERIFY(!click.clickId.empty());

    // The same unsubscribe again (another POST) is dropped; the open beside it is not.
    relay::Event again = unsubscribe;
    relay::Event open2 = sampleEvent(relay::EventType::Open);
    store.append({&again, &open2});
    QCOMPARE(again.id, std::int64_t(0));
    QCOMPARE(open2.id, std::int64_t(4));

    const std::vector<relay::Event> all = store.fetchAfter(0, 100);
    QCOMPARE(all.size(), std::size_t(4));
    const relay::Event &c = all.at(1);
    QCOMPARE(c.type, relay::EventType::Click);
    QCOMPARE(c.url, click.url);
    QCOMPARE(c.clickId, click.clickId);
    QCOMPARE(c.userAgent, click.userAgent);
    QCOMPARE(c.ip, click.ip);
    QCOMPARE(c.timeMs, click.timeMs);
    QCOMPARE(c.linkIndex, 3u);
    QCOMPARE(c.scanner, std::string("curl"));
    QVERIFY(c.head && c.appleMpp);
    QCOMPARE(c.ageSeconds, std::int64_t(42));
    QCOMPARE(store.fetchAfter(2, 1).front().id, std::int64_t(3));
    QCOMPARE(store.lastId(), std::int64_t(4));

    QVERIFY(store.findClick(click.clickId).has_value());
    std::string forged = click.clickId;
    forged.back() = forged.back() == 'a' ? 'b' : 'a';
    QVERIFY(!store.findClick(forged).has_value());
    QVERIFY(!store.findClick("not a click id").has_value());
}

void TstPostgresStore::twoInstancesShareOneDatabaseAndThePollerMissesNothing()
{
    constexpr int batches = 60, perBatch = 20;
    relay::PostgresEventStore first(m_server->connection());
    relay::PostgresEventStore second(m_server->connection());
    std::atomic<bool> writing{true};
    std::vector<std::int64_t> polled;
    std::mutex failureMutex;
    std::string failure;
    const auto guarded = [&](const std::function<void()> &body) {
        try {
            body();
        } catch (const Poco::Exception &e) {
            std::lock_guard lock(failureMutex);
            failure = e.displayText();
        } catch (const std::exception &e) {
            std::lock_guard lock(failureMutex);
            failure = e.what();
        }
    };
    // A desktop polling while both relays write: the cursor must never skip an event.
    std::thread poller([&] {
        guarded([&] {
            relay::PostgresEventStore reader(m_server->connection());
            std::int64_t cursor = 0;
            for (;;) {
                const bool last = !writing.load();
                for (const relay::Event &e : reader.fetchAfter(cursor, 500)) {
                    polled.push_back(e.id);
                    cursor = e.id;
                }
                if (last)
                    return;
            }
        });
    });
    const auto write = [&](relay::PostgresEventStore &store) {
        for (int b = 0; b < batches; ++b) {
            std::vector<relay::Event> events(perBatch, sampleEvent(relay::EventType::Click));
            std::vector<relay::Event *> batch;
            for (relay::Event &e : events)
                batch.push_back(&e);
            store.append(batch);
        }
    };
    std::thread a([&] { guarded([&] { write(first); }); });
    std::thread b([&] { guarded([&] { write(second); }); });
    a.join();
    b.join();
    writing = false;
    poller.join();
    QVERIFY2(failure.empty(), failure.c_str());

    const std::vector<relay::Event> all = first.fetchAfter(0, 10000);
    QCOMPARE(all.size(), std::size_t(2 * batches * perBatch));
    for (std::size_t i = 0; i < all.size(); ++i)
        QCOMPARE(all[i].id, std::int64_t(i + 1));
    QCOMPARE(polled.size(), all.size());
    QCOMPARE(std::set<std::int64_t>(polled.begin(), polled.end()).size(), all.size());
}

void TstPostgresStore::purgeKeepsNewerAndNeverReusesIds()
{
    relay::PostgresEventStore store(m_server->connection());
    relay::Event old1 = sampleEvent(relay::EventType::Open, 1000), old2 = sampleEvent(relay::EventType::Open, 2000);
    relay::Event fresh = sampleEvent(relay::EventType::Open, 5000);
    store.append({&old1, &old2, &fresh});
    QCOMPARE(store.purgeOlderThan(3000), std::size_t(2));
    const std::vector<relay::Event> left = store.fetchAfter(0, 10);
    QCOMPARE(left.size(), std::size_t(1));
    QCOMPARE(left.front().id, fresh.id);
    QCOMPARE(store.purgeOlderThan(3000), std::size_t(0));
    relay::PostgresEventStore reopened(m_server->connection());
    QCOMPARE(reopened.lastId(), std::int64_t(3));
    relay::Event next = sampleEvent(relay::EventType::Open, 6000);
    reopened.append({&next});
    QCOMPARE(next.id, std::int64_t(4));
}

void TstPostgresStore::relayServesClicksAndConversionsFromPostgres()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    relay::RelayConfig config = relaytest::testConfig(dir.path().toStdString());
    config.storeKind = "postgresql";
    config.storePostgres = m_server->connection();
    relay::RelayServer relay(config);
    relay.start();
    const auto click = relaytest::request(relay.port(), "GET",
                                          "/c/" + relaytest::token(protocol::TokenKind::Click, "https://a.example/buy"));
    QCOMPARE(click.status, 302);
    const std::string location = click.header("location");
    QVERIFY2(location.rfind("https://a.example/buy?lt_cid=", 0) == 0, location.c_str());
    const std::string cid = location.substr(location.find("lt_cid=") + 7);
    const auto conversion = relaytest::request(relay.port(), "GET", "/p?cid=" + cid + "&value=12.50&currency=EUR&key=" + config.postbackKey);
    QCOMPARE(conversion.status, 200);
    const auto forged = relaytest::request(relay.port(), "GET", "/p?cid=" + cid.substr(0, cid.size() - 1) + "x&key=" + config.postbackKey);
    QVERIFY(forged.status >= 400 && forged.status < 500);
    const auto page = relaytest::request(relay.port(), "GET", "/api/v1/events?after=0",
                                         {{"Authorization", "Bearer " + config.apiKey}});
    relay.stop();
    QCOMPARE(page.status, 200);
    const QJsonArray events = QJsonDocument::fromJson(QByteArray::fromStdString(page.body)).object()[u"events"_s].toArray();
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).toObject()[u"type"_s].toString(), u"click"_s);
    QCOMPARE(events.at(1).toObject()[u"type"_s].toString(), u"conversion"_s);
    QCOMPARE(events.at(1).toObject()[u"value"_s].toString(), u"12.50"_s);
}

void TstPostgresStore::configNamesTheMissingConnection()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath(u"relay.conf"_s).toStdString();
    relay::RelayConfig::writeNew(path, "https://track.example.com");
    std::ofstream(path, std::ios::app) << "relay.store.kind = postgresql\n";
    try {
        relay::RelayConfig::load(path);
        QFAIL("a postgresql store without a connection string was accepted");
    } catch (const Poco::Exception &e) {
        QVERIFY2(e.displayText().find("relay.store.postgresql") != std::string::npos, e.displayText().c_str());
    }
    std::ofstream(path, std::ios::app) << "relay.store.postgresql = " << m_server->connection() << "\n";
    QCOMPARE(relay::RelayConfig::load(path).storeKind, std::string("postgresql"));
}

QTEST_GUILESS_MAIN(TstPostgresStore)
#include "tst_postgresstore.moc"
