// The Leads screen on a real workspace: lazy fetching, search, filters, the
// detail panel, notes and stage changes, driven through the real widgets.

#include "leaddetailpanel.h"
#include "leadspage.h"
#include "leadtablemodel.h"
#include "mainwindow.h"
#include "timelineview.h"
#include "store/leadstore.h"
#include "store/workspace.h"

#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace leadtrail;

class TestLeadsPage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void fetchesLazilyAndCountsAll();
    void searchAndFilterNarrowTheTable();
    void detailShowsLeadAndAddsNote();
    void stageChangeIsSaved();

private:
    void saveScreenshot(QWidget *widget, const QString &name);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<MainWindow> m_window;
};

void TestLeadsPage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QString error;
    m_workspace = Workspace::open(m_dir->filePath(QStringLiteral("ws")),
                                  Workspace::OpenMode::CreateIfMissing, &error);
    QVERIFY2(m_workspace, qPrintable(error));

    LeadStore store(*m_workspace);
    const QStringList categories{QStringLiteral("buyer"), QStringLiteral("seller"), QStringLiteral("landlord")};
    for (int i = 0; i < 450; ++i) {
        Lead lead;
        lead.email = QStringLiteral("lead%1@example.com").arg(i);
        lead.firstName = QStringLiteral("First%1").arg(i);
        lead.lastName = QStringLiteral("Last%1").arg(i);
        lead.company = i % 10 == 0 ? QStringLiteral("Acme Realty") : QStringLiteral("Other Co %1").arg(i);
        lead.category = categories.at(i % 3);
        if (i % 7 == 0)
            lead.tags = {QStringLiteral("vip")};
        QVERIFY2(store.add(lead, &error), qPrintable(error));
    }

    m_window = std::make_unique<MainWindow>();
    m_window->setWorkspace(m_workspace.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestLeadsPage::cleanup()
{
    m_window.reset();
    m_workspace.reset();
    m_dir.reset();
}

void TestLeadsPage::saveScreenshot(QWidget *widget, const QString &name)
{
    // Widgets added to a visible parent are shown by a queued call: let it run.
    QTest::qWait(50);
    QDir().mkpath(QStringLiteral(LEADTRAIL_SCREENSHOT_DIR));
    const QString path = QStringLiteral(LEADTRAIL_SCREENSHOT_DIR "/%1.png").arg(name);
    QVERIFY2(widget->grab().save(path), qPrintable(path));
}

void TestLeadsPage::fetchesLazilyAndCountsAll()
{
    LeadTableModel *model = m_window->leadsPage()->model();
    QCOMPARE(model->totalCount(), 450);
    // The first page only, not every lead.
    QVERIFY(model->rowCount() < 450);
    QVERIFY(model->canFetchMore({}));
    while (model->canFetchMore({}))
        model->fetchMore({});
    QCOMPARE(model->rowCount(), 450);
}

void TestLeadsPage::searchAndFilterNarrowTheTable()
{
    LeadsPage *page = m_window->leadsPage();
    QTest::keyClicks(page->searchField(), QStringLiteral("acme"));
    QTest::keyClick(page->searchField(), Qt::Key_Return);
    QCOMPARE(page->model()->totalCount(), 45);
    for (int row = 0; row < page->model()->rowCount(); ++row)
        QCOMPARE(page->model()->leadAt(row).company, QStringLiteral("Acme Realty"));

    auto *category = page->findChild<QComboBox *>(QString(), Qt::FindChildrenRecursively);
    QVERIFY(category);
    const int buyer = category->findData(QStringLiteral("buyer"));
    QVERIFY(buyer > 0);
    category->setCurrentIndex(buyer);
    emit category->activated(buyer);
    // Acme leads are every tenth, buyers every third: i % 30 == 0.
    QCOMPARE(page->model()->totalCount(), 15);

    page->searchField()->clear();
    QTest::keyClick(page->searchField(), Qt::Key_Return);
    QCOMPARE(page->model()->totalCount(), 150);
}

void TestLeadsPage::detailShowsLeadAndAddsNote()
{
    LeadsPage *page = m_window->leadsPage();
    QTest::keyClicks(page->searchField(), QStringLiteral("lead42@"));
    QTest::keyClick(page->searchField(), Qt::Key_Return);
    QCOMPARE(page->model()->rowCount(), 1);
    page->table()->selectRow(0);
    const qint64 id = page->model()->leadAt(0).id;
    QCOMPARE(page->detail()->leadId(), id);

    auto *note = page->detail()->findChild<QPlainTextEdit *>();
    QVERIFY(note);
    note->setPlainText(QStringLiteral("Called, wants a viewing on Friday"));
    TimelineView *timeline = page->detail()->timeline();
    const int before = timeline->itemCount();
    const auto buttons = page->detail()->findChildren<QPushButton *>();
    auto add = std::find_if(buttons.begin(), buttons.end(),
                            [](QPushButton *b) { return b->text() == QStringLiteral("Add note"); });
    QVERIFY(add != buttons.end());
    QTest::mouseClick(*add, Qt::LeftButton);

    QCOMPARE(timeline->itemCount(), before + 1);
    // Newest first: the note just added is the first card.
    const auto cards = timeline->findChildren<QWidget *>(QStringLiteral("timelineItem"));
    QVERIFY(!cards.isEmpty());
    const auto labels = cards.first()->findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.begin(), labels.end(), [](QLabel *l) {
        return l->text() == QStringLiteral("Called, wants a viewing on Friday");
    }));
    LeadStore store(*m_workspace);
    const QList<Note> notes = store.notes(id);
    QCOMPARE(notes.size(), 1);
    QCOMPARE(notes.first().text, QStringLiteral("Called, wants a viewing on Friday"));

    saveScreenshot(m_window.get(), QStringLiteral("leads-with-detail"));
}

void TestLeadsPage::stageChangeIsSaved()
{
    LeadsPage *page = m_window->leadsPage();
    page->table()->selectRow(0);
    const qint64 id = page->model()->leadAt(0).id;
    QComboBox *stage = nullptr;
    for (QComboBox *box : page->detail()->findChildren<QComboBox *>()) {
        if (box->accessibleName() == QStringLiteral("Stage"))
            stage = box;
    }
    QVERIFY(stage);
    const int engaged = stage->findText(QStringLiteral("Engaged"));
    QVERIFY(engaged >= 0);
    stage->setCurrentIndex(engaged);
    emit stage->activated(engaged);

    LeadStore store(*m_workspace);
    QCOMPARE(store.find(id)->stage, QStringLiteral("Engaged"));
}

QTEST_MAIN(TestLeadsPage)
#include "tst_leadspage.moc"
