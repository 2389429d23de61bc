// Tracking defaults kept in a real workspace's settings file: a workspace
// that never saved any starts campaigns exactly as Campaign does, saved
// choices come back after reopening, and a new draft takes them.
#include "campaign/trackingdefaults.h"
#include "sending/campaign.h"
#include "store/settings.h"
#include "store/workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace leadtrail;

class TestTrackingDefaults final : public QObject
{
    Q_OBJECT

private slots:
    void unsetMeansCampaignDefaults()
    {
        QTemporaryDir dir;
        QString error;
        const auto ws = Workspace::open(dir.filePath(u"ws"_s), Workspace::OpenMode::CreateIfMissing, &error);
        QVERIFY2(ws, qPrintable(error));
        const TrackingDefaults d = TrackingDefaults::fromWorkspace(*ws);
        const Campaign plain;
        QCOMPARE(d.opens, plain.trackOpens);
        QCOMPARE(d.clicks, plain.trackClicks);
        QCOMPARE(d.decoy, plain.decoyLink);
        QCOMPARE(d.utm, plain.utm);
        QCOMPARE(d.clickIds, plain.clickIds);
    }

    void savedChoicesSurviveReopeningAndReachANewDraft()
    {
        QTemporaryDir dir;
        QString error;
        {
            const auto ws = Workspace::open(dir.filePath(u"ws"_s), Workspace::OpenMode::CreateIfMissing, &error);
            QVERIFY2(ws, qPrintable(error));
            TrackingDefaults d;
            d.opens = false;
            d.decoy = false;
            d.utm = true;
            d.clickIds = true;
            QVERIFY2(d.save(*ws, &error), qPrintable(error));
            QCOMPARE(Settings(*ws).value(u"tracking.opens"_s).value_or(QString()), u"false"_s);
            QCOMPARE(Settings(*ws).value(u"tracking.click_ids"_s).value_or(QString()), u"true"_s);
        }
        const auto ws = Workspace::open(dir.filePath(u"ws"_s), Workspace::OpenMode::OpenExisting, &error);
        QVERIFY2(ws, qPrintable(error));
        Campaign draft;
        TrackingDefaults::fromWorkspace(*ws).applyTo(draft);
        QVERIFY(!draft.trackOpens);
        QVERIFY(draft.trackClicks);
        QVERIFY(!draft.decoyLink);
        QVERIFY(draft.utm);
        QVERIFY(draft.clickIds);
    }
};

QTEST_GUILESS_MAIN(TestTrackingDefaults)
#include "tst_trackingdefaults.moc"
