#include "importwizard.h"

#include "importwizardfilepage.h"
#include "importwizardmappingpage.h"
#include "importwizardreportpage.h"
#include "store/leadimporter.h"
#include "store/workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPushButton>
#include <QThread>

namespace leadtrail {

namespace {
// Enough rows to recognise the data, few enough to read at once.
constexpr int previewRows = 8;
}

ImportWizard::ImportWizard(const Workspace &workspace, QWidget *parent)
    : QWizard(parent)
    , m_workspace(workspace)
{
    setWindowTitle(tr("Import leads"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    m_filePage = new ImportWizardFilePage(this);
    m_mappingPage = new ImportWizardMappingPage(this);
    m_reportPage = new ImportWizardReportPage(this);
    setPage(FilePage, m_filePage);
    setPage(MappingPage, m_mappingPage);
    setPage(ReportPage, m_reportPage);
    resize(900, 720);
}

ImportWizard::~ImportWizard()
{
    stopImport();
}

bool ImportWizard::loadFile(const QString &path, QString *error)
{
    m_path.clear();
    m_data.clear();
    m_preview = ImportPreview{};
    const QFileInfo info(path);
    if (path.trimmed().isEmpty()) {
        *error = tr("Choose a CSV file to import.");
        return false;
    }
    if (!info.exists()) {
        *error = tr("There is no file at %1.").arg(QDir::toNativeSeparators(path));
        return false;
    }
    if (info.isDir()) {
        *error = tr("%1 is a folder; choose a CSV file.").arg(QDir::toNativeSeparators(path));
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("The file cannot be read: %1").arg(file.errorString());
        return false;
    }
    QByteArray data = file.readAll();
    ImportPreview preview;
    QString problem;
    if (!LeadImporter::preview(data, {}, previewRows, &preview, &problem)) {
        *error = tr("The file is empty: it has no header line.");
        return false;
    }
    m_path = path;
    m_data = std::move(data);
    m_preview = preview;
    return true;
}

void ImportWizard::startImport()
{
    if (m_importing)
        return;
    m_importing = true;
    m_succeeded = false;
    m_cancel = false;
    m_report = ImportReport{};
    m_error.clear();
    // Back and Cancel from here: Cancel still works and rolls the import back.
    button(QWizard::CancelButton)->setEnabled(true);

    LeadImporter::Options options;
    options.columnMap = m_mappingPage->columnMap();
    options.progress = [this](int line, int lines) {
        QMetaObject::invokeMethod(this, [this, line, lines] { emit importProgress(line, lines); },
                                  Qt::QueuedConnection);
        return !m_cancel.load();
    };
    const QByteArray data = m_data;
    m_thread.reset(QThread::create([this, data, options] {
        LeadImporter importer(m_workspace);
        m_succeeded = importer.importData(data, options, &m_report, &m_error);
        m_workspace.releaseThreadConnection();
    }));
    connect(m_thread.get(), &QThread::finished, this, [this] {
        m_importing = false;
        // Done: the import is saved, so there is nothing left to cancel.
        button(QWizard::CancelButton)->setEnabled(false);
        emit importFinished(m_succeeded);
    });
    m_thread->start();
}

void ImportWizard::stopImport()
{
    if (!m_thread)
        return;
    m_cancel = true;
    m_thread->wait();
}

void ImportWizard::reject()
{
    // The import is one transaction: stopping it mid-way rolls everything back.
    if (m_importing) {
        stopImport();
        QCoreApplication::processEvents(); // deliver "finished", so the page shows what happened
    }
    QWizard::reject();
}

} // namespace leadtrail
