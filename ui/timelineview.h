#pragma once

#include "insight/leadtimeline.h"

#include <QHash>
#include <QList>
#include <QScrollArea>

class QVBoxLayout;

namespace leadtrail {

/**
 * A lead's activity timeline (LeadTimeline from core/insight), newest first:
 * one card per item with an icon for its kind, a relative time (exact time on
 * hover) and, for a delivery, its badges — Opened (count), Clicked with each
 * URL, Machine activity collapsed with its reasons, Unsubscribed, Converted.
 * It only shows what it is given; the caller builds the timeline.
 */
class TimelineView final : public QScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineView)

public:
    explicit TimelineView(QWidget *parent = nullptr);

    void setItems(const QList<TimelineItem> &items);
    /** Shows a message instead of items (an error, or "no activity yet"). */
    void setMessage(const QString &message);
    int itemCount() const { return m_count; }

    /** The SVG icon resource of a kind. */
    static QString iconPath(TimelineItem::Kind kind);
    /** The kind in the user's words. */
    static QString kindText(TimelineItem::Kind kind);

private:
    QWidget *makeCard(const TimelineItem &item);
    QWidget *makeBadge(const QString &text, const QString &colour, const QString &name);
    void clear();

    QWidget *m_content = nullptr;
    QVBoxLayout *m_layout = nullptr;
    int m_count = 0;
    QHash<qint64, QList<TimelineItem>> m_outcomes; ///< campaign → its unsubscribe and conversions
};

} // namespace leadtrail
