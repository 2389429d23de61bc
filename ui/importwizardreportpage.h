#pragma once

#include <QWizardPage>

class QLabel;
class QProgressBar;
class QTableWidget;

namespace leadtrail {

class ImportWizard;

/**
 * Last step of the import: starts it, shows how far it got, then the report:
 * leads imported, updated, and the rows skipped with their line numbers and
 * reasons, so the file can be fixed and imported again.
 */
class ImportWizardReportPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportWizardReportPage)

public:
    explicit ImportWizardReportPage(ImportWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;

    QLabel *summaryLabel() const { return m_summary; }
    QTableWidget *skippedTable() const { return m_skipped; }
    QProgressBar *progressBar() const { return m_progress; }

private:
    void showProgress(int line, int lines);
    void showReport(bool succeeded);

    ImportWizard *m_wizard;
    QProgressBar *m_progress = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_skippedTitle = nullptr;
    QTableWidget *m_skipped = nullptr;
    bool m_done = false;
};

} // namespace leadtrail
