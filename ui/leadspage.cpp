#include "leadspage.h"

#include "undo/leadcommands.h"

#include "importwizard.h"
#include "leaddetailpanel.h"
#include "leadtablemodel.h"
#include "theme.h"
#include "store/leadbulkeditor.h"
#include "store/leadexporter.h"
#include "store/leadstore.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QInputDialog>
#include <QLocale>
#include <QMenu>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSplitter>
#include <QScrollBar>
#include <QKeySequence>
#include <QTableView>
#include <QUndoStack>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace leadtrail {

LeadsPage::LeadsPage(const Workspace &workspace, LeadStore &store, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_store(store)
    , m_model(new LeadTableModel(store, this))
{
    auto *layout = new QVBoxLayout(this);

    auto *actions = new QHBoxLayout;
    auto makeButton = [this, actions](const QString &text, const QString &accessibleName, const QString &icon) {
        auto *button = new QToolButton(this);
        button->setText(text);
        button->setAccessibleName(accessibleName);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        if (!icon.isEmpty())
            button->setIcon(QIcon(icon));
        actions->addWidget(button);
        return button;
    };
    auto *importButton = makeButton(tr("&Import…"), tr("Import leads from a CSV file"),
                                    QStringLiteral(":/icons/leads.svg"));
    importButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    importButton->setToolTip(tr("Import leads from a CSV file (%1)")
                                 .arg(importButton->shortcut().toString(QKeySequence::NativeText)));
    connect(importButton, &QToolButton::clicked, this, &LeadsPage::startImport);
    auto *exportButton = makeButton(tr("&Export…"), tr("Export the leads shown to a CSV file"), QString());
    exportButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportButton->setToolTip(tr("Export the leads matching the search and filters (%1)")
                                 .arg(exportButton->shortcut().toString(QKeySequence::NativeText)));
    connect(exportButton, &QToolButton::clicked, this, &LeadsPage::startExport);
    actions->addSpacing(16);

    m_stageButton = makeButton(tr("Move to &stage"), tr("Move the selected leads to a stage"),
                               QStringLiteral(":/icons/stage.svg"));
    m_stageButton->setPopupMode(QToolButton::InstantPopup);
    m_stageMenu = new QMenu(m_stageButton);
    m_stageButton->setMenu(m_stageMenu);
    connect(m_stageMenu, &QMenu::aboutToShow, this, &LeadsPage::fillStageMenu);
    m_tagButton = makeButton(tr("&Tags"), tr("Add or remove a tag on the selected leads"),
                             QStringLiteral(":/icons/note.svg"));
    m_tagButton->setPopupMode(QToolButton::InstantPopup);
    m_tagMenu = new QMenu(m_tagButton);
    m_tagButton->setMenu(m_tagMenu);
    connect(m_tagMenu, &QMenu::aboutToShow, this, &LeadsPage::fillTagMenu);
    m_selection = new QLabel(this);
    m_selection->setAccessibleName(tr("Selected leads"));
    actions->addWidget(m_selection);
    actions->addStretch(1);
    layout->addLayout(actions);

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setAccessibleName(tr("Result of the last action"));
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setFrameShape(QFrame::StyledPanel);
    m_message->setContentsMargins(6, 4, 6, 4);
    m_message->hide();
    layout->addWidget(m_message);

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
        fillFilterChoices(); // an edit may bring a new category or tag
        m_model->reload();
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (m_model->leadAt(row).id == id) {
                m_table->selectRow(row);
                return;
            }
        }
        // Edited out of the current search or filter: still shown, so the change can be seen.
        m_detail->showLead(id);
    });

    fillFilterChoices();
    updateCount();
    selectionChanged();
}

void LeadsPage::reload()
{
    fillFilterChoices();
    m_model->reload();
    updateCount();
}

void LeadsPage::refresh()
{
    // Someone else changed the workspace (a sync, another process): the
    // figures move, the user's place does not. Same rows fetched, same
    // selection, same scroll position, the open lead's detail brought up to date.
    QList<qint64> selected;
    for (const QModelIndex &row : m_table->selectionModel()->selectedRows())
        selected.append(m_model->leadAt(row.row()).id);
    const qint64 shown = m_detail->leadId();
    const int fetched = m_model->rowCount();
    const int scroll = m_table->verticalScrollBar()->value();
    const int hscroll = m_table->horizontalScrollBar()->value();
    {
        m_refreshing = true; // no detail shown and hidden again while the rows come back
        m_model->reload();
        while (m_model->rowCount() < fetched && m_model->canFetchMore({}))
            m_model->fetchMore({});
        QItemSelection selection;
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (selected.contains(m_model->leadAt(row).id))
                selection.select(m_model->index(row, 0), m_model->index(row, LeadTableModel::ColumnCount - 1));
        }
        m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_refreshing = false;
    }
    m_table->verticalScrollBar()->setValue(scroll);
    m_table->horizontalScrollBar()->setValue(hscroll);
    updateCount();
    selectionChanged();
    if (selected.isEmpty() && shown > 0) // opened from elsewhere, not among the rows
        m_detail->showLead(shown);
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
    if (m_refreshing)
        return;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    m_detail->showLead(rows.size() == 1 ? m_model->leadAt(rows.first().row()).id : 0);
    const int selected = int(rows.size());
    m_detail->setSelectionCount(selected);
    m_stageButton->setEnabled(selected > 0);
    m_tagButton->setEnabled(selected > 0);
    m_selection->setText(selected > 1 ? tr("%n selected", nullptr, selected) : QString());
}

ImportWizard *LeadsPage::startImport()
{
    auto *wizard = new ImportWizard(m_workspace, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &ImportWizard::importFinished, this, [this, wizard](bool succeeded) {
        if (!succeeded) {
            showMessage(tr("%1 was not imported. %2")
                            .arg(QFileInfo(wizard->filePath()).fileName(), wizard->importError()),
                        true);
            return;
        }
        reload();
        const ImportReport &report = wizard->report();
        showMessage(tr("Imported %1: %2, %3, %4.")
                        .arg(QFileInfo(wizard->filePath()).fileName(),
                             tr("%n new lead(s)", nullptr, report.imported),
                             tr("%n updated", nullptr, report.updated),
                             tr("%n row(s) skipped", nullptr, int(report.skipped.size()))),
                    false);
    });
    wizard->open();
    return wizard;
}

void LeadsPage::startExport()
{
    const QString suggested = QDir::home().filePath(QStringLiteral("leads.csv"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export leads"), suggested,
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        exportTo(path);
}

bool LeadsPage::exportTo(const QString &path)
{
    QString error;
    const qint64 written = LeadExporter(m_workspace).exportToFile(path, m_model->filter(), &error);
    if (written < 0) {
        showMessage(tr("The leads could not be exported: %1").arg(error), true);
        return false;
    }
    showMessage(tr("Exported %n lead(s) to %1.", nullptr, int(qMin<qint64>(written, INT_MAX)))
                    .arg(QDir::toNativeSeparators(path)),
                false);
    return true;
}

QList<qint64> LeadsPage::selectedLeadIds() const
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<qint64> ids;
    for (const QModelIndex &row : std::as_const(rows))
        ids.append(m_model->leadAt(row.row()).id);
    return ids;
}

bool LeadsPage::moveSelectedToStage(const QString &stage)
{
    return changeSelected(
        [this, &stage](const QList<qint64> &ids, QString *error) {
            return LeadBulkEditor(m_workspace).setStage(ids, stage, error);
        },
        tr("The stage was not changed: %1"),
        [&stage](int changed) { return tr("Moved %n lead(s) to %1.", nullptr, changed).arg(stage); });
}

bool LeadsPage::addTagToSelected(const QString &tag)
{
    return changeSelected(
        [this, &tag](const QList<qint64> &ids, QString *error) {
            return LeadBulkEditor(m_workspace).addTag(ids, tag, error);
        },
        tr("The tag was not added: %1"),
        [&tag](int changed) { return tr("Tagged %n lead(s) “%1”.", nullptr, changed).arg(tag.simplified()); });
}

bool LeadsPage::removeTagFromSelected(const QString &tag)
{
    return changeSelected(
        [this, &tag](const QList<qint64> &ids, QString *error) {
            return LeadBulkEditor(m_workspace).removeTag(ids, tag, error);
        },
        tr("The tag was not removed: %1"),
        [&tag](int changed) { return tr("Removed “%1” from %n lead(s).", nullptr, changed).arg(tag); });
}

void LeadsPage::setUndoStack(QUndoStack *stack)
{
    m_undo = stack;
    m_detail->setUndoStack(stack);
}

QList<Lead> LeadsPage::snapshot(const QList<qint64> &ids) const
{
    QList<Lead> leads;
    for (const qint64 id : ids) {
        if (std::optional<Lead> lead = m_store.find(id))
            leads.append(*lead);
    }
    return leads;
}

void LeadsPage::leadsChangedElsewhere(const QList<qint64> &ids)
{
    // An undo or redo: show the leads as they are now, selected.
    fillFilterChoices();
    reloadKeepingSelection(ids);
    if (ids.size() == 1)
        m_detail->showLead(ids.constFirst());
}

bool LeadsPage::changeSelected(const std::function<int(const QList<qint64> &, QString *)> &change,
                               const QString &failure, const std::function<QString(int)> &success)
{
    const QList<qint64> ids = selectedLeadIds();
    const QList<Lead> before = snapshot(ids);
    QString error;
    const int changed = change(ids, &error);
    if (changed < 0) {
        showMessage(failure.arg(error), true);
        return false;
    }
    const QString done = success(changed);
    if (m_undo && changed > 0)
        m_undo->push(new ChangeLeadsCommand(m_workspace, done, before, snapshot(ids),
                                            [this](const QList<qint64> &leads) { leadsChangedElsewhere(leads); }));
    fillFilterChoices(); // a tag may have appeared or gone
    reloadKeepingSelection(ids);
    showMessage(m_undo && changed > 0 ? tr("%1 Undo with %2.").arg(done, QKeySequence(QKeySequence::Undo).toString(
                                                                            QKeySequence::NativeText))
                                      : done,
                false);
    return true;
}

void LeadsPage::reloadKeepingSelection(const QList<qint64> &ids)
{
    m_model->reload();
    updateCount();
    QItemSelection selection;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (ids.contains(m_model->leadAt(row).id))
            selection.select(m_model->index(row, 0), m_model->index(row, LeadTableModel::ColumnCount - 1));
    }
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void LeadsPage::showMessage(const QString &text, bool isError)
{
    // Said where the action happened, and kept until the next one: no pop-up to dismiss.
    m_message->setText(text);
    m_message->setProperty("error", isError);
    QPalette palette; // no role set: the label follows the theme, also when it changes
    if (isError) // an accent readable on either theme's window colour
        palette.setColor(QPalette::WindowText, Theme::errorColor());
    m_message->setPalette(palette);
    m_message->show();
}

void LeadsPage::fillStageMenu()
{
    m_stageMenu->clear();
    for (const QString &stage : m_store.stages())
        m_stageMenu->addAction(stage, this, [this, stage] { moveSelectedToStage(stage); });
}

void LeadsPage::fillTagMenu()
{
    m_tagMenu->clear();
    m_tagMenu->addSection(tr("Add tag"));
    for (const QString &tag : m_store.tags())
        m_tagMenu->addAction(tag, this, [this, tag] { addTagToSelected(tag); })->setObjectName(QStringLiteral("addTag"));
    m_tagMenu->addAction(tr("New tag…"), this, &LeadsPage::askNewTag);

    QStringList onSelected;
    for (const QModelIndex &row : m_table->selectionModel()->selectedRows())
        onSelected += m_model->leadAt(row.row()).tags;
    onSelected.removeDuplicates();
    onSelected.sort(Qt::CaseInsensitive);
    if (onSelected.isEmpty())
        return;
    m_tagMenu->addSection(tr("Remove tag"));
    for (const QString &tag : std::as_const(onSelected))
        m_tagMenu->addAction(tag, this, [this, tag] { removeTagFromSelected(tag); })
            ->setObjectName(QStringLiteral("removeTag"));
}

void LeadsPage::askNewTag()
{
    bool ok = false;
    const QString tag = QInputDialog::getText(this, tr("Add tag"), tr("Tag for the %n selected lead(s):", nullptr,
                                                                     int(selectedLeadIds().size())),
                                              QLineEdit::Normal, QString(), &ok);
    if (ok && !tag.trimmed().isEmpty())
        addTagToSelected(tag);
}

} // namespace leadtrail
