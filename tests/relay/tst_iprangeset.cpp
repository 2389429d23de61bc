// IpRangeSet with a generated file in the format of Apple's published egress
// list (https://mask-api.icloud.com/egress-ip-ranges.csv: prefix,country,
// region,city; IPv4 and IPv6), at the size of the real one, and the relay
// marking an open from a range listed in the middle of such a file.
#include "relaytestsupport.h"

#include "iprangeset.h"
#include "relayserver.h"

#include <cstdio>
#include <fstream>
#include <memory>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace leadtrail;

namespace {

constexpr int v4Blocks = 65536; // 10.x.y.0/25 for every x.y; the upper half too for every 7th
constexpr int v6Blocks = 120000; // one /64 each, from 2a02:26f7:b3c0:0::/64 on

std::string hex(int i)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%x", i);
    return buffer;
}

/** The i-th listed IPv6 /64 (or the one after it), as its first four groups and a colon ("2a02:26f7:b3c0:0:"). */
std::string v6(int i, const char *site = "2a02:26f7:", int after = 0)
{
    // Every other /64, so that no two listed ones are adjacent (those would merge).
    const int j = 2 * i + after;
    return site + hex(0xb3c0 + (j >> 16)) + ":" + hex(j & 0xffff) + ":";
}

std::string v4(int i, int host)
{
    return "10." + std::to_string(i >> 8) + "." + std::to_string(i & 0xff) + "." + std::to_string(host);
}

/** Writes the list; returns its line count. */
int writeAppleCsv(const std::string &path, const std::string &extraLine = {})
{
    std::ofstream out(path);
    int lines = 0;
    for (int i = 0; i < v4Blocks; ++i) {
        out << v4(i, 0) << "/25,GB,GB-EN,London,\n";
        ++lines;
        if (i % 7 == 0) {
            out << v4(i, 128) << "/25,US,US-CA,Los Angeles,\n";
            ++lines;
        }
        if (i == v4Blocks / 2 && !extraLine.empty()) {
            out << extraLine << '\n';
            ++lines;
        }
    }
    for (int i = 0; i < v6Blocks; ++i) {
        out << v6(i) << ":/64,DE,DE-BE,Berlin,\n";
        ++lines;
    }
    return lines;
}

} // namespace

class TstIpRangeSet final : public QObject
{
    Q_OBJECT

private slots:
    void cidrEdges();
    void appleSizedCsvLoadsAndAnswersExactly();
    void badLinesAreCountedAndTheRestKept();
    void relayMarksOpensFromAListedRange();
};

void TstIpRangeSet::cidrEdges()
{
    relay::IpRangeSet set;
    QVERIFY(set.add("192.0.2.0/24"));
    QVERIFY(set.add("192.0.3.0/24")); // adjacent: merged
    QVERIFY(set.add("2001:db8::/32"));
    QVERIFY(set.add("0.0.0.0/0") == true);
    QCOMPARE(set.size(), std::size_t(2)); // all of IPv4, and the IPv6 range
    QVERIFY(set.contains("255.255.255.255"));
    QVERIFY(set.contains("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff"));
    QVERIFY(!set.contains("2001:db9::"));
    QVERIFY(!set.contains("::1"));
    QVERIFY(!set.contains("not an address"));

    relay::IpRangeSet edges;
    QVERIFY(edges.add("ffff:ffff:ffff:ffff:ffff:ffff:ffff:fff0/124")); // ends at the last address
    QVERIFY(edges.add("::/128"));
    QVERIFY(edges.add("198.51.100.7")); // a bare address is a /32
    QVERIFY(edges.contains("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"));
    QVERIFY(!edges.contains("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffef"));
    QVERIFY(edges.contains("::"));
    QVERIFY(!edges.contains("::1"));
    QVERIFY(edges.contains("198.51.100.7"));
    QVERIFY(!edges.contains("198.51.100.8"));
    QVERIFY(!edges.contains("198.51.100.6"));
    for (const char *bad : {"10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/x", "10.0.0/8", "/8", ""})
        QVERIFY2(!edges.add(bad), bad);
    QCOMPARE(edges.size(), std::size_t(3));
}

void TstIpRangeSet::appleSizedCsvLoadsAndAnswersExactly()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath(u"egress-ip-ranges.csv"_s).toStdString();
    const int lines = writeAppleCsv(path);

    relay::IpRangeSet set;
    std::size_t bad = 99;
    QElapsedTimer timer;
    timer.start();
    QVERIFY(set.loadFile(path, &bad));
    qInfo("loaded %d lines in %lld ms: %zu intervals", lines, static_cast<long long>(timer.elapsed()), set.size());
    QCOMPARE(bad, std::size_t(0));
    // A whole /24 (every 7th block) runs on into the next block's lower half: one interval.
    QCOMPARE(set.size(), std::size_t(v4Blocks - (v4Blocks + 6) / 7 + v6Blocks));

    timer.restart();
    int checked = 0;
    for (int i = 0; i < v4Blocks; ++i) {
        QVERIFY(set.contains(v4(i, 0)));
        QVERIFY(set.contains(v4(i, 127)));
        if ((i % 7 == 0) != set.contains(v4(i, 200)))
            QFAIL(("wrong answer for " + v4(i, 200)).c_str());
        checked += 3;
    }
    for (int i = 0; i < v6Blocks; ++i) {
        QVERIFY(set.contains(v6(i) + ":1"));
        QVERIFY(set.contains(v6(i) + "ffff:ffff:ffff:ffff"));
        QVERIFY(!set.contains(v6(i, "2a02:26f8:") + ":1"));
        QVERIFY(!set.contains(v6(i, "2a02:26f7:", 1) + ":1")); // the unlisted /64 after it
        checked += 3;
    }
    qInfo("%d lookups in %lld ms", checked, static_cast<long long>(timer.elapsed()));
    for (const char *outside : {"11.0.0.1", "9.255.255.255", "::ffff:b00:1", "2a02:26f7:b3bf:ffff::1", "17.0.0.1"})
        QVERIFY2(!set.contains(outside), outside);
    QVERIFY(set.contains("::ffff:10.0.0.1")); // IPv4-mapped spelling of a listed IPv4 address
}

void TstIpRangeSet::badLinesAreCountedAndTheRestKept()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath(u"ranges.csv"_s).toStdString();
    {
        std::ofstream out(path);
        out << "# a comment\n\n172.224.226.0/27,GB,GB-EN,London,\nnot-a-range,US,,,\n"
               "2a02:26f7:b3c0:4000::/64,DE,DE-BE,Berlin,\n10.0.0.0/99,XX,,,\n  192.0.2.1  # one host\n";
    }
    relay::IpRangeSet set;
    std::size_t bad = 0, first = 0;
    QVERIFY(set.loadFile(path, &bad, &first));
    QCOMPARE(bad, std::size_t(2));
    QCOMPARE(first, std::size_t(4));
    QCOMPARE(set.size(), std::size_t(3));
    QVERIFY(set.contains("172.224.226.31"));
    QVERIFY(!set.contains("172.224.226.32"));
    QVERIFY(set.contains("2a02:26f7:b3c0:4000::abcd"));
    QVERIFY(set.contains("192.0.2.1"));
    QVERIFY(!set.loadFile(dir.filePath(u"missing.csv"_s).toStdString()));
}

void TstIpRangeSet::relayMarksOpensFromAListedRange()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // The test client's own address, listed in the middle of an Apple-sized file.
    writeAppleCsv(dir.filePath(u"apple-mpp-ranges.txt"_s).toStdString(), "127.0.0.0/8,US,US-CA,Cupertino,");
    relay::RelayConfig config = relaytest::testConfig(dir.path().toStdString());
    config.dataDir = dir.path().toStdString();
    relay::RelayServer server(config);
    server.start();
    const std::string desktopUa = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Thunderbird/115.0";
    const auto open = relaytest::request(server.port(), "GET", "/o/" + relaytest::token(protocol::TokenKind::Open),
                                         {{"User-Agent", desktopUa}});
    QCOMPARE(open.status, 200);
    const auto page = relaytest::request(server.port(), "GET", "/api/v1/events?after=0",
                                         {{"Authorization", "Bearer " + config.apiKey}});
    server.stop();
    QCOMPARE(page.status, 200);
    const QJsonArray events = QJsonDocument::fromJson(QByteArray::fromStdString(page.body)).object()[u"events"_s].toArray();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.at(0).toObject()[u"signals"_s].toObject()[u"apple_mpp"_s].toBool(), true);
}

QTEST_APPLESS_MAIN(TstIpRangeSet)
#include "tst_iprangeset.moc"
