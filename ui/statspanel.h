#pragma once

#include "insight/campaignstats.h"

#include <QWidget>

#include <optional>

class QChartView;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;
class QToolButton;

namespace leadtrail {

class FigureWidget;
class RecipientTableModel;
class TimelineView;
class Workspace;

/**
 * The results of one campaign: Total, Sent, Failed, Opened and Clicked large
 * at the top, and Cancelled apart from Failed when a cancel left leads
 * unreached (with the offer to send to them); machine opens and clicks set apart (with the reasons on
 * demand), unsubscribes, conversions and revenue; opens and clicks per hour;
 * the per-link table; and the recipients, filterable by status, where
 * choosing one shows that lead's timeline. reload() recomputes from the
 * workspace (CampaignStats), e.g. after a sync.
 */
class StatsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatsPanel)

public:
    explicit StatsPanel(const Workspace &workspace, QWidget *parent = nullptr);

    void showCampaign(qint64 campaignId);
    void reload();
    qint64 campaignId() const { return m_campaignId; }
    const std::optional<CampaignStats> &stats() const { return m_stats; }

    FigureWidget *figure(const QString &name) const;
    QTableView *recipients() const { return m_recipients; }
    RecipientTableModel *recipientModel() const { return m_recipientModel; }
    QComboBox *recipientFilter() const { return m_filter; }
    TimelineView *timeline() const { return m_timeline; }
    QLabel *machineLabel() const { return m_machine; }
    /** "· 3 clicks being checked": synced activity not judged yet; hidden when there is none. */
    QLabel *pendingLabel() const { return m_pending; }
    QPushButton *resendUnreachedButton() const { return m_resendUnreached; }

signals:
    void openLeadRequested(qint64 leadId);
    /** The user asked for a copy of cancelled campaign @p campaignId for the leads it did not reach. */
    void resendUnreachedRequested(qint64 campaignId);

private:
    void fillChart();
    void recipientChosen();

    const Workspace &m_workspace;
    qint64 m_campaignId = 0;
    std::optional<CampaignStats> m_stats;
    QLabel *m_title = nullptr;
    QLabel *m_error = nullptr;
    FigureWidget *m_total = nullptr;
    FigureWidget *m_sent = nullptr;
    FigureWidget *m_failed = nullptr;
    FigureWidget *m_cancelled = nullptr;
    QPushButton *m_resendUnreached = nullptr;
    FigureWidget *m_opened = nullptr;
    FigureWidget *m_clicked = nullptr;
    QLabel *m_machine = nullptr;
    QLabel *m_pending = nullptr;
    QToolButton *m_machineWhy = nullptr;
    QLabel *m_machineReasons = nullptr;
    QLabel *m_outcomes = nullptr;
    QChartView *m_chart = nullptr;
    QTableWidget *m_links = nullptr;
    QComboBox *m_filter = nullptr;
    QTableView *m_recipients = nullptr;
    RecipientTableModel *m_recipientModel = nullptr;
    TimelineView *m_timeline = nullptr;
};

} // namespace leadtrail
