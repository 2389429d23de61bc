#pragma once

#include "sending/campaign.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace leadtrail {

class CampaignEditor;
class CampaignListModel;
class SendProgressView;
class StatsPanel;
class Workspace;

/**
 * The Campaigns screen: the list beside the campaign in view — the editor
 * for a draft, the progress view while sending (or when paused), and the
 * stats panel once sent. Offers to resume a campaign that was interrupted.
 */
class CampaignsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CampaignsPage)

public:
    explicit CampaignsPage(const Workspace &workspace, QWidget *parent = nullptr);

    void reload();
    /** Shows campaign @p id in the view that fits its state. */
    void showCampaign(qint64 id);
    void newCampaign();
    /** Pauses a running send and waits for it (the window is closing). */
    void pauseSending();
    /**
     * Before the draft in the editor makes way (another campaign, closing):
     * saves its edits; when they cannot be saved, asks whether to discard
     * them. False when the user chose to keep editing.
     */
    bool leaveEditor();
    /** Recomputes the numbers in view, after a sync. */
    void refreshResults();

    CampaignListModel *model() const { return m_model; }
    QTableView *list() const { return m_list; }
    CampaignEditor *editor() const { return m_editor; }
    SendProgressView *progressView() const { return m_progress; }
    StatsPanel *statsPanel() const { return m_stats; }
    QWidget *currentView() const;

signals:
    void openLeadRequested(qint64 leadId);

private:
    void selectionChanged();
    void selectRow(qint64 id);
    /** Creates the draft copy of cancelled campaign @p id for the leads it did not reach, and opens it. */
    void resendUnreached(qint64 id);

    const Workspace &m_workspace;
    CampaignListModel *m_model = nullptr;
    QTableView *m_list = nullptr;
    QLabel *m_interrupted = nullptr;
    QPushButton *m_resume = nullptr;
    qint64 m_interruptedId = 0;
    QStackedWidget *m_views = nullptr;
    QLabel *m_empty = nullptr;
    CampaignEditor *m_editor = nullptr;
    SendProgressView *m_progress = nullptr;
    StatsPanel *m_stats = nullptr;
};

} // namespace leadtrail
