#pragma once

#include "store/lead.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QUndoStack;

namespace leadtrail {

class LeadEditDialog;
class LeadStore;
class TimelineView;
class Workspace;

/**
 * The selected lead beside the leads table: its fields (Edit… opens
 * LeadEditDialog), its stage, and its activity timeline (core/insight LeadTimeline) with a box to add a note. All changes go through the
 * LeadStore; the panel keeps no data of its own beyond what it shows.
 */
class LeadDetailPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LeadDetailPanel)

public:
    LeadDetailPanel(const Workspace &workspace, LeadStore &store, QWidget *parent = nullptr);
    /** Notes and edits made here go on this stack, so Edit → Undo can take them back. */
    void setUndoStack(QUndoStack *stack) { m_undo = stack; }

    /** Shows the lead with this id, or an empty state for 0. */
    void showLead(qint64 leadId);
    qint64 leadId() const { return m_lead ? m_lead->id : 0; }
    /** Opens the editor for the lead shown (window-modal, not blocking); nullptr when none is shown. */
    LeadEditDialog *editLead();
    /** With several leads selected the empty state says how many, and how to change them together. */
    void setSelectionCount(int count);
    TimelineView *timeline() const { return m_timeline; }
    /** Shows the lead again, e.g. after a sync brought new events. */
    void reloadLead() { showLead(leadId()); }

signals:
    /** The lead was changed here (stage, note), so lists showing it should refresh. */
    void leadChanged(qint64 leadId);

private:
    void refresh();
    void changeStage(int index);
    void addNote();
    void showError(const QString &message);

    const Workspace &m_workspace;
    LeadStore &m_store;
    std::optional<Lead> m_lead;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QLabel *m_empty = nullptr;
    QWidget *m_content = nullptr;
    QFormLayout *m_fields = nullptr;
    QComboBox *m_stage = nullptr;
    TimelineView *m_timeline = nullptr;
    QPlainTextEdit *m_noteEdit = nullptr;
    QPushButton *m_addNote = nullptr;
    QPushButton *m_edit = nullptr;
    QLabel *m_error = nullptr;
    QUndoStack *m_undo = nullptr;
};

} // namespace leadtrail
