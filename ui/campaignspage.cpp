#include "campaignspage.h"

#include "campaigneditor.h"
#include "campaignlistmodel.h"
#include "sendprogressview.h"
#include "statspanel.h"
#include "sending/campaignstore.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace leadtrail {

CampaignsPage::CampaignsPage(const Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_model(new CampaignListModel(workspace, this))
{
    auto *layout = new QVBoxLayout(this);

    auto *banner = new QHBoxLayout;
    m_interrupted = new QLabel(this);
    m_interrupted->setWordWrap(true);
    m_resume = new QPushButton(tr("Resume sending"), this);
    banner->addWidget(m_interrupted, 1);
    banner->addWidget(m_resume);
    layout->addLayout(banner);

    auto *splitter = new QSplitter(this);
    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *create = new QPushButton(QIcon(u":/icons/campaigns.svg"_s), tr("New campaign"), left);
    create->setShortcut(QKeySequence::New);
    create->setToolTip(tr("Compose a new campaign (%1)").arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    leftLayout->addWidget(create);
    m_list = new QTableView(left);
    m_list->setModel(m_model);
    m_list->setAccessibleName(tr("Campaigns"));
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setSectionResizeMode(CampaignListModel::NameColumn, QHeaderView::Stretch);
    m_list->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->horizontalHeader()->setSectionResizeMode(CampaignListModel::NameColumn, QHeaderView::Stretch);
    m_list->setAlternatingRowColors(true);
    m_list->setWordWrap(false);
    leftLayout->addWidget(m_list, 1);

    m_views = new QStackedWidget(splitter);
    m_empty = new QLabel(tr("Choose a campaign, or create a new one."), m_views);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setEnabled(false);
    m_editor = new CampaignEditor(workspace, m_views);
    m_progress = new SendProgressView(workspace, m_views);
    m_stats = new StatsPanel(workspace, m_views);
    for (QWidget *w : std::initializer_list<QWidget *>{m_empty, m_editor, m_progress, m_stats})
        m_views->addWidget(w);
    splitter->addWidget(left);
    splitter->addWidget(m_views);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 5);
    splitter->setSizes({430, 850});
    layout->addWidget(splitter, 1);

    connect(create, &QPushButton::clicked, this, &CampaignsPage::newCampaign);
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CampaignsPage::selectionChanged);
    connect(m_editor, &CampaignEditor::saved, this, [this](qint64 id) {
        reload();
        selectRow(id);
    });
    connect(m_editor, &CampaignEditor::sendConfirmed, this, [this](qint64 id) {
        m_views->setCurrentWidget(m_progress);
        m_progress->start(id);
        reload();
        selectRow(id);
    });
    connect(m_progress, &SendProgressView::finished, this, [this](qint64 id, CampaignState) {
        reload();
        selectRow(id);
    });
    connect(m_progress, &SendProgressView::showStatsRequested, this, [this](qint64 id) {
        m_stats->showCampaign(id);
        m_views->setCurrentWidget(m_stats);
    });
    connect(m_stats, &StatsPanel::openLeadRequested, this, &CampaignsPage::openLeadRequested);
    connect(m_progress, &SendProgressView::resendUnreachedRequested, this, &CampaignsPage::resendUnreached);
    connect(m_stats, &StatsPanel::resendUnreachedRequested, this, &CampaignsPage::resendUnreached);
    connect(m_resume, &QPushButton::clicked, this, [this] {
        const qint64 id = m_interruptedId;
        m_views->setCurrentWidget(m_progress);
        m_progress->start(id);
        reload();
        selectRow(id);
    });
    reload();
}

QWidget *CampaignsPage::currentView() const
{
    return m_views->currentWidget();
}

void CampaignsPage::reload()
{
    const QSignalBlocker blocker(m_list->selectionModel());
    m_model->reload();
    m_interruptedId = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const Campaign &c = m_model->campaignAt(row);
        const bool mine = m_progress->isSending() && m_progress->campaignId() == c.id;
        if (!mine && (c.state == CampaignState::Sending || c.state == CampaignState::Paused)) {
            m_interruptedId = c.id;
            m_interrupted->setText(c.state == CampaignState::Sending
                                       ? tr("\"%1\" was interrupted while sending. Resume it to send to the rest; "
                                            "nobody receives it twice.").arg(c.name)
                                       : tr("\"%1\" is paused.").arg(c.name));
            break;
        }
    }
    m_interrupted->setVisible(m_interruptedId > 0);
    m_resume->setVisible(m_interruptedId > 0 && !m_progress->isSending());
}

void CampaignsPage::selectRow(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const QSignalBlocker blocker(m_list->selectionModel());
    m_list->selectRow(row);
}

void CampaignsPage::resendUnreached(qint64 id)
{
    CampaignStore store(m_workspace);
    const std::optional<Campaign> original = store.find(id);
    QString error;
    const std::optional<Campaign> copy =
        original ? store.createUnreachedCopy(id, tr("%1 (not reached)").arg(original->name), &error) : std::nullopt;
    if (!copy) {
        QMessageBox::warning(this, tr("Cannot create the campaign"), tr("The campaign cannot be copied: %1").arg(error));
        return;
    }
    reload();
    // A draft: the editor, to review it and send.
    showCampaign(copy->id);
}

void CampaignsPage::newCampaign()
{
    if (!leaveEditor())
        return;
    m_list->clearSelection();
    Campaign draft;
    draft.name = tr("New campaign");
    m_editor->edit(draft);
    m_views->setCurrentWidget(m_editor);
}

void CampaignsPage::showCampaign(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    selectRow(id);
    const Campaign &c = m_model->campaignAt(row);
    switch (c.state) {
    case CampaignState::Draft:
        m_editor->edit(c);
        m_views->setCurrentWidget(m_editor);
        break;
    case CampaignState::Sending:
    case CampaignState::Paused:
        if (!m_progress->isSending() || m_progress->campaignId() == id) {
            m_progress->showCampaign(id);
            m_views->setCurrentWidget(m_progress);
            break;
        }
        [[fallthrough]];
    case CampaignState::Sent:
    case CampaignState::Cancelled:
        m_stats->showCampaign(id);
        m_views->setCurrentWidget(m_stats);
        break;
    }
}

void CampaignsPage::selectionChanged()
{
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    if (rows.size() != 1)
        return;
    const qint64 id = m_model->campaignAt(rows.first().row()).id;
    const qint64 editing = m_editor->campaign().id;
    if (m_views->currentWidget() == m_editor && id == editing)
        return; // already in the editor, with whatever is typed there
    if (m_views->currentWidget() == m_editor && !leaveEditor()) {
        // Kept editing: the list shows the draft being edited again.
        const QSignalBlocker blocker(m_list->selectionModel());
        m_list->clearSelection();
        selectRow(editing);
        return;
    }
    showCampaign(id);
}

bool CampaignsPage::leaveEditor()
{
    if (m_views->currentWidget() != m_editor || m_editor->saveIfModified())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Draft not saved"),
                    tr("Your changes to this draft cannot be saved:\n%1").arg(m_editor->errorText()),
                    QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setInformativeText(tr("Discard them, or keep editing to fix the problem?"));
    box.button(QMessageBox::Cancel)->setText(tr("Keep editing"));
    box.setDefaultButton(QMessageBox::Cancel);
    return box.exec() == QMessageBox::Discard;
}

void CampaignsPage::pauseSending()
{
    m_progress->pauseAndWait();
}

void CampaignsPage::refreshResults()
{
    const QSignalBlocker blocker(m_list->selectionModel());
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    const qint64 selected = rows.size() == 1 ? m_model->campaignAt(rows.first().row()).id : 0;
    m_model->reload();
    if (selected > 0)
        selectRow(selected);
    if (m_views->currentWidget() == m_stats)
        m_stats->reload();
}

} // namespace leadtrail
