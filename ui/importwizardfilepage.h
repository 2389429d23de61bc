#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;

namespace leadtrail {

class ImportWizard;

/** First step of the import: which file. Loads it as soon as a path is given, and says plainly what is wrong. */
class ImportWizardFilePage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportWizardFilePage)

public:
    explicit ImportWizardFilePage(ImportWizard *wizard);

    QLineEdit *pathField() const { return m_path; }
    QLabel *statusLabel() const { return m_status; }
    bool isComplete() const override;

private:
    void load();
    void browse();

    ImportWizard *m_wizard;
    QLineEdit *m_path = nullptr;
    QLabel *m_status = nullptr;
    bool m_loaded = false;
};

} // namespace leadtrail
