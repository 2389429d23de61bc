#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace leadtrail {

class LeadDetailPanel;
class LeadStore;
class LeadTableModel;
class Workspace;

/**
 * The Leads screen: search and filters over the lead table, and the selected
 * lead's details beside it. Owns its model; borrows the store.
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
    LeadDetailPanel *detail() const { return m_detail; }
    QLineEdit *searchField() const { return m_search; }

    /** Fetches the rows again keeping the lead in view selected (after a sync changed scores or stages). */
    void refresh();
    /** Reloads lists and filters, e.g. after an import. */
    void reload();

private:
    void applyFilter();
    void fillFilterChoices();
    void updateCount();
    void selectionChanged();

    LeadStore &m_store;
    LeadTableModel *m_model = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_category = nullptr;
    QComboBox *m_stage = nullptr;
    QComboBox *m_tag = nullptr;
    QLabel *m_count = nullptr;
    QTableView *m_table = nullptr;
    LeadDetailPanel *m_detail = nullptr;
    QTimer *m_searchDelay = nullptr;
};

} // namespace leadtrail
