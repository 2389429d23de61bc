#include "importwizardreportpage.h"

#include "importwizard.h"

#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace leadtrail {

ImportWizardReportPage::ImportWizardReportPage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setTitle(tr("Import"));
    setFinalPage(true);

    auto *layout = new QVBoxLayout(this);
    m_progress = new QProgressBar(this);
    m_progress->setAccessibleName(tr("Import progress"));
    layout->addWidget(m_progress);

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setAccessibleName(tr("Import result"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont larger = m_summary->font();
    larger.setPointSizeF(larger.pointSizeF() * 1.15);
    m_summary->setFont(larger);
    layout->addWidget(m_summary);

    m_skippedTitle = new QLabel(tr("Rows not imported:"), this);
    layout->addWidget(m_skippedTitle);
    m_skipped = new QTableWidget(0, 2, this);
    m_skipped->setAccessibleName(tr("Rows not imported"));
    m_skipped->setHorizontalHeaderLabels({tr("Line"), tr("Reason")});
    m_skipped->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_skipped->verticalHeader()->hide();
    m_skipped->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_skipped->horizontalHeader()->setStretchLastSection(true);
    m_skipped->setAlternatingRowColors(true);
    layout->addWidget(m_skipped, 1);

    connect(wizard, &ImportWizard::importProgress, this, &ImportWizardReportPage::showProgress);
    connect(wizard, &ImportWizard::importFinished, this, &ImportWizardReportPage::showReport);
}

void ImportWizardReportPage::initializePage()
{
    m_done = false;
    setSubTitle(tr("Importing %1…").arg(QDir::toNativeSeparators(m_wizard->filePath())));
    m_progress->setRange(0, 0); // busy until the first figure arrives
    m_progress->show();
    m_summary->setText(tr("Reading the file. Cancel stops the import and saves nothing."));
    m_skippedTitle->hide();
    m_skipped->hide();
    m_skipped->setRowCount(0);
    m_wizard->startImport();
}

bool ImportWizardReportPage::isComplete() const
{
    return m_done;
}

void ImportWizardReportPage::showProgress(int line, int lines)
{
    if (m_done)
        return;
    m_progress->setRange(0, lines);
    m_progress->setValue(qMin(line, lines));
    m_summary->setText(tr("Line %1 of about %2. Cancel stops the import and saves nothing.")
                           .arg(QLocale().toString(line), QLocale().toString(lines)));
}

void ImportWizardReportPage::showReport(bool succeeded)
{
    m_done = true;
    m_progress->hide();
    if (!succeeded) {
        setSubTitle(tr("The import did not complete."));
        m_summary->setText(tr("Nothing was saved. %1").arg(m_wizard->importError()));
        emit completeChanged();
        return;
    }
    const ImportReport &report = m_wizard->report();
    setSubTitle(tr("The import is saved."));
    QStringList parts;
    parts.append(tr("%n new lead(s) imported", nullptr, report.imported));
    parts.append(tr("%n existing lead(s) updated", nullptr, report.updated));
    parts.append(tr("%n row(s) skipped", nullptr, int(report.skipped.size())));
    QString text = parts.join(QStringLiteral(", ")) + u'.';
    if (!report.newStages.isEmpty())
        text += u' ' + tr("New stages added: %1.").arg(report.newStages.join(QStringLiteral(", ")));
    m_summary->setText(text);

    const bool anySkipped = !report.skipped.isEmpty();
    m_skippedTitle->setVisible(anySkipped);
    m_skipped->setVisible(anySkipped);
    m_skipped->setRowCount(int(report.skipped.size()));
    for (int row = 0; row < report.skipped.size(); ++row) {
        const SkippedRow &skipped = report.skipped.at(row);
        auto *line = new QTableWidgetItem(QLocale().toString(skipped.line));
        line->setData(Qt::UserRole, skipped.line);
        line->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_skipped->setItem(row, 0, line);
        m_skipped->setItem(row, 1, new QTableWidgetItem(skipped.reason));
    }
    emit completeChanged();
}

} // namespace leadtrail
