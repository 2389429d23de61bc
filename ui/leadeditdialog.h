#pragma once

#include "store/lead.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace leadtrail {

class LeadStore;

/**
 * Edits one lead's own fields: email, names, company, phone, category,
 * owner, tags and custom fields. Saving goes through LeadStore::update, so
 * the same checks apply as on import and in the CLI; a refusal (an invalid
 * or already used address, a bad tag) is shown in the dialog, which stays
 * open with what was typed. The stage has its own control in the detail
 * panel (its changes are recorded with their cause); the score is computed
 * from engagement and is shown, not edited.
 */
class LeadEditDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LeadEditDialog)

public:
    LeadEditDialog(LeadStore &store, const Lead &lead, QWidget *parent = nullptr);

    /** The form's field for @p name ("email", "first_name", …), for tests. */
    QLineEdit *field(const QString &name) const;
    QComboBox *categoryBox() const { return m_category; }
    QTableWidget *customFields() const { return m_custom; }
    QString errorText() const;

    void accept() override;

private:
    Lead edited() const;

    LeadStore &m_store;
    const Lead m_lead;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_firstName = nullptr;
    QLineEdit *m_lastName = nullptr;
    QLineEdit *m_company = nullptr;
    QLineEdit *m_phone = nullptr;
    QComboBox *m_category = nullptr;
    QLineEdit *m_owner = nullptr;
    QLineEdit *m_tags = nullptr;
    QTableWidget *m_custom = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace leadtrail
