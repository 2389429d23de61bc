// The sample workspace, built by the core from the bundled leads and
// template: what a newcomer sees must be what the product computes, so the
// checks read it back through the same core calls the screens use.

#include "insight/campaignstats.h"
#include "insight/leadtimeline.h"
#include "insight/rulestore.h"
#include "insight/sampleworkspace.h"
#include "sending/campaignstore.h"
#include "store/leadstore.h"
#include "store/workspace.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace leadtrail;
using namespace Qt::StringLiterals;

class TestSampleWorkspace : public QObject
{
    Q_OBJECT

private slots:
    void builtFromTheBundledData();
    void reopenedNotRebuilt();
    void failureLeavesNothing();
};

void TestSampleWorkspace::builtFromTheBundledData()
{
    QTemporaryDir dir;
    QString error;
    const QString folder = dir.filePath(u"app/sample"_s);
    auto ws = SampleWorkspace::open(folder, &error);
    QVERIFY2(ws, qPrintable(error));
    QVERIFY(!QDir(folder + u".building"_s).exists());

    // Every row of the bundled CSV became a lead.
    QFile csv(QStringLiteral(LEADTRAIL_SOURCE_DIR "/resources/sample/leads.csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const qsizetype rows = csv.readAll().trimmed().count('\n'); // the header line has no row of its own
    QCOMPARE(LeadStore(*ws).count(), rows);

    const QList<Campaign> campaigns = CampaignStore(*ws).list();
    QCOMPARE(campaigns.size(), 1);
    const Campaign &campaign = campaigns.first();
    QCOMPARE(campaign.name, SampleWorkspace::campaignName());
    QCOMPARE(campaign.state, CampaignState::Sent);
    QVERIFY(campaign.startedAt < QDateTime::currentDateTimeUtc().addSecs(-3600));

    const std::optional<CampaignStats> stats = CampaignStats::compute(*ws, campaign.id, &error);
    QVERIFY2(stats, qPrintable(error));
    QCOMPARE(stats->total, rows);
    QCOMPARE(stats->sent + stats->failed, stats->total);
    QVERIFY(stats->sent >= 30);
    // Opened: 0-5, 7, 8, 10, 11, 13 (9 was Apple's proxy, 6 a scanner); clicked: 0-2, 5 and 11.
    QCOMPARE(stats->opened, 11);
    QCOMPARE(stats->clicked, 5);
    QCOMPARE(stats->machineClicks, 3);
    QCOMPARE(stats->machineOpens, 1);
    QCOMPARE(stats->unsubscribed, 1);
    QCOMPARE(stats->conversions, 1);
    QCOMPARE(stats->revenue.size(), 1);
    QCOMPARE(stats->revenue.first().currency, u"EUR"_s);
    QCOMPARE(stats->revenue.first().amount.toDouble(), 49.0);
    bool pricingLink = false;
    for (const CampaignStats::Link &link : stats->links) {
        if (link.url.contains(u"/pricing"_s)) {
            pricingLink = true;
            QCOMPARE(link.uniqueClicks, 1);
            QCOMPARE(link.clicks, 2);
            QCOMPARE(link.machineClicks, 1);
        }
    }
    QVERIFY(pricingLink);

    // The pricing rule moved the sixth recipient (Contacted) to Hot, and says so on the timeline.
    QVERIFY(RuleStore(*ws).findByName(RuleStore::pricingExample().name));
    const QList<Delivery> deliveries = CampaignStore(*ws).deliveries(campaign.id, DeliveryState::Sent);
    QVERIFY(deliveries.size() > 9);
    const qint64 pricingLead = deliveries.at(5).leadId;
    QCOMPARE(LeadStore(*ws).find(pricingLead)->email, u"farah.haddad@example.org"_s);
    QCOMPARE(LeadStore(*ws).find(pricingLead)->stage, u"Hot"_s);
    auto timeline = LeadTimeline::build(*ws, pricingLead, &error);
    QVERIFY2(timeline, qPrintable(error));
    bool delivered = false, movedByRule = false;
    for (const TimelineItem &item : *timeline) {
        if (item.kind == TimelineItem::Kind::Delivered) {
            delivered = true;
            QCOMPARE(item.opens, 2);
            QCOMPARE(item.clicks.size(), 2);
            QVERIFY(item.clicks.first().url.startsWith(u"https://www.example.com/pricing"_s));
        }
        if (item.kind == TimelineItem::Kind::StageChanged) {
            movedByRule = movedByRule || item.detail.contains(RuleStore::pricingExample().name);
        }
    }
    QVERIFY(delivered);
    QVERIFY(movedByRule);

    // The scanner's HEAD requests are machine activity with the reason.
    timeline = LeadTimeline::build(*ws, deliveries.at(6).leadId, &error);
    QVERIFY2(timeline, qPrintable(error));
    bool scanned = false;
    for (const TimelineItem &item : *timeline) {
        if (item.kind == TimelineItem::Kind::Delivered) {
            QCOMPARE(item.opens, 0);
            QVERIFY(item.clicks.isEmpty());
            QCOMPARE(item.machineEvents, 4); // three HEAD checks and the hidden decoy
            scanned = item.machineReasons.join(u' ').contains(u"Barracuda Sentinel"_s);
        }
    }
    QVERIFY(scanned);
}

void TestSampleWorkspace::reopenedNotRebuilt()
{
    QTemporaryDir dir;
    QString error;
    const QString folder = dir.filePath(u"sample"_s);
    {
        auto ws = SampleWorkspace::open(folder, &error);
        QVERIFY2(ws, qPrintable(error));
        Lead lead;
        lead.email = u"kept@example.org"_s;
        QVERIFY2(LeadStore(*ws).add(lead, &error), qPrintable(error));
    }
    auto ws = SampleWorkspace::open(folder, &error);
    QVERIFY2(ws, qPrintable(error));
    QVERIFY(LeadStore(*ws).findByEmail(u"kept@example.org"_s));
    QCOMPARE(CampaignStore(*ws).list().size(), 1);
}

void TestSampleWorkspace::failureLeavesNothing()
{
    QTemporaryDir dir;
    QFile blocker(dir.filePath(u"file"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    QString error;
    // A folder below a plain file cannot exist.
    QVERIFY(!SampleWorkspace::open(dir.filePath(u"file/sample"_s), &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList{u"file"_s});
}

QTEST_GUILESS_MAIN(TestSampleWorkspace)
#include "tst_sampleworkspace.moc"
