#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace leadtrail {

/** Where a campaign is in its life; stored as the lower-case word. */
enum class CampaignState {
    Draft,
    Sending,
    Paused,
    Sent,
    Cancelled,
};

/**
 * One campaign as the store keeps it: what to send, to whom (the audience
 * expression, see Audience) and how to track it. A plain value.
 */
struct Campaign
{
    qint64 id = 0;
    QString name;
    QString fromName;  ///< empty: the workspace's sender.name setting
    QString fromEmail; ///< empty: the workspace's sender.email setting
    QString replyTo;
    QString subject;
    QString html;
    std::optional<QString> text; ///< hand-written text part; unset: derived from the HTML
    QString audience = QStringLiteral("all");
    bool trackOpens = true;
    bool trackClicks = true;
    bool decoyLink = true;
    bool utm = false;
    bool utmCategory = false;  ///< with utm: the lead's category as utm_term
    int sequencePosition = 0;  ///< with utm: position in a sequence as utm_content; 0 for none
    bool clickIds = false;
    CampaignState state = CampaignState::Draft;
    QString stateMessage; ///< why it is paused, for example
    QDateTime createdAt;
    QDateTime startedAt;
    QDateTime finishedAt;

    static QString stateName(CampaignState state);
    static std::optional<CampaignState> stateFromName(const QString &name);
};

} // namespace leadtrail
