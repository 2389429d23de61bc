#pragma once

#include "store/importpreview.h"
#include "store/importreport.h"

#include <QByteArray>
#include <QString>
#include <QWizard>

#include <atomic>
#include <memory>

class QThread;

namespace leadtrail {

class ImportWizardFilePage;
class ImportWizardMappingPage;
class ImportWizardReportPage;
class Workspace;

/**
 * Imports a CSV file of leads in three steps: choose the file; see the detected
 * encoding and separator, a preview and the column mapping (and change it);
 * run the import and read the report. The import runs on a worker thread with
 * its own database connection, in one transaction: cancelling at any point,
 * even halfway through the import, leaves the workspace as it was.
 * Borrows the workspace, which must outlive the wizard.
 */
class ImportWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportWizard)

public:
    enum PageId { FilePage, MappingPage, ReportPage };

    explicit ImportWizard(const Workspace &workspace, QWidget *parent = nullptr);
    ~ImportWizard() override;

    /** Reads the file and what an import would make of it; false with a plain message when it cannot. */
    bool loadFile(const QString &path, QString *error);
    QString filePath() const { return m_path; }
    const QByteArray &fileData() const { return m_data; }
    /** The preview with the automatic mapping, as loaded. */
    const ImportPreview &preview() const { return m_preview; }

    /** Starts the import on a worker thread with the mapping page's column map. */
    void startImport();
    bool isImporting() const { return m_importing; }
    bool importSucceeded() const { return m_succeeded; }
    QString importError() const { return m_error; }
    const ImportReport &report() const { return m_report; }

    ImportWizardFilePage *filePage() const { return m_filePage; }
    ImportWizardMappingPage *mappingPage() const { return m_mappingPage; }
    ImportWizardReportPage *reportPage() const { return m_reportPage; }

    void reject() override;

signals:
    void importProgress(int line, int lines);
    /** The import ended; on success the workspace has new or updated leads. */
    void importFinished(bool succeeded);

private:
    void stopImport();

    const Workspace &m_workspace;
    QString m_path;
    QByteArray m_data;
    ImportPreview m_preview;
    ImportReport m_report;
    QString m_error;
    bool m_importing = false;
    bool m_succeeded = false;
    std::atomic_bool m_cancel{false};
    std::unique_ptr<QThread> m_thread;
    ImportWizardFilePage *m_filePage = nullptr;
    ImportWizardMappingPage *m_mappingPage = nullptr;
    ImportWizardReportPage *m_reportPage = nullptr;
};

} // namespace leadtrail
