#pragma once

#include "store/lead.h"

#include <QList>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QTableView;
class QUndoStack;
class QTimer;
class QToolButton;

namespace leadtrail {

class ImportWizard;
class LeadDetailPanel;
class LeadStore;
class LeadTableModel;
class Workspace;

/**
 * The Leads screen: search and filters over the lead table, and the selected
 * lead's details beside it; import (a wizard), export of what the filter
 * shows, and stage and tag changes for every selected lead at once. The
 * results of those actions are said in a message line above the table.
 * Owns its model; borrows the workspace and the store.
 */
class LeadsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LeadsPage)

public:
    LeadsPage(const Workspace &workspace, LeadStore &store, QWidget *parent = nullptr);

    /** Selects the lead (clearing search and filters when it is not shown) and shows its details. */
    void openLead(qint64 leadId);

    LeadTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    /** Where edits made here go, so Edit → Undo can take them back (none: not undoable). */
    void setUndoStack(QUndoStack *stack);
    LeadDetailPanel *detail() const { return m_detail; }
    QLineEdit *searchField() const { return m_search; }

    /** Fetches the rows again keeping the lead in view selected (after a sync changed scores or stages). */
    void refresh();
    /** Reloads lists and filters, e.g. after an import. */
    void reload();

    /** Opens the import wizard (window-modal); the table reloads when an import is saved. */
    ImportWizard *startImport();
    /** Asks where to save, then exports. */
    void startExport();
    /** Writes the leads matching the current search and filters to `path` as CSV; false on an error. */
    bool exportTo(const QString &path);

    /** The leads selected in the table, in table order. */
    QList<qint64> selectedLeadIds() const;
    /** Each of these changes every selected lead in one step and says what it did. */
    bool moveSelectedToStage(const QString &stage);
    bool addTagToSelected(const QString &tag);
    bool removeTagFromSelected(const QString &tag);

    QLabel *messageLabel() const { return m_message; }
    QToolButton *stageButton() const { return m_stageButton; }
    QToolButton *tagButton() const { return m_tagButton; }

private:
    void showMessage(const QString &text, bool isError);
    void fillStageMenu();
    void fillTagMenu();
    void askNewTag();
    /** Runs one bulk change on the selected leads; says `failure` (with the error) or `success` (with the count). */
    bool changeSelected(const std::function<int(const QList<qint64> &, QString *)> &change, const QString &failure,
                        const std::function<QString(int)> &success);
    /** The leads as they are stored now, for undo. */
    QList<Lead> snapshot(const QList<qint64> &ids) const;
    /** After an undo or redo: the rows again, those leads selected. */
    void leadsChangedElsewhere(const QList<qint64> &ids);
    /** Reloads the rows and selects `ids` again where they are still shown. */
    void reloadKeepingSelection(const QList<qint64> &ids);
    void applyFilter();
    void fillFilterChoices();
    void updateCount();
    void selectionChanged();

    const Workspace &m_workspace;
    LeadStore &m_store;
    LeadTableModel *m_model = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_category = nullptr;
    QComboBox *m_stage = nullptr;
    QComboBox *m_tag = nullptr;
    QLabel *m_count = nullptr;
    QTableView *m_table = nullptr;
    QUndoStack *m_undo = nullptr;
    bool m_refreshing = false;
    LeadDetailPanel *m_detail = nullptr;
    QTimer *m_searchDelay = nullptr;
    QLabel *m_selection = nullptr;
    QLabel *m_message = nullptr;
    QToolButton *m_stageButton = nullptr;
    QToolButton *m_tagButton = nullptr;
    QMenu *m_stageMenu = nullptr;
    QMenu *m_tagMenu = nullptr;
};

} // namespace leadtrail
