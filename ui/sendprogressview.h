#pragma once

#include "sending/campaign.h"
#include "sending/sendprogress.h"

#include <QWidget>

#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;

namespace leadtrail {

class CampaignSender;
class Workspace;

/**
 * The sending of one campaign: progress bar, sent, failed, cancelled,
 * remaining, rate and time left, with Pause, Resume and Cancel (which asks
 * first: it cannot be undone). After a cancel it offers to send the campaign
 * to the leads it did not reach. Owns the CampaignSender,
 * whose workers do the SMTP in their own threads, so the window stays
 * responsive. Pausing is what closing the application does too.
 */
class SendProgressView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SendProgressView)

public:
    explicit SendProgressView(const Workspace &workspace, QWidget *parent = nullptr);
    ~SendProgressView() override;

    /** Starts or resumes the campaign; false with the reason shown. */
    bool start(qint64 campaignId);
    /** Shows where a campaign that is not being sent here stands, with Resume when it was interrupted. */
    void showCampaign(qint64 campaignId);
    /** Pauses and waits until the messages in flight are settled (closing the window). */
    void pauseAndWait();
    bool isSending() const;
    qint64 campaignId() const { return m_campaignId; }
    SendProgress progress() const { return m_progress; }
    QString statusText() const;

    QPushButton *pauseButton() const { return m_pause; }
    QPushButton *resumeButton() const { return m_resume; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *resendUnreachedButton() const { return m_resendUnreached; }
    QString barText() const;

signals:
    void finished(qint64 campaignId, leadtrail::CampaignState state);
    void showStatsRequested(qint64 campaignId);
    /** The user asked for a copy of cancelled campaign @p campaignId for the leads it did not reach. */
    void resendUnreachedRequested(qint64 campaignId);

private:
    void showProgress(const SendProgress &progress);
    void senderFinished(qint64 campaignId, CampaignState state, const QString &message);
    void updateButtons();
    void confirmCancel();

    const Workspace &m_workspace;
    std::unique_ptr<CampaignSender> m_sender;
    qint64 m_campaignId = 0;
    SendProgress m_progress;
    CampaignState m_state = CampaignState::Draft;
    QLabel *m_title = nullptr;
    QProgressBar *m_bar = nullptr;
    QLabel *m_sent = nullptr;
    QLabel *m_failed = nullptr;
    QLabel *m_cancelled = nullptr;
    QLabel *m_remaining = nullptr;
    QLabel *m_rate = nullptr;
    QLabel *m_eta = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_resume = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_stats = nullptr;
    QPushButton *m_resendUnreached = nullptr;
    qint64 m_unreached = 0;
};

} // namespace leadtrail
