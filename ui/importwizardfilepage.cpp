#include "importwizardfilepage.h"

#include "importwizard.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace leadtrail {

ImportWizardFilePage::ImportWizardFilePage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setTitle(tr("Choose a file"));
    setSubTitle(tr("A CSV file exported from a spreadsheet or a CRM. Leads whose email is already in the "
                   "workspace are updated; nothing is saved before the last step."));

    auto *layout = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    auto *label = new QLabel(tr("&File:"), this);
    m_path = new QLineEdit(this);
    m_path->setAccessibleName(tr("File to import"));
    m_path->setPlaceholderText(tr("Path to a .csv file"));
    label->setBuddy(m_path);
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setAccessibleName(tr("Browse for a file to import"));
    row->addWidget(label);
    row->addWidget(m_path, 1);
    row->addWidget(browse);
    layout->addLayout(row);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("File status"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    layout->addStretch(1);

    connect(m_path, &QLineEdit::textChanged, this, &ImportWizardFilePage::load);
    connect(browse, &QPushButton::clicked, this, &ImportWizardFilePage::browse);
}

bool ImportWizardFilePage::isComplete() const
{
    return m_loaded;
}

void ImportWizardFilePage::load()
{
    QString error;
    m_loaded = m_wizard->loadFile(m_path->text().trimmed(), &error);
    if (m_loaded) {
        const ImportPreview &preview = m_wizard->preview();
        const int columns = int(preview.header.size());
        m_status->setText(tr("%n column(s) found. Next: check how they are read.", nullptr, columns));
    } else {
        m_status->setText(m_path->text().trimmed().isEmpty() ? QString() : error);
    }
    emit completeChanged();
}

void ImportWizardFilePage::browse()
{
    const QString start = m_path->text().isEmpty() ? QDir::homePath() : m_path->text();
    const QString path = QFileDialog::getOpenFileName(this, tr("Import leads"), start,
                                                      tr("CSV files (*.csv *.txt);;All files (*)"));
    if (!path.isEmpty())
        m_path->setText(QDir::toNativeSeparators(path));
}

} // namespace leadtrail
