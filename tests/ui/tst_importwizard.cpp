// Import, export and bulk changes on the Leads screen, driven through the real
// widgets on a temporary workspace with real CSV files: the import wizard page
// by page (a Windows-1252 file with broken rows), cancelling mid-import, the
// export of what the filter shows, and stage and tag changes on a selection.

#include "importwizard.h"
#include "importwizardfilepage.h"
#include "importwizardmappingpage.h"
#include "importwizardreportpage.h"
#include "leaddetailpanel.h"
#include "leadspage.h"
#include "leadtablemodel.h"
#include "theme.h"
#include "insight/leadtimeline.h"
#include "store/csvreader.h"
#include "store/leadstore.h"
#include "store/workspace.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <memory>

using namespace Qt::StringLiterals;
using namespace leadtrail;

namespace {

/**
 * Windows-1252, semicolons, German headers (as Excel writes them here), a
 * separator inside a quoted value, an existing lead to update, and two rows
 * that cannot be imported (lines 3 and 5).
 */
const QByteArray germanExcelFile =
    "E-Mail;Vorname;Nachname;Firma;Budget;Status\r\n"
    "jose@example.es;Jos\xe9;N\xfa\xf1" "ez;\"Inmobiliaria Pe\xf1" "a; Hijos\";250000;Engaged\r\n"
    "not an address;Kein;Mail;X;1;New\r\n"
    "known@example.com;Fran\xe7oise;\xc5llberg;;;\r\n"
    ";Ohne;Adresse;;;\r\n"
    "zoe@example.de;Zo\xeb;M\xfcller;M\xfcller & S\xf6hne;90000;\r\n";

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestImportWizard : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void importThroughTheWizard();
    void cancelDuringImportSavesNothing();
    void unreadableFileIsSaidPlainly();
    void exportWritesTheCurrentFilter();
    void bulkStageAndTagChangeOnSelection();

private:
    void screenshot(QWidget *widget, const QString &name);
    ImportWizard *openWizard();
    QToolButton *button(const QString &accessibleName) const;
    void selectRows(const QList<int> &rows);
    void chooseFromMenu(QToolButton *button, const QString &text);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<LeadStore> m_store;
    std::unique_ptr<LeadsPage> m_page;
};

void TestImportWizard::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QString error;
    m_workspace = Workspace::open(m_dir->filePath(u"ws"_s), Workspace::OpenMode::CreateIfMissing, &error);
    QVERIFY2(m_workspace, qPrintable(error));
    m_store = std::make_unique<LeadStore>(*m_workspace);
    const QStringList categories{u"buyer"_s, u"seller"_s, u"landlord"_s};
    for (int i = 0; i < 30; ++i) {
        Lead lead;
        lead.email = i == 0 ? u"known@example.com"_s : u"lead%1@example.com"_s.arg(i);
        lead.firstName = u"First%1"_s.arg(i);
        lead.lastName = u"Last%1"_s.arg(i);
        lead.company = i % 5 == 0 ? u"Acme Realty"_s : u"Other Co %1"_s.arg(i);
        lead.category = categories.at(i % 3);
        if (i % 4 == 0)
            lead.tags = {u"vip"_s};
        QVERIFY2(m_store->add(lead, &error), qPrintable(error));
    }
    m_page = std::make_unique<LeadsPage>(*m_workspace, *m_store);
    m_page->resize(1200, 720);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    // Shortcuts (Ctrl+I) go to the active window.
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
}

void TestImportWizard::cleanup()
{
    Theme::apply(Theme::Mode::Light);
    m_page.reset();
    m_store.reset();
    m_workspace.reset();
    m_dir.reset();
}

void TestImportWizard::screenshot(QWidget *widget, const QString &name)
{
    QTest::qWait(50); // let queued shows and layouts run
    QDir().mkpath(QStringLiteral(LEADTRAIL_SCREENSHOT_DIR));
    const QString path = QStringLiteral(LEADTRAIL_SCREENSHOT_DIR "/%1.png").arg(name);
    QVERIFY2(widget->grab().save(path), qPrintable(path));
}

QToolButton *TestImportWizard::button(const QString &accessibleName) const
{
    for (QToolButton *b : m_page->findChildren<QToolButton *>()) {
        if (b->accessibleName() == accessibleName)
            return b;
    }
    return nullptr;
}

ImportWizard *TestImportWizard::openWizard()
{
    // Ctrl+I, as a user would press it.
    QTest::keyClick(m_page.get(), Qt::Key_I, Qt::ControlModifier);
    // A button's shortcut "animates" a click: the click lands a moment later.
    ImportWizard *wizard = nullptr;
    if (!QTest::qWaitFor([&] { return (wizard = m_page->findChild<ImportWizard *>()) != nullptr; }))
        return nullptr;
    return wizard && QTest::qWaitForWindowExposed(wizard) ? wizard : nullptr;
}

void TestImportWizard::selectRows(const QList<int> &rows)
{
    QTableView *table = m_page->table();
    table->clearSelection();
    for (const int row : rows) {
        const QRect rect = table->visualRect(m_page->model()->index(row, 0));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::ControlModifier, rect.center());
    }
}

void TestImportWizard::chooseFromMenu(QToolButton *button, const QString &text)
{
    // The menu runs its own event loop once open: pick the entry from inside it.
    bool found = false;
    QTimer::singleShot(100, button, [button, text, &found] {
        QMenu *menu = button->menu();
        for (QAction *action : menu->actions()) {
            if (action->text() == text) {
                found = true;
                menu->close();
                action->trigger();
                return;
            }
        }
        menu->close();
    });
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY2(found, qPrintable(text));
}

void TestImportWizard::importThroughTheWizard()
{
    const QString path = m_dir->filePath(u"kontakte.csv"_s);
    QVERIFY(writeFile(path, germanExcelFile));
    ImportWizard *wizard = openWizard();
    QVERIFY(wizard);
    QCOMPARE(wizard->currentId(), int(ImportWizard::FilePage));
    QAbstractButton *next = wizard->button(QWizard::NextButton);
    QVERIFY(!next->isEnabled()); // no file yet

    // Page 1: the file.
    wizard->filePage()->pathField()->setText(m_dir->filePath(u"missing.csv"_s));
    QVERIFY2(wizard->filePage()->statusLabel()->text().startsWith(u"There is no file at"_s),
             qPrintable(wizard->filePage()->statusLabel()->text()));
    QVERIFY(!next->isEnabled());
    wizard->filePage()->pathField()->setText(path);
    QCOMPARE(wizard->filePage()->statusLabel()->text(), u"6 column(s) found. Next: check how they are read."_s);
    QVERIFY(next->isEnabled());
    QTest::mouseClick(next, Qt::LeftButton);

    // Page 2: what was detected, the first rows, the mapping.
    QCOMPARE(wizard->currentId(), int(ImportWizard::MappingPage));
    ImportWizardMappingPage *mapping = wizard->mappingPage();
    QCOMPARE(mapping->encodingLabel()->text(), u"Windows-1252"_s);
    QCOMPARE(mapping->separatorLabel()->text(), u"semicolon ( ; )"_s);
    QTableWidget *preview = mapping->previewTable();
    QCOMPARE(preview->columnCount(), 6);
    QCOMPARE(preview->rowCount(), 5);
    QCOMPARE(preview->horizontalHeaderItem(0)->text(), u"E-Mail"_s);
    QCOMPARE(preview->item(0, 1)->text(), u"José"_s);
    QCOMPARE(preview->item(0, 3)->text(), u"Inmobiliaria Peña; Hijos"_s);
    QCOMPARE(preview->item(4, 3)->text(), u"Müller & Söhne"_s);
    // Prefilled from the importer's header mapping.
    const QStringList automatic{u"email"_s, u"first_name"_s, u"last_name"_s, u"company"_s, u"custom:Budget"_s,
                                u"stage"_s};
    for (int column = 0; column < automatic.size(); ++column)
        QCOMPARE(mapping->mappingBox(column)->currentData().toString(), automatic.at(column));

    // No email column: said in words, and Import is not possible.
    QAbstractButton *commit = wizard->button(QWizard::CommitButton);
    QVERIFY(commit->isVisible());
    QCOMPARE(commit->text(), u"&Import"_s);
    QComboBox *emailBox = mapping->mappingBox(0);
    emailBox->setCurrentIndex(emailBox->findData(u"ignore"_s));
    QVERIFY(!commit->isEnabled());
    QVERIFY(mapping->problemLabel()->isVisible());
    QVERIFY2(mapping->problemLabel()->text().startsWith(u"No column is imported as Email"_s),
             qPrintable(mapping->problemLabel()->text()));
    emailBox->setCurrentIndex(emailBox->findData(u"email"_s));
    QVERIFY(commit->isEnabled());
    QVERIFY(!mapping->problemLabel()->isVisible());

    // The one change: the budget is not wanted.
    QComboBox *budget = mapping->mappingBox(4);
    budget->setCurrentIndex(budget->findData(u"ignore"_s));
    QCOMPARE(mapping->columnMap(), (QMap<QString, QString>{{u"Budget"_s, u"ignore"_s}}));
    QCOMPARE(m_store->count(), 30); // nothing written before Import
    screenshot(wizard, u"import-wizard-mapping"_s);
    Theme::apply(Theme::Mode::Dark);
    screenshot(wizard, u"import-wizard-mapping-dark"_s);
    Theme::apply(Theme::Mode::Light);

    // Page 3: the import and its report.
    QTest::mouseClick(commit, Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(ImportWizard::ReportPage));
    ImportWizardReportPage *report = wizard->reportPage();
    QTRY_VERIFY_WITH_TIMEOUT(report->isComplete(), 20000);
    QVERIFY(wizard->importSucceeded());
    QCOMPARE(report->summaryLabel()->text(),
             u"2 new lead(s) imported, 1 existing lead(s) updated, 2 row(s) skipped."_s);
    QTableWidget *skipped = report->skippedTable();
    QCOMPARE(skipped->rowCount(), 2);
    QCOMPARE(skipped->item(0, 0)->data(Qt::UserRole).toInt(), 3);
    QCOMPARE(skipped->item(0, 1)->text(), u"invalid email \"not an address\""_s);
    QCOMPARE(skipped->item(1, 0)->data(Qt::UserRole).toInt(), 5);
    QCOMPARE(skipped->item(1, 1)->text(), u"missing email"_s);
    QVERIFY(!wizard->button(QWizard::CancelButton)->isEnabled());
    QVERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
    screenshot(wizard, u"import-wizard-report"_s);
    Theme::apply(Theme::Mode::Dark);
    screenshot(wizard, u"import-wizard-report-dark"_s);
    Theme::apply(Theme::Mode::Light);

    // The store has what the file said, with the budget left out.
    QCOMPARE(m_store->count(), 32);
    const auto jose = m_store->findByEmail(u"jose@example.es"_s);
    QVERIFY(jose);
    QCOMPARE(jose->firstName, u"José"_s);
    QCOMPARE(jose->lastName, u"Núñez"_s);
    QCOMPARE(jose->company, u"Inmobiliaria Peña; Hijos"_s);
    QCOMPARE(jose->stage, u"Engaged"_s);
    QVERIFY(!jose->customFields.contains(u"Budget"_s));
    const auto known = m_store->findByEmail(u"known@example.com"_s);
    QCOMPARE(known->firstName, u"Françoise"_s);
    QCOMPARE(known->lastName, u"Ållberg"_s);
    QCOMPARE(known->company, u"Acme Realty"_s); // an empty cell keeps what was there
    QCOMPARE(m_store->findByEmail(u"zoe@example.de"_s)->company, u"Müller & Söhne"_s);

    // The table shows the new leads, and the page says what happened.
    QCOMPARE(m_page->model()->totalCount(), 32);
    QCOMPARE(m_page->messageLabel()->text(), u"Imported kontakte.csv: 2 new lead(s), 1 updated, 2 row(s) skipped."_s);
    QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QTRY_VERIFY(!m_page->findChild<ImportWizard *>());
}

void TestImportWizard::cancelDuringImportSavesNothing()
{
    // Big enough that the import is still running when Cancel is pressed.
    QByteArray data = "email,first_name,company\n";
    for (int i = 0; i < 60000; ++i)
        data += "bulk" + QByteArray::number(i) + "@example.com,Bulk " + QByteArray::number(i) + ",Big Co\n";
    const QString path = m_dir->filePath(u"big.csv"_s);
    QVERIFY(writeFile(path, data));

    ImportWizard *wizard = openWizard();
    QVERIFY(wizard);
    wizard->filePage()->pathField()->setText(path);
    QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
    QCOMPARE(wizard->mappingPage()->encodingLabel()->text(), u"UTF-8"_s);
    QCOMPARE(wizard->mappingPage()->separatorLabel()->text(), u"comma ( , )"_s);
    QTest::mouseClick(wizard->button(QWizard::CommitButton), Qt::LeftButton);
    QVERIFY(wizard->isImporting());
    // The import runs beside the GUI thread, which stays free to show how far it got.
    QProgressBar *progress = wizard->reportPage()->progressBar();
    QTRY_VERIFY(progress->maximum() == 60002 && progress->value() > 0);
    QVERIFY(wizard->isImporting());
    QVERIFY2(wizard->reportPage()->summaryLabel()->text().startsWith(u"Line "_s),
             qPrintable(wizard->reportPage()->summaryLabel()->text()));
    QVERIFY(wizard->button(QWizard::CancelButton)->isEnabled());
    QTest::mouseClick(wizard->button(QWizard::CancelButton), Qt::LeftButton);

    QVERIFY(!wizard->isImporting());
    QVERIFY(!wizard->importSucceeded());
    QVERIFY2(wizard->importError().contains(u"cancelled"_s), qPrintable(wizard->importError()));
    QCOMPARE(m_store->count(), 30);
    QCOMPARE(m_store->count(LeadFilter{u"Big Co"_s, {}, {}, {}}), 0);
    QCOMPARE(m_page->messageLabel()->text(),
             u"big.csv was not imported. The import was cancelled; nothing was saved."_s);
}

void TestImportWizard::unreadableFileIsSaidPlainly()
{
    ImportWizard *wizard = openWizard();
    QVERIFY(wizard);
    const QString empty = m_dir->filePath(u"empty.csv"_s);
    QVERIFY(writeFile(empty, "\r\n\r\n"));
    wizard->filePage()->pathField()->setText(empty);
    QCOMPARE(wizard->filePage()->statusLabel()->text(), u"The file is empty: it has no header line."_s);
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    wizard->filePage()->pathField()->setText(m_dir->path());
    QVERIFY(wizard->filePage()->statusLabel()->text().endsWith(u"is a folder; choose a CSV file."_s));
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    QTest::mouseClick(wizard->button(QWizard::CancelButton), Qt::LeftButton);
    QCOMPARE(m_store->count(), 30);
}

void TestImportWizard::exportWritesTheCurrentFilter()
{
    // Search "acme" and category "buyer": i % 5 == 0 and i % 3 == 0, i.e. 0 and 15.
    QTest::keyClicks(m_page->searchField(), u"acme"_s);
    QTest::keyClick(m_page->searchField(), Qt::Key_Return);
    QComboBox *category = nullptr;
    for (QComboBox *box : m_page->findChildren<QComboBox *>()) {
        if (box->accessibleName() == u"Category"_s)
            category = box;
    }
    QVERIFY(category);
    const int buyer = category->findData(u"buyer"_s);
    category->setCurrentIndex(buyer);
    emit category->activated(buyer);
    QCOMPARE(m_page->model()->totalCount(), 2);

    const QString path = m_dir->filePath(u"export.csv"_s);
    QVERIFY(m_page->exportTo(path));
    QCOMPARE(m_page->messageLabel()->text(), u"Exported 2 lead(s) to %1."_s.arg(QDir::toNativeSeparators(path)));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    CsvReader reader(text, u',');
    CsvReader::Record record;
    QVERIFY(reader.next(record));
    const qsizetype emailColumn = record.fields.indexOf(u"email"_s);
    const qsizetype companyColumn = record.fields.indexOf(u"company"_s);
    QVERIFY(emailColumn >= 0 && companyColumn >= 0);
    QStringList emails;
    while (reader.next(record)) {
        if (record.isBlank())
            continue;
        emails.append(record.fields.at(emailColumn));
        QCOMPARE(record.fields.at(companyColumn), u"Acme Realty"_s);
    }
    emails.sort();
    QCOMPARE(emails, QStringList({u"known@example.com"_s, u"lead15@example.com"_s}));

    // A place that cannot be written: said, and nothing else changes.
    QVERIFY(!m_page->exportTo(m_dir->filePath(u"no/such/folder/x.csv"_s)));
    QVERIFY2(m_page->messageLabel()->text().startsWith(u"The leads could not be exported:"_s),
             qPrintable(m_page->messageLabel()->text()));
}

void TestImportWizard::bulkStageAndTagChangeOnSelection()
{
    QToolButton *stage = m_page->stageButton();
    QVERIFY(!stage->isEnabled()); // nothing selected yet
    selectRows({1, 3, 4});
    const QList<qint64> ids = m_page->selectedLeadIds();
    QCOMPARE(ids.size(), 3);
    QVERIFY(stage->isEnabled());
    const auto labels = m_page->findChildren<QLabel *>();
    const auto selected = std::find_if(labels.cbegin(), labels.cend(),
                                       [](QLabel *l) { return l->accessibleName() == u"Selected leads"_s; });
    QVERIFY(selected != labels.cend());
    QCOMPARE((*selected)->text(), u"3 selected"_s);
    // The detail panel says what a multi-selection is for instead of "Select a lead".
    const auto panelLabels = m_page->detail()->findChildren<QLabel *>();
    QVERIFY(std::any_of(panelLabels.cbegin(), panelLabels.cend(), [](QLabel *l) {
        return l->isVisibleTo(l->window()) && l->text().startsWith(u"3 leads selected."_s);
    }));

    chooseFromMenu(stage, u"Engaged"_s);
    QCOMPARE(m_page->messageLabel()->text(), u"Moved 3 lead(s) to Engaged."_s);
    for (const qint64 id : ids)
        QCOMPARE(m_store->find(id)->stage, u"Engaged"_s);
    QCOMPARE(m_store->count(LeadFilter{{}, {}, u"Engaged"_s, {}}), 3);
    // The selection stays, so the next change applies to the same leads (now at the top: most recently changed).
    QList<qint64> stillSelected = m_page->selectedLeadIds();
    std::sort(stillSelected.begin(), stillSelected.end());
    QList<qint64> sortedIds = ids;
    std::sort(sortedIds.begin(), sortedIds.end());
    QCOMPARE(stillSelected, sortedIds);

    // The change is in each lead's timeline, by hand, like a single change.
    QString error;
    const auto timeline = LeadTimeline::build(*m_workspace, ids.at(1), &error);
    QVERIFY2(timeline, qPrintable(error));
    const auto change = std::find_if(timeline->cbegin(), timeline->cend(), [](const TimelineItem &item) {
        return item.kind == TimelineItem::Kind::StageChanged;
    });
    QVERIFY(change != timeline->cend());
    QCOMPARE(change->title, u"New → Engaged"_s);
    QCOMPARE(change->detail, u"by hand"_s);

    // Tags: add an existing tag to all three, then remove it.
    const int vipBefore = int(m_store->count(LeadFilter{{}, {}, {}, u"vip"_s}));
    int alreadyVip = 0;
    for (const qint64 id : ids)
        alreadyVip += m_store->find(id)->tags.contains(u"vip"_s) ? 1 : 0;
    chooseFromMenu(m_page->tagButton(), u"vip"_s);
    QCOMPARE(m_store->count(LeadFilter{{}, {}, {}, u"vip"_s}), vipBefore + 3 - alreadyVip);
    for (const qint64 id : ids)
        QVERIFY(m_store->find(id)->tags.contains(u"vip"_s));
    QCOMPARE(m_page->messageLabel()->text(), u"Tagged %1 lead(s) “vip”."_s.arg(3 - alreadyVip));
    screenshot(m_page.get(), u"leads-multi-selection"_s);
    Theme::apply(Theme::Mode::Dark);
    screenshot(m_page.get(), u"leads-multi-selection-dark"_s);
    Theme::apply(Theme::Mode::Light);

    // The Remove section lists tags of the selected leads; "vip" appears twice in the menu now.
    QMenu *menu = m_page->tagButton()->menu();
    bool removed = false;
    QTimer::singleShot(100, menu, [menu, &removed] {
        for (QAction *action : menu->actions()) {
            if (action->objectName() == u"removeTag"_s && action->text() == u"vip"_s) {
                menu->close();
                action->trigger();
                removed = true;
                return;
            }
        }
        menu->close();
    });
    QTest::mouseClick(m_page->tagButton(), Qt::LeftButton);
    QTRY_VERIFY(removed);
    for (const qint64 id : ids)
        QVERIFY(!m_store->find(id)->tags.contains(u"vip"_s));
    QCOMPARE(m_page->messageLabel()->text(), u"Removed “vip” from 3 lead(s)."_s);

    // A tag typed with a list separator in it (the "New tag…" entry): refused in words, nothing changed.
    QVERIFY(!m_page->addTagToSelected(u"hot, cold"_s));
    QCOMPARE(m_page->messageLabel()->text(),
             u"The tag was not added: a tag cannot contain ',' or ';': \"hot, cold\""_s);
    for (const qint64 id : ids)
        QVERIFY(m_store->find(id)->tags.isEmpty());
}

QTEST_MAIN(TestImportWizard)
#include "tst_importwizard.moc"
