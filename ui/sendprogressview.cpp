#include "sendprogressview.h"

#include "sending/campaignsender.h"
#include "sending/campaignstore.h"
#include "sending/senderconfig.h"

#include <QEventLoop>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace leadtrail {

SendProgressView::SendProgressView(const Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    layout->addWidget(m_title);

    m_bar = new QProgressBar(this);
    m_bar->setAccessibleName(tr("Sending progress"));
    m_bar->setMinimumHeight(28);
    layout->addWidget(m_bar);

    auto *grid = new QGridLayout;
    const auto figure = [this, grid](int column, const QString &caption) {
        auto *title = new QLabel(caption, this);
        title->setForegroundRole(QPalette::PlaceholderText);
        auto *value = new QLabel(u"–"_s, this);
        value->setAccessibleName(caption);
        QFont big = value->font();
        big.setPointSizeF(big.pointSizeF() * 1.8);
        big.setBold(true);
        value->setFont(big);
        grid->addWidget(title, 0, column);
        grid->addWidget(value, 1, column);
        return value;
    };
    m_sent = figure(0, tr("Sent"));
    m_failed = figure(1, tr("Failed"));
    m_cancelled = figure(2, tr("Cancelled"));
    m_cancelled->setToolTip(tr("Not sent because the campaign was cancelled before their turn; not a failure"));
    m_remaining = figure(3, tr("Remaining"));
    m_rate = figure(4, tr("Rate"));
    m_eta = figure(5, tr("Time left"));
    layout->addLayout(grid);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto *buttons = new QHBoxLayout;
    m_pause = new QPushButton(tr("Pause"), this);
    m_pause->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_resume = new QPushButton(tr("Resume"), this);
    m_resume->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_cancel = new QPushButton(tr("Cancel sending"), this);
    m_stats = new QPushButton(tr("Show results"), this);
    m_resendUnreached = new QPushButton(this);
    buttons->addWidget(m_pause);
    buttons->addWidget(m_resume);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_resendUnreached);
    buttons->addStretch(1);
    buttons->addWidget(m_stats);
    layout->addLayout(buttons);
    layout->addStretch(1);

    connect(m_pause, &QPushButton::clicked, this, [this] {
        if (m_sender)
            m_sender->pause(tr("you paused it"));
    });
    connect(m_resume, &QPushButton::clicked, this, [this] { start(m_campaignId); });
    connect(m_cancel, &QPushButton::clicked, this, &SendProgressView::confirmCancel);
    connect(m_stats, &QPushButton::clicked, this, [this] { emit showStatsRequested(m_campaignId); });
    connect(m_resendUnreached, &QPushButton::clicked, this, [this] { emit resendUnreachedRequested(m_campaignId); });
    updateButtons();
}

SendProgressView::~SendProgressView()
{
    pauseAndWait();
}

void SendProgressView::confirmCancel()
{
    const qint64 notSent = CampaignStore(m_workspace).counts(m_campaignId).queued;
    QMessageBox box(QMessageBox::Warning, tr("Cancel sending?"),
                    tr("%n lead(s) have not received this campaign yet and will not receive it.", nullptr,
                       int(qMin<qint64>(notSent, INT_MAX))),
                    QMessageBox::NoButton, this);
    box.setObjectName(u"cancelConfirmation"_s);
    box.setInformativeText(tr("A cancelled campaign cannot be resumed. Messages already sent stay sent; afterwards "
                              "you can send a copy to the leads it did not reach."));
    QPushButton *cancel = box.addButton(tr("Cancel sending"), QMessageBox::DestructiveRole);
    QPushButton *keep = box.addButton(tr("Keep sending"), QMessageBox::RejectRole);
    box.setDefaultButton(keep);
    box.setEscapeButton(keep);
    box.exec();
    if (box.clickedButton() != cancel)
        return;
    if (m_sender && m_sender->isRunning()) {
        m_sender->cancel();
        return;
    }
    if (m_state != CampaignState::Paused)
        return; // it ended while the question was open
    // Paused: nobody is sending, so cancel in the store directly.
    QString error;
    if (!CampaignStore(m_workspace).cancel(m_campaignId, &error)) {
        m_status->setText(tr("Cannot cancel: %1").arg(error));
        return;
    }
    senderFinished(m_campaignId, CampaignState::Cancelled, {});
}

QString SendProgressView::barText() const
{
    return m_bar->text();
}

bool SendProgressView::isSending() const
{
    return m_sender && m_sender->isRunning();
}

QString SendProgressView::statusText() const
{
    return m_status->text();
}

bool SendProgressView::start(qint64 campaignId)
{
    m_campaignId = campaignId;
    const std::optional<Campaign> campaign = CampaignStore(m_workspace).find(campaignId);
    m_title->setText(campaign ? tr("Sending \"%1\"").arg(campaign->name) : QString());
    QString error;
    const std::optional<SenderConfig> config = SenderConfig::fromWorkspace(m_workspace, &error);
    if (!config) {
        m_status->setText(tr("Sending cannot start: %1").arg(error));
        return false;
    }
    m_sender = std::make_unique<CampaignSender>(m_workspace, *config);
    connect(m_sender.get(), &CampaignSender::progressChanged, this, &SendProgressView::showProgress);
    connect(m_sender.get(), &CampaignSender::finished, this, &SendProgressView::senderFinished);
    if (!m_sender->start(campaignId, &error)) {
        m_sender.reset();
        m_status->setText(tr("Sending cannot start: %1").arg(error));
        updateButtons();
        return false;
    }
    m_state = CampaignState::Sending;
    m_status->setText(tr("Sending… You can keep working; closing Leadtrail pauses safely."));
    showProgress(m_sender->progress());
    updateButtons();
    return true;
}

void SendProgressView::showCampaign(qint64 campaignId)
{
    if (isSending())
        return;
    const std::optional<Campaign> campaign = CampaignStore(m_workspace).find(campaignId);
    if (!campaign)
        return;
    m_campaignId = campaignId;
    m_title->setText(tr("Sending \"%1\"").arg(campaign->name));
    const CampaignState state = campaign->state == CampaignState::Sending ? CampaignState::Paused : campaign->state;
    const QString why = campaign->state == CampaignState::Sending ? tr("it was interrupted") : campaign->stateMessage;
    senderFinished(campaignId, state, why);
}

void SendProgressView::pauseAndWait()
{
    if (!isSending())
        return;
    QEventLoop loop;
    connect(m_sender.get(), &CampaignSender::finished, &loop, &QEventLoop::quit);
    m_sender->pause(tr("Leadtrail was closed mid-send"));
    if (m_sender->isRunning())
        loop.exec();
}

void SendProgressView::showProgress(const SendProgress &progress)
{
    m_progress = progress;
    const QLocale locale;
    // Cancelled deliveries were never attempted: they do not fill the bar.
    const qint64 done = progress.total - progress.remaining - progress.cancelled;
    m_bar->setRange(0, int(qMin<qint64>(progress.total, INT_MAX)));
    m_bar->setValue(int(qMin<qint64>(done, INT_MAX)));
    m_bar->setFormat(progress.cancelled > 0
                         ? tr("%1 sent · %2 cancelled").arg(locale.toString(progress.sent), locale.toString(progress.cancelled))
                         : tr("%1 of %2").arg(locale.toString(done), locale.toString(progress.total)));
    m_sent->setText(locale.toString(progress.sent));
    m_cancelled->setText(locale.toString(progress.cancelled));
    m_failed->setText(locale.toString(progress.failed + progress.unknown));
    m_failed->setToolTip(progress.unknown > 0 ? tr("%n delivery(ies) with an unknown outcome are never resent automatically",
                                                   nullptr, int(progress.unknown))
                                              : QString());
    m_remaining->setText(locale.toString(progress.remaining));
    m_rate->setText(progress.perMinute > 0 ? tr("%1/min").arg(locale.toString(progress.perMinute, 'f', 0)) : u"–"_s);
    if (progress.etaSeconds < 0) {
        m_eta->setText(u"–"_s);
    } else {
        const qint64 s = progress.etaSeconds;
        m_eta->setText(s >= 3600 ? tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60)
                       : s >= 60 ? tr("%1 min %2 s").arg(s / 60).arg(s % 60)
                                 : tr("%1 s").arg(s));
    }
}

void SendProgressView::senderFinished(qint64 campaignId, CampaignState state, const QString &message)
{
    m_state = state;
    const DeliveryCounts counts = CampaignStore(m_workspace).counts(campaignId);
    SendProgress p = m_progress;
    p.total = counts.total();
    p.sent = counts.sent;
    p.failed = counts.failed;
    p.unknown = counts.unknown;
    p.cancelled = counts.cancelled;
    p.remaining = counts.remaining();
    p.etaSeconds = state == CampaignState::Sent ? 0 : -1;
    // A stopped send has no current rate; the last one would read as if it still ran.
    if (state != CampaignState::Sent)
        p.perMinute = 0;
    showProgress(p);
    switch (state) {
    case CampaignState::Sent:
        m_status->setText(tr("Done: %n message(s) sent.", nullptr, int(counts.sent)));
        break;
    case CampaignState::Paused:
        m_status->setText(tr("Paused (%1). Resume to send to the %n remaining recipient(s).", nullptr,
                             int(qMin<qint64>(counts.remaining(), INT_MAX)))
                              .arg(message.isEmpty() ? tr("you paused it") : message));
        break;
    case CampaignState::Cancelled:
        m_status->setText(tr("Cancelled after %1 sent: %n recipient(s) did not get this campaign.", nullptr,
                             int(qMin<qint64>(counts.cancelled, INT_MAX)))
                              .arg(QLocale().toString(counts.sent)));
        break;
    default:
        m_status->setText(message);
        break;
    }
    updateButtons();
    emit finished(campaignId, state);
}

void SendProgressView::updateButtons()
{
    const bool running = isSending();
    m_pause->setVisible(running);
    m_resume->setVisible(!running && m_state == CampaignState::Paused && m_campaignId > 0);
    m_cancel->setVisible(running || m_state == CampaignState::Paused);
    m_stats->setVisible(m_campaignId > 0);
    m_unreached = !running && m_state == CampaignState::Cancelled && m_campaignId > 0
        ? CampaignStore(m_workspace).unreachedLeadIds(m_campaignId).size()
        : 0;
    m_resendUnreached->setText(tr("Send to the %n lead(s) not reached…", nullptr, int(qMin<qint64>(m_unreached, INT_MAX))));
    m_resendUnreached->setVisible(m_unreached > 0);
}

} // namespace leadtrail
