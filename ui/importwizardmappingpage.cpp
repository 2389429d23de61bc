#include "importwizardmappingpage.h"

#include "importwizard.h"
#include "store/leadfields.h"
#include "store/leadimporter.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {

const QString customPrefix = u"custom:"_s;
const QString ignoreTarget = u"ignore"_s;

enum MappingColumn { HeaderColumn, ExampleColumn, TargetColumn };

} // namespace

ImportWizardMappingPage::ImportWizardMappingPage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setTitle(tr("Check the columns"));
    setSubTitle(tr("This is how the file reads. Choose where each column goes; the import starts with the "
                   "Import button."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Import"));

    auto *layout = new QVBoxLayout(this);
    auto *detected = new QFormLayout;
    m_encoding = new QLabel(this);
    m_encoding->setAccessibleName(tr("Detected encoding"));
    m_separator = new QLabel(this);
    m_separator->setAccessibleName(tr("Detected separator"));
    detected->addRow(tr("Encoding:"), m_encoding);
    detected->addRow(tr("Separator:"), m_separator);
    layout->addLayout(detected);

    auto *previewBox = new QGroupBox(tr("First rows"), this);
    auto *previewLayout = new QVBoxLayout(previewBox);
    m_preview = new QTableWidget(previewBox);
    m_preview->setAccessibleName(tr("Preview of the first rows"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setSelectionMode(QAbstractItemView::NoSelection);
    m_preview->setWordWrap(false);
    m_preview->setAlternatingRowColors(true);
    m_preview->setFocusPolicy(Qt::NoFocus); // a picture of the file, not something to edit
    m_preview->verticalHeader()->setDefaultSectionSize(m_preview->fontMetrics().height() + 8);
    previewLayout->addWidget(m_preview);
    layout->addWidget(previewBox);

    auto *mappingBox = new QGroupBox(tr("Column mapping"), this);
    auto *mappingLayout = new QVBoxLayout(mappingBox);
    m_mapping = new QTableWidget(0, 3, mappingBox);
    m_mapping->setAccessibleName(tr("Column mapping"));
    m_mapping->setHorizontalHeaderLabels({tr("Column in the file"), tr("Example"), tr("Import as")});
    m_mapping->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_mapping->setSelectionMode(QAbstractItemView::NoSelection);
    m_mapping->verticalHeader()->hide();
    m_mapping->setFocusPolicy(Qt::NoFocus); // the choices in it take the focus, one by one
    m_mapping->horizontalHeader()->setSectionResizeMode(HeaderColumn, QHeaderView::ResizeToContents);
    m_mapping->horizontalHeader()->setSectionResizeMode(ExampleColumn, QHeaderView::Stretch);
    m_mapping->horizontalHeader()->setSectionResizeMode(TargetColumn, QHeaderView::ResizeToContents);
    mappingLayout->addWidget(m_mapping);
    layout->addWidget(mappingBox, 1);

    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setAccessibleName(tr("Mapping problem"));
    QFont bold = m_problem->font();
    bold.setBold(true);
    m_problem->setFont(bold);
    layout->addWidget(m_problem);
}

QString ImportWizardMappingPage::separatorName(QChar separator)
{
    if (separator == u',')
        return tr("comma ( , )");
    if (separator == u';')
        return tr("semicolon ( ; )");
    if (separator == u'\t')
        return tr("tab");
    return QString(separator);
}

QString ImportWizardMappingPage::fieldLabel(const QString &fieldName)
{
    const auto field = LeadFields::fromName(fieldName);
    if (!field)
        return fieldName;
    switch (*field) {
    case LeadField::Email: return tr("Email");
    case LeadField::FirstName: return tr("First name");
    case LeadField::LastName: return tr("Last name");
    case LeadField::FullName: return tr("Full name (split into first and last)");
    case LeadField::Company: return tr("Company");
    case LeadField::Phone: return tr("Phone");
    case LeadField::Category: return tr("Category");
    case LeadField::Stage: return tr("Stage");
    case LeadField::Tags: return tr("Tags");
    case LeadField::Owner: return tr("Owner");
    case LeadField::Score: return tr("Score");
    case LeadField::Bounced: return tr("Bounced");
    case LeadField::UnsubscribedAt: return tr("Unsubscribed at");
    }
    return fieldName;
}

void ImportWizardMappingPage::initializePage()
{
    const ImportPreview &preview = m_wizard->preview();
    m_encoding->setText(preview.encoding);
    m_separator->setText(separatorName(preview.separator));

    m_preview->clear();
    m_preview->setColumnCount(int(preview.header.size()));
    m_preview->setRowCount(int(preview.rows.size()));
    m_preview->setHorizontalHeaderLabels(preview.header);
    for (int row = 0; row < preview.rows.size(); ++row) {
        const QStringList &cells = preview.rows.at(row);
        for (int column = 0; column < cells.size() && column < preview.header.size(); ++column)
            m_preview->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
    m_preview->resizeColumnsToContents();
    // As tall as the rows it shows, so the mapping below gets the rest of the page.
    int height = m_preview->horizontalHeader()->height() + 2 * m_preview->frameWidth();
    for (int row = 0; row < m_preview->rowCount(); ++row)
        height += m_preview->rowHeight(row);
    m_preview->setFixedHeight(height + m_preview->horizontalScrollBar()->sizeHint().height());
    for (int column = 0; column < m_preview->columnCount(); ++column)
        m_preview->setColumnWidth(column, qMin(m_preview->columnWidth(column), 220));

    m_mapping->setRowCount(int(preview.header.size()));
    for (int column = 0; column < preview.header.size(); ++column) {
        const QString header = preview.header.at(column).trimmed();
        const QString shown = header.isEmpty() ? tr("Column %1").arg(column + 1) : header;
        m_mapping->setItem(column, HeaderColumn, new QTableWidgetItem(shown));
        QString example;
        for (const QStringList &row : preview.rows) {
            if (!row.value(column).trimmed().isEmpty()) {
                example = row.value(column).trimmed();
                break;
            }
        }
        m_mapping->setItem(column, ExampleColumn, new QTableWidgetItem(example));

        const QString automatic = preview.targets.value(column, ignoreTarget);
        auto *box = new QComboBox(m_mapping);
        box->setAccessibleName(tr("Import column %1 as").arg(shown));
        for (const QString &name : LeadFields::names())
            box->addItem(fieldLabel(name), name);
        box->insertSeparator(box->count());
        const QString customName = automatic.startsWith(customPrefix) ? automatic.mid(customPrefix.size()) : shown;
        box->addItem(tr("Custom field “%1”").arg(customName), QString(customPrefix + customName));
        box->addItem(tr("Ignore this column"), ignoreTarget);
        box->setProperty("automatic", automatic);
        box->setCurrentIndex(qMax(0, box->findData(automatic)));
        connect(box, &QComboBox::currentIndexChanged, this, &ImportWizardMappingPage::checkMapping);
        m_mapping->setCellWidget(column, TargetColumn, box);
    }
    m_mapping->resizeColumnToContents(TargetColumn);
    checkMapping();
}

QComboBox *ImportWizardMappingPage::mappingBox(int column) const
{
    return qobject_cast<QComboBox *>(m_mapping->cellWidget(column, TargetColumn));
}

QMap<QString, QString> ImportWizardMappingPage::columnMap() const
{
    QMap<QString, QString> map;
    const QStringList &header = m_wizard->preview().header;
    for (int column = 0; column < m_mapping->rowCount(); ++column) {
        const QComboBox *box = mappingBox(column);
        const QString target = box->currentData().toString();
        // Unchanged columns keep the importer's own plan, which also tells apart repeated headers.
        if (target != box->property("automatic").toString())
            map.insert(header.value(column).trimmed(), target);
    }
    return map;
}

bool ImportWizardMappingPage::isComplete() const
{
    return m_usable;
}

void ImportWizardMappingPage::checkMapping()
{
    // The importer plans the columns exactly as the import will: its verdict decides.
    ImportPreview planned;
    QString error;
    m_usable = LeadImporter::preview(m_wizard->fileData(), columnMap(), 0, &planned, &error)
               && planned.problem.isEmpty();
    QStringList fields;
    for (int column = 0; column < m_mapping->rowCount(); ++column)
        fields.append(mappingBox(column)->currentData().toString());
    QString text;
    if (!m_usable) {
        const QString email = LeadFields::name(LeadField::Email);
        QString twice;
        for (const QString &field : std::as_const(fields)) {
            if (LeadFields::fromName(field) && fields.count(field) > 1) {
                twice = field;
                break;
            }
        }
        if (!twice.isEmpty())
            text = tr("Two columns are imported as “%1”. Choose something else for one of them.")
                       .arg(fieldLabel(twice));
        else if (!fields.contains(email))
            text = tr("No column is imported as Email. Every lead needs an email address: choose the column "
                      "that holds it.");
        else
            text = tr("This mapping cannot be imported: %1").arg(planned.problem.isEmpty() ? error : planned.problem);
    }
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
    emit completeChanged();
}

} // namespace leadtrail
