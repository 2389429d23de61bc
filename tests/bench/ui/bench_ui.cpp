// The desktop benchmark (issue 6), run by tests/bench/bench-ui: the real
// MainWindow (leadtrail_ui) on a generated workspace of 100,000 leads and
// 1,000,000 events, each figure beside a reference measured in the same run.
// It reports; it does not judge.
//
//   bench_ui generate DIR [events=1000000] [deliveries=100000]
//       builds DIR/ws with bench-insight's generator (benchseed): the relay's
//       store is filled through its own EventStore, the real relay is started
//       in-process on port 0, the real RelayPoller syncs it all and the
//       InsightEngine settles it, as the application would.
//   BENCH_START_NS=<ns since the epoch> bench_ui measure DIR
//       (a) process start → first paint of the leads table's viewport after
//           the window shows the workspace; (b) opening the stats panel of the
//           largest campaign until it is painted; (c) a lead's timeline in the
//           detail panel until painted; (d) peak RSS.
//   BENCH_START_NS=<ns> bench_ui reference
//       the same process start → first paint for an empty QMainWindow, and its RSS.

#include "campaignspage.h"
#include "leaddetailpanel.h"
#include "leadspage.h"
#include "mainwindow.h"
#include "statspanel.h"
#include "theme.h"
#include "timelineview.h"
#include "benchseed.h"
#include "insight/backgroundsync.h"
#include "insight/campaignstats.h"
#include "insight/insightconfig.h"
#include "insight/insightengine.h"
#include "insight/leadtimeline.h"
#include "insight/relaypoller.h"
#include "relayserver.h"
#include "store/workspace.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QMainWindow>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <vector>

using namespace Qt::StringLiterals;
using namespace leadtrail;

namespace {

constexpr const char *apiKey = "bench-ui-api-key-0123456789abcdef";

qint64 nowNs()
{
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

/** Milliseconds since the script started this process (BENCH_START_NS, taken just before exec). */
double sinceStartMs()
{
    const qint64 start = qEnvironmentVariable("BENCH_START_NS").toLongLong();
    return start > 0 ? double(nowNs() - start) / 1e6 : -1;
}

/** The process's peak resident set (VmHWM) in MB. */
double peakRssMb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024;
    }
    return -1;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

/**
 * Runs the event loop until @p widget or one of its descendants has been
 * painted, and the event loop came round once more (the paint is finished
 * and flushed). Returns when that happened, in ns since the epoch.
 */
class PaintWatcher final : public QObject
{
public:
    explicit PaintWatcher(QWidget *widget)
    {
        widget->installEventFilter(this);
        for (QWidget *child : widget->findChildren<QWidget *>())
            child->installEventFilter(this);
    }

    qint64 wait(int timeoutMs = 60'000)
    {
        if (!m_painted) {
            QTimer::singleShot(timeoutMs, &m_loop, &QEventLoop::quit);
            m_loop.exec();
        }
        return m_doneNs;
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_painted) {
            m_painted = true;
            QTimer::singleShot(0, this, [this] {
                m_doneNs = nowNs();
                m_loop.quit();
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QEventLoop m_loop;
    bool m_painted = false;
    qint64 m_doneNs = 0;
};

/** Milliseconds from calling @p action until what it shows in @p widget is painted. */
double timeToPaint(QWidget *widget, const std::function<void()> &action)
{
    PaintWatcher watcher(widget);
    const qint64 start = nowNs();
    action();
    const qint64 done = watcher.wait();
    return done > 0 ? double(done - start) / 1e6 : -1;
}

int generate(const QString &dir, qint64 events, qint64 deliveries)
{
    QElapsedTimer total;
    total.start();
    QString error;
    QDir().mkpath(dir);
    auto ws = Workspace::open(QDir(dir).filePath(u"ws"_s), Workspace::OpenMode::CreateIfMissing, &error);
    const qint64 sentAt = QDateTime::currentMSecsSinceEpoch() - 72ll * 3'600'000;
    if (!ws || !benchseed::seedWorkspace(*ws, deliveries, sentAt)) {
        std::fprintf(stderr, "workspace: %s\n", qPrintable(error));
        return 1;
    }
    const std::string store = QDir(dir).filePath(u"events.sqlite"_s).toStdString();
    benchseed::seedRelay(store, events, deliveries, sentAt);

    relay::RelayServer relay(benchseed::relayConfig(store, apiKey));
    relay.start();
    RelayPoller poller(*ws);
    poller.setRelay(QUrl(u"http://127.0.0.1:%1"_s.arg(relay.port())), QString::fromLatin1(apiKey));
    poller.setPageSize(5000);
    QEventLoop loop;
    bool synced = false;
    QObject::connect(&poller, &RelayPoller::finished, &loop, [&](bool ok) {
        synced = ok;
        loop.quit();
    });
    poller.start(RelayPoller::Mode::UntilCaughtUp);
    loop.exec();
    relay.stop();
    if (!synced || poller.totals().ingested != events) {
        std::fprintf(stderr, "sync failed: %s\n", qPrintable(poller.state().error));
        return 1;
    }
    InsightEngine engine(*ws, InsightConfig::fromWorkspace(*ws));
    if (!engine.settle(QDateTime::currentMSecsSinceEpoch(), &error)) {
        std::fprintf(stderr, "settle: %s\n", qPrintable(error));
        return 1;
    }
    QFile::remove(QString::fromStdString(store)); // the workspace has it all now
    std::printf("generated: %lld leads, %lld events synced from the relay and settled, in %.1f s\n",
                static_cast<long long>(deliveries), static_cast<long long>(events), double(total.elapsed()) / 1000);
    return 0;
}

int reference()
{
    QMainWindow window;
    window.resize(1280, 800);
    PaintWatcher watcher(&window);
    window.show();
    watcher.wait();
    const double startMs = sinceStartMs();
    std::printf("reference: empty window painted %.0f ms after process start; peak RSS %.0f MB\n", startMs, peakRssMb());
    return 0;
}

int measure(const QString &dir)
{
    Theme::apply(Theme::fromName(QString()));
    QString error;
    auto ws = Workspace::open(QDir(dir).filePath(u"ws"_s), Workspace::OpenMode::OpenExisting, &error);
    if (!ws) {
        std::fprintf(stderr, "workspace: %s\n", qPrintable(error));
        return 1;
    }
    MainWindow window;
    QSignalSpy synced(&window, &MainWindow::synced);
    window.setWorkspace(ws.get());
    PaintWatcher tablePainted(window.leadsPage()->table()->viewport());
    window.show();
    tablePainted.wait();
    const double startMs = sinceStartMs();

    // The first sync (not paired here: it only settles) reports back on its
    // own; the figures below are taken once the window is idle again.
    if (synced.isEmpty())
        synced.wait(60'000);
    QSqlQuery largest(ws->database());
    largest.exec(u"SELECT campaign_id, count(*) AS n FROM deliveries GROUP BY campaign_id ORDER BY n DESC LIMIT 1"_s);
    const qint64 campaign = largest.next() ? largest.value(0).toLongLong() : 1;
    const qint64 campaignDeliveries = largest.value(1).toLongLong();

    CampaignsPage *campaigns = window.campaignsPage();
    window.showSection(MainWindow::CampaignsSection);
    QCoreApplication::processEvents();
    const double statsFirstMs = timeToPaint(campaigns->statsPanel(), [&] { campaigns->showCampaign(campaign); });
    std::vector<double> statsRuns, statsRef;
    for (int i = 0; i < 5; ++i) {
        statsRuns.push_back(timeToPaint(campaigns->statsPanel(), [&] { campaigns->statsPanel()->reload(); }));
        QElapsedTimer t;
        t.start();
        CampaignStats::compute(*ws, campaign, &error);
        statsRef.push_back(double(t.nsecsElapsed()) / 1e6);
    }

    window.showSection(MainWindow::LeadsSection);
    QCoreApplication::processEvents();
    LeadDetailPanel *detail = window.leadsPage()->detail();
    const auto timeline = [&](qint64 lead, double *reference) {
        std::vector<double> runs, refs;
        for (int i = 0; i < 5; ++i) {
            window.openLead(0 == i % 2 ? lead : lead + 1); // a different lead each time, so it really changes
            QCoreApplication::processEvents();
            runs.push_back(timeToPaint(detail, [&] { window.openLead(lead); }));
            QElapsedTimer t;
            t.start();
            LeadTimeline::build(*ws, lead, &error);
            refs.push_back(double(t.nsecsElapsed()) / 1e6);
        }
        *reference = median(refs);
        return median(runs);
    };
    double busyRef = 0, typicalRef = 0;
    const double busyMs = timeline(1, &busyRef);
    const double typicalMs = timeline(campaignDeliveries / 2, &typicalRef);
    const double rss = peakRssMb();

    qint64 events = 0;
    QSqlQuery count(ws->database());
    if (count.exec(u"SELECT max(id) FROM events"_s) && count.next())
        events = count.value(0).toLongLong();
    std::printf("workspace: %lld leads' deliveries in the largest campaign, %lld events\n",
                static_cast<long long>(campaignDeliveries), static_cast<long long>(events));
    std::printf("(a) start to leads table painted: %.0f ms (target < 1000 ms)\n", startMs);
    std::printf("(b) stats panel of the largest campaign painted: first %.0f ms, median of 5 reloads %.0f ms"
                " (target < 200 ms); reference, CampaignStats::compute alone: median %.0f ms\n",
                statsFirstMs, median(statsRuns), median(statsRef));
    std::printf("(c) lead timeline painted in the detail panel: busy lead (%d events) median %.0f ms, typical lead"
                " median %.0f ms (target < 100 ms); reference, LeadTimeline::build alone: %.1f ms and %.1f ms\n",
                benchseed::busyLeadEvents, busyMs, typicalMs, busyRef, typicalRef);
    std::printf("(d) peak RSS: %.0f MB (target < 300 MB)\n", rss);
    window.setWorkspace(nullptr);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const QStringList args = QApplication::arguments();
    const QString mode = args.value(1);
    if (mode == u"generate"_s && args.size() >= 3)
        return generate(args.at(2), args.value(3, u"1000000"_s).toLongLong(), args.value(4, u"100000"_s).toLongLong());
    if (mode == u"measure"_s && args.size() >= 3)
        return measure(args.at(2));
    if (mode == u"reference"_s)
        return reference();
    std::fprintf(stderr, "usage: bench_ui generate DIR [events] [deliveries] | measure DIR | reference\n");
    return 2;
}
