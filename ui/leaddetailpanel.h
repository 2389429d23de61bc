#pragma once

#include "store/lead.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace leadtrail {

class LeadStore;

/**
 * The selected lead beside the leads table: its fields, its stage (editable),
 * and its timeline of notes with a box to add one. All changes go through the
 * LeadStore; the panel keeps no data of its own beyond what it shows.
 */
class LeadDetailPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LeadDetailPanel)

public:
    explicit LeadDetailPanel(LeadStore &store, QWidget *parent = nullptr);

    /** Shows the lead with this id, or an empty state for 0. */
    void showLead(qint64 leadId);
    qint64 leadId() const { return m_lead ? m_lead->id : 0; }

signals:
    /** The lead was changed here (stage, note), so lists showing it should refresh. */
    void leadChanged(qint64 leadId);

private:
    void refresh();
    void changeStage(int index);
    void addNote();
    void showError(const QString &message);

    LeadStore &m_store;
    std::optional<Lead> m_lead;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QLabel *m_empty = nullptr;
    QWidget *m_content = nullptr;
    QFormLayout *m_fields = nullptr;
    QComboBox *m_stage = nullptr;
    QListWidget *m_timeline = nullptr;
    QPlainTextEdit *m_noteEdit = nullptr;
    QPushButton *m_addNote = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace leadtrail
