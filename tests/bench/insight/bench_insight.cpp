// The insight benchmark: a real relay (in-process, port 0) whose SQLite store
// is loaded with generated events through its own EventStore, synced into a
// workspace by the real poller; then the stats of the campaign and the
// timeline of a busy lead. Each figure comes with a reference measured in the
// same run. Run by tests/bench/bench-insight; it reports, it does not judge.
//
//   bench_insight [events=1000000] [deliveries=100000]
#include "insight/campaignstats.h"
#include "insight/insightconfig.h"
#include "insight/insightengine.h"
#include "insight/leadtimeline.h"
#include "insight/relayevent.h"
#include "insight/relaypoller.h"
#include "store/workspace.h"

#include "benchseed.h"
#include "relayserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;
using namespace leadtrail;

namespace {

constexpr const char *apiKey = "bench-insight-api-key-0123456789";

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

template<typename F>
double timedMs(F &&f)
{
    QElapsedTimer t;
    t.start();
    f();
    return static_cast<double>(t.nsecsElapsed()) / 1e6;
}

/** The reference for ingest: the same pages downloaded and parsed, nothing stored. */
qint64 downloadOnly(const QString &base, int pageSize, double *ms)
{
    QNetworkAccessManager network;
    qint64 after = 0, total = 0;
    *ms = timedMs([&] {
        for (;;) {
            QNetworkRequest request(QUrl(u"%1/api/v1/events?after=%2&limit=%3"_s.arg(base).arg(after).arg(pageSize)));
            request.setRawHeader("Authorization", QByteArray("Bearer ") + apiKey);
            QNetworkReply *reply = network.get(request);
            QEventLoop loop;
            QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
            QString error;
            const auto page = RelayEventPage::parse(reply->readAll(), &error);
            reply->deleteLater();
            if (!page || page->events.isEmpty())
                break;
            total += page->events.size();
            after = page->next;
        }
    });
    return total;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // each figure as soon as it is measured
    const qint64 events = argc > 1 ? QString::fromLocal8Bit(argv[1]).toLongLong() : 1'000'000;
    const qint64 deliveries = argc > 2 ? QString::fromLocal8Bit(argv[2]).toLongLong() : 100'000;
    const int pageSize = 5000;
    QTemporaryDir dir;
    const qint64 sentAt = QDateTime::currentMSecsSinceEpoch() - 72ll * 3'600'000;

    QString error;
    auto ws = Workspace::open(dir.filePath(u"ws"_s), Workspace::OpenMode::CreateIfMissing, &error);
    if (!ws || !benchseed::seedWorkspace(*ws, deliveries, sentAt)) {
        std::fprintf(stderr, "workspace: %s\n", qPrintable(error));
        return 1;
    }
    const std::string store = dir.filePath(u"events.sqlite"_s).toStdString();
    const double seedMs = timedMs([&] { benchseed::seedRelay(store, events, deliveries, sentAt); });
    std::printf("setup: %lld deliveries, %lld relay events written through the relay's store in %.1f s\n",
                static_cast<long long>(deliveries), static_cast<long long>(events), seedMs / 1000);

    relay::RelayServer relay(benchseed::relayConfig(store, apiKey));
    relay.start();
    const QString base = u"http://127.0.0.1:%1"_s.arg(relay.port());

    double downloadMs = 0;
    const qint64 downloaded = downloadOnly(base, pageSize, &downloadMs);

    RelayPoller poller(*ws);
    poller.setRelay(QUrl(base), QString::fromLatin1(apiKey));
    poller.setPageSize(pageSize);
    bool synced = false;
    const double syncMs = timedMs([&] {
        QEventLoop loop;
        QObject::connect(&poller, &RelayPoller::finished, &loop, [&](bool ok) {
            synced = ok;
            loop.quit();
        });
        poller.start(RelayPoller::Mode::UntilCaughtUp);
        loop.exec();
    });
    relay.stop();
    const qint64 ingested = poller.totals().ingested;
    if (!synced || ingested != events) {
        std::fprintf(stderr, "sync failed: %s (ingested %lld of %lld)\n", qPrintable(poller.state().error),
                     static_cast<long long>(ingested), static_cast<long long>(events));
        return 1;
    }
    const double ingestRate = static_cast<double>(ingested) / (syncMs / 1000);
    const double downloadRate = static_cast<double>(downloaded) / (downloadMs / 1000);
    std::printf("ingest: %lld events from the relay API in %.2f s = %.0f events/s (target >= 20000)\n",
                static_cast<long long>(ingested), syncMs / 1000, ingestRate);
    std::printf("  reference, the same pages downloaded and parsed without storing: %.0f events/s; ingest/reference = %.2f\n",
                downloadRate, ingestRate / downloadRate);

    InsightConfig insight;
    InsightEngine engine(*ws, insight);
    std::optional<InsightEngine::Result> settled;
    const double settleMs = timedMs([&] { settled = engine.settle(QDateTime::currentMSecsSinceEpoch(), &error); });
    if (!settled) {
        std::fprintf(stderr, "settle: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("classify: %d events of %d deliveries settled in %.1f s (%.0f events/s; no target)\n", settled->events,
                settled->deliveries, settleMs / 1000, settled->events / (settleMs / 1000));

    std::vector<double> statsRuns, scanRuns;
    std::optional<CampaignStats> stats;
    for (int i = 0; i < 15; ++i) {
        statsRuns.push_back(timedMs([&] { stats = CampaignStats::compute(*ws, 1, &error); }));
        scanRuns.push_back(timedMs([&] {
            QSqlQuery q(ws->database());
            q.exec(u"SELECT count(*), count(DISTINCT delivery_row) FROM events WHERE campaign_id = 1 AND type IN (1, 2)"
                   " AND verdict = 1"_s);
            q.next();
        }));
    }
    std::printf("stats: campaign of %lld deliveries, %lld events: median %.1f ms over 15 runs (target <= 100 ms);"
                " opened %lld, clicked %lld, machine opens %lld, machine clicks %lld, links %lld, hours %lld\n",
                static_cast<long long>(stats->total), static_cast<long long>(events), median(statsRuns),
                static_cast<long long>(stats->opened), static_cast<long long>(stats->clicked),
                static_cast<long long>(stats->machineOpens), static_cast<long long>(stats->machineClicks),
                static_cast<long long>(stats->links.size()), static_cast<long long>(stats->hours.size()));
    std::printf("  reference, one count of unique human openers by scanning the campaign's events: median %.1f ms;"
                " stats/reference = %.3f\n",
                median(scanRuns), median(statsRuns) / median(scanRuns));

    std::vector<double> timelineRuns, readRuns;
    qsizetype items = 0;
    for (int i = 0; i < 25; ++i) {
        timelineRuns.push_back(timedMs([&] { items = LeadTimeline::build(*ws, 1, &error)->size(); }));
        readRuns.push_back(timedMs([&] {
            QSqlQuery q(ws->database());
            // Through the lead's deliveries: events are indexed by delivery, not by lead.
            q.prepare(u"SELECT * FROM events WHERE delivery_row IN (SELECT id FROM deliveries WHERE lead_id = ?)"
                      " ORDER BY time"_s);
            q.addBindValue(1);
            q.exec();
            while (q.next()) {
            }
        }));
    }
    qint64 leadEvents = 0;
    {
        QSqlQuery q(ws->database());
        q.exec(u"SELECT count(*) FROM events WHERE lead_id = 1"_s);
        q.next();
        leadEvents = q.value(0).toLongLong();
    }
    std::printf("timeline: lead with %lld events (%lld items): median %.2f ms over 25 runs (target <= 20 ms)\n",
                static_cast<long long>(leadEvents), static_cast<long long>(items), median(timelineRuns));
    std::printf("  reference, reading the lead's event rows alone: median %.2f ms; timeline/reference = %.2f\n",
                median(readRuns), median(timelineRuns) / median(readRuns));
    return 0;
}
