#include "leadspage.h"

#include "leaddetailpanel.h"
#include "leadtablemodel.h"
#include "store/leadstore.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace leadtrail {

LeadsPage::LeadsPage(const Workspace &workspace, LeadStore &store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_model(new LeadTableModel(store, this))
{
    auto *layout = new QVBoxLayout(this);

    auto *filters = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search name, email or company"));
    m_search->setAccessibleName(tr("Search leads"));
    m_search->setClearButtonEnabled(true);
    filters->addWidget(m_search, 2);

    auto makeFilter = [this, filters](const QString &name) {
        auto *box = new QComboBox(this);
        box->setAccessibleName(name);
        box->setToolTip(name);
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        filters->addWidget(box);
        connect(box, &QComboBox::activated, this, &LeadsPage::applyFilter);
        return box;
    };
    m_category = makeFilter(tr("Category"));
    m_stage = makeFilter(tr("Stage"));
    m_tag = makeFilter(tr("Tag"));
    m_count = new QLabel(this);
    filters->addWidget(m_count);
    layout->addLayout(filters);

    auto *splitter = new QSplitter(this);
    m_table = new QTableView(splitter);
    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("Leads"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(LeadTableModel::UpdatedColumn, Qt::DescendingOrder);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setColumnWidth(LeadTableModel::NameColumn, 170);
    m_table->setColumnWidth(LeadTableModel::EmailColumn, 220);
    m_table->setColumnWidth(LeadTableModel::CompanyColumn, 150);
    m_table->setColumnWidth(LeadTableModel::ScoreColumn, 60);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);

    m_detail = new LeadDetailPanel(workspace, store, splitter);
    m_detail->setMinimumWidth(280);
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    // Typing runs one query per pause, not one per key.
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(150);
    connect(m_searchDelay, &QTimer::timeout, this, &LeadsPage::applyFilter);
    connect(m_search, &QLineEdit::textEdited, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &LeadsPage::applyFilter);

    auto *focusSearch = new QShortcut(QKeySequence::Find, this);
    connect(focusSearch, &QShortcut::activated, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });

    connect(m_model, &LeadTableModel::totalCountChanged, this, &LeadsPage::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &LeadsPage::selectionChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &LeadsPage::selectionChanged);
    connect(m_detail, &LeadDetailPanel::leadChanged, this, [this](qint64 id) {
        m_model->reload();
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (m_model->leadAt(row).id == id) {
                m_table->selectRow(row);
                break;
            }
        }
    });

    fillFilterChoices();
    updateCount();
}

void LeadsPage::reload()
{
    fillFilterChoices();
    m_model->reload();
    updateCount();
}

void LeadsPage::refresh()
{
    const qint64 shown = m_detail->leadId();
    m_model->reload();
    if (shown > 0)
        openLead(shown);
}

void LeadsPage::fillFilterChoices()
{
    auto refill = [](QComboBox *box, const QString &all, const QStringList &values) {
        const QString current = box->currentData().toString();
        const QSignalBlocker blocker(box);
        box->clear();
        box->addItem(all, QString());
        for (const QString &value : values)
            box->addItem(value, value);
        const int index = box->findData(current);
        box->setCurrentIndex(index < 0 ? 0 : index);
    };
    refill(m_category, tr("All categories"), m_store.categories());
    refill(m_stage, tr("All stages"), m_store.stages());
    refill(m_tag, tr("All tags"), m_store.tags());
}

void LeadsPage::applyFilter()
{
    LeadFilter filter;
    filter.search = m_search->text().trimmed();
    filter.category = m_category->currentData().toString();
    filter.stage = m_stage->currentData().toString();
    filter.tag = m_tag->currentData().toString();
    m_model->setFilter(filter);
    updateCount();
}

void LeadsPage::updateCount()
{
    m_count->setText(tr("%n lead(s)", nullptr, int(qMin<qint64>(m_model->totalCount(), INT_MAX))));
}

void LeadsPage::openLead(qint64 leadId)
{
    // Select it when it is among the rows fetched; show it either way, so a
    // lead found elsewhere (hot leads, a notification) opens without loading
    // the whole table.
    m_table->clearSelection();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->leadAt(row).id == leadId) {
            m_table->selectRow(row);
            m_table->scrollTo(m_model->index(row, 0));
            return;
        }
    }
    m_detail->showLead(leadId);
}

void LeadsPage::selectionChanged()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    m_detail->showLead(rows.size() == 1 ? m_model->leadAt(rows.first().row()).id : 0);
}

} // namespace leadtrail
