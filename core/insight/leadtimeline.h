#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace leadtrail {

class Workspace;

/** One entry of a lead's timeline. Delivered items carry the badges that accumulate on them. */
struct TimelineItem
{
    enum class Kind {
        Delivered,
        Failed,
        Unsubscribed,
        Converted,
        StageChanged,
        Note,
        HotLead,
        RuleApplied,
    };
    struct Click
    {
        QString url;
        QDateTime at;
    };

    Kind kind = Kind::Note;
    QDateTime at;
    QString title;  ///< the campaign's subject, the note's text, "Hot lead", ...
    QString detail; ///< failure reason, conversion value, stage change and its cause, ...
    qint64 campaignId = 0;

    // Badges of a Delivered item.
    int opens = 0;            ///< human opens (a human click counts as an open when there are none)
    QDateTime firstOpen;
    QList<Click> clicks;      ///< human clicks, oldest first
    int machineEvents = 0;    ///< machine opens and clicks, collapsed
    QStringList machineReasons; ///< distinct reasons
    int pendingEvents = 0;    ///< not settled yet

    static QString kindName(Kind kind);
};

/**
 * Everything that happened to one lead, as one list ordered by time: the
 * campaigns delivered to it (with Opened, Clicked and Machine activity
 * badges), failed deliveries, unsubscribes, conversions, stage changes and
 * their cause, notes, hot-lead alerts and rules applied. A few indexed
 * queries on the lead's own rows.
 */
class LeadTimeline final
{
public:
    static std::optional<QList<TimelineItem>> build(const Workspace &workspace, qint64 leadId, QString *error);
    static QJsonArray toJson(const QList<TimelineItem> &items);
};

} // namespace leadtrail
