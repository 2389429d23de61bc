// The Hot leads page after a scoring change in Settings, in the main window
// on a real workspace: a real campaign through the real SMTP server, a real
// click on the real relay (in-process), a real sync; then the threshold is
// lowered in Settings → Scoring and the lead appears at once, with "Why hot"
// naming the new threshold and the click (its link and campaign).

#include "hotleadspage.h"
#include "mainwindow.h"
#include "settingspage.h"
#include "theme.h"

#include "ruletestsupport.h"

#include "store/leadstore.h"
#include "store/workspace.h"

#include <QDoubleSpinBox>
#include <QSettings>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace leadtrail;

class TestHotLeads final : public QObject
{
    Q_OBJECT

private slots:
    void loweredThresholdShowsTheLeadAtOnce();
};

void TestHotLeads::loweredThresholdShowsTheLeadAtOnce()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.filePath(u"config"_s));
    QString error;
    auto ws = Workspace::open(dir.filePath(u"ws"_s), Workspace::OpenMode::CreateIfMissing, &error);
    QVERIFY2(ws, qPrintable(error));
    QVERIFY2(ruletest::addAliceAndBob(*ws, &error), qPrintable(error));
    ruletest::Peers peers;
    QVERIFY2(peers.start(dir.path(), &error), qPrintable(error));
    QVERIFY2(ruletest::sendCampaign(*ws, *peers.smtp, peers.relay->port(), &error) > 0, qPrintable(error));
    QCOMPARE(ruletest::clickPricing(*ws, u"alice@example.org"_s, peers.relay->port()), 302);
    QCOMPARE(ruletest::syncAndSettle(*ws, peers.relay->port(), &error), 0);
    QCOMPARE(LeadStore(*ws).findByEmail(u"alice@example.org"_s)->score, 5); // one click, under 20

    Theme::apply(Theme::Mode::Light);
    MainWindow window;
    window.setWorkspace(ws.get());
    window.resize(1100, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showSection(MainWindow::HotLeadsSection);
    QTableWidget *table = window.hotLeadsPage()->table();
    QCOMPARE(table->rowCount(), 0);

    window.showSection(MainWindow::SettingsSection);
    auto *threshold = window.settingsPage()->findChild<QDoubleSpinBox *>();
    for (auto *box : window.settingsPage()->findChildren<QDoubleSpinBox *>()) {
        if (box->accessibleName() == u"Hot-lead threshold"_s)
            threshold = box;
    }
    QCOMPARE(threshold->accessibleName(), u"Hot-lead threshold"_s);
    QCOMPARE(threshold->value(), 20.0);
    threshold->setValue(4);
    QVERIFY2(window.settingsPage()->save(), qPrintable(window.settingsPage()->messageText()));

    window.showSection(MainWindow::HotLeadsSection);
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 1, 20'000);
    QCOMPARE(table->item(0, 1)->text(), u"alice@example.org"_s);
    const QString why = table->item(0, 3)->text();
    QVERIFY2(why.startsWith(u"Threshold 4: clicked https://shop.example/pricing in \"Pricing news\", "_s), qPrintable(why));
    QVERIFY2(table->item(0, 3)->toolTip().contains(ruletest::pricingUrl), qPrintable(table->item(0, 3)->toolTip()));
    window.setWorkspace(nullptr);
}

QTEST_MAIN(TestHotLeads)
#include "tst_hotleads.moc"
