#pragma once

#include <QMap>
#include <QString>
#include <QWizardPage>

class QComboBox;
class QLabel;
class QTableWidget;

namespace leadtrail {

class ImportWizard;

/**
 * Second step of the import: what the importer detected (encoding, separator),
 * the first rows as a table, and one choice per column (a lead field, a custom
 * field, or ignore), prefilled with the importer's own mapping of CRM headers.
 * It is the commit page: its button starts the import.
 */
class ImportWizardMappingPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportWizardMappingPage)

public:
    explicit ImportWizardMappingPage(ImportWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;

    /** Only the columns whose choice differs from the automatic mapping, as LeadImporter::Options::columnMap. */
    QMap<QString, QString> columnMap() const;

    QLabel *encodingLabel() const { return m_encoding; }
    QLabel *separatorLabel() const { return m_separator; }
    QLabel *problemLabel() const { return m_problem; }
    QTableWidget *previewTable() const { return m_preview; }
    /** The choice for column `column` of the file. */
    QComboBox *mappingBox(int column) const;

private:
    static QString separatorName(QChar separator);
    static QString fieldLabel(const QString &fieldName);
    void checkMapping();

    ImportWizard *m_wizard;
    QLabel *m_encoding = nullptr;
    QLabel *m_separator = nullptr;
    QTableWidget *m_preview = nullptr;
    QTableWidget *m_mapping = nullptr;
    QLabel *m_problem = nullptr;
    bool m_usable = false;
};

} // namespace leadtrail
