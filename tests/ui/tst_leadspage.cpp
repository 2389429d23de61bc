// The Leads screen on a real workspace: lazy fetching, search, filters, the
// detail panel, notes and stage changes, driven through the real widgets.

#include "leaddetailpanel.h"
#include "leadeditdialog.h"
#include "leadspage.h"
#include "leadtablemodel.h"
#include "mainwindow.h"
#include "timelineview.h"
#include "store/leadstore.h"
#include "store/workspace.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QTableWidget>
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
    void editingFieldsSavesThemAndRefusesBadInput();

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

void TestLeadsPage::editingFieldsSavesThemAndRefusesBadInput()
{
    LeadsPage *page = m_window->leadsPage();
    QTest::keyClicks(page->searchField(), QStringLiteral("lead7@"));
    QTest::keyClick(page->searchField(), Qt::Key_Return);
    QCOMPARE(page->model()->rowCount(), 1);
    page->table()->selectRow(0);
    const qint64 id = page->model()->leadAt(0).id;

    // F2 on the detail panel opens the editor on the lead shown.
    page->detail()->setFocus();
    QTest::keyClick(page->detail(), Qt::Key_F2);
    auto *dialog = page->detail()->findChild<LeadEditDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->field(QStringLiteral("email"))->text(), QStringLiteral("lead7@example.com"));

    dialog->field(QStringLiteral("first_name"))->setText(QStringLiteral("Ingrid"));
    dialog->field(QStringLiteral("company"))->setText(QStringLiteral("Nordlicht Immobilien"));
    dialog->field(QStringLiteral("tags"))->setText(QStringLiteral("vip, open-day"));
    dialog->categoryBox()->setCurrentText(QStringLiteral("investor"));
    QTableWidget *custom = dialog->customFields();
    const QList<QPushButton *> buttons = dialog->findChildren<QPushButton *>();
    const auto addField = std::find_if(buttons.cbegin(), buttons.cend(),
                                       [](QPushButton *b) { return b->text() == QStringLiteral("Add &field"); });
    QVERIFY(addField != buttons.cend());
    QTest::mouseClick(*addField, Qt::LeftButton);
    QCOMPARE(custom->rowCount(), 1);
    custom->item(0, 0)->setText(QStringLiteral("budget"));
    custom->item(0, 1)->setText(QStringLiteral("450000"));
    saveScreenshot(dialog, QStringLiteral("lead-edit-dialog"));

    // An address that is not one: refused in the dialog, which stays open, and nothing is saved.
    dialog->field(QStringLiteral("email"))->setText(QStringLiteral("not an address"));
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
    QVERIFY(dialog->isVisible());
    QVERIFY2(dialog->errorText().startsWith(QStringLiteral("Not saved:")), qPrintable(dialog->errorText()));
    LeadStore store(*m_workspace);
    QCOMPARE(store.find(id)->firstName, QStringLiteral("First7"));
    // Another lead's address: refused too.
    dialog->field(QStringLiteral("email"))->setText(QStringLiteral("LEAD8@example.com"));
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
    QVERIFY(dialog->isVisible());
    QVERIFY2(dialog->errorText().contains(QStringLiteral("already exists")), qPrintable(dialog->errorText()));

    dialog->field(QStringLiteral("email"))->setText(QStringLiteral("ingrid@nordlicht.example"));
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
    QTRY_VERIFY(!page->detail()->findChild<LeadEditDialog *>());

    const std::optional<Lead> saved = store.find(id);
    QVERIFY(saved);
    QCOMPARE(saved->email, QStringLiteral("ingrid@nordlicht.example"));
    QCOMPARE(saved->firstName, QStringLiteral("Ingrid"));
    QCOMPARE(saved->company, QStringLiteral("Nordlicht Immobilien"));
    QCOMPARE(saved->category, QStringLiteral("investor"));
    QCOMPARE(saved->tags, (QStringList{QStringLiteral("open-day"), QStringLiteral("vip")}));
    QCOMPARE(saved->customFields.value(QStringLiteral("budget")), QStringLiteral("450000"));
    QCOMPARE(saved->lastName, QStringLiteral("Last7")); // untouched fields stay
    // The panel shows the saved lead at once, although it no longer matches the search "lead7@".
    QCOMPARE(page->model()->rowCount(), 0);
    QCOMPARE(page->detail()->leadId(), id);
    const auto labels = page->detail()->findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.cbegin(), labels.cend(), [this](QLabel *l) {
        return l->isVisibleTo(m_window.get()) && l->text().contains(QStringLiteral("ingrid@nordlicht.example"));
    }));
    QVERIFY(std::any_of(labels.cbegin(), labels.cend(), [this](QLabel *l) {
        return l->isVisibleTo(m_window.get()) && l->text() == QStringLiteral("budget");
    }));
    saveScreenshot(m_window.get(), QStringLiteral("leads-after-edit"));
}

QTEST_MAIN(TestLeadsPage)
#include "tst_leadspage.moc"
