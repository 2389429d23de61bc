#include "timelineview.h"

#include "relativetime.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QHash>
#include <QLabel>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace leadtrail {

TimelineView::TimelineView(QWidget *parent)
    : QScrollArea(parent)
{
    setAccessibleName(tr("Activity timeline"));
    setWidgetResizable(true);
    setFrameShape(QFrame::StyledPanel);
    m_content = new QWidget(this);
    m_layout = new QVBoxLayout(m_content);
    m_layout->setContentsMargins(6, 6, 6, 6);
    m_layout->setSpacing(6);
    m_layout->addStretch(1);
    setWidget(m_content);
}

QString TimelineView::iconPath(TimelineItem::Kind kind)
{
    switch (kind) {
    case TimelineItem::Kind::Delivered: return u":/icons/delivered.svg"_s;
    case TimelineItem::Kind::Failed: return u":/icons/failed.svg"_s;
    case TimelineItem::Kind::Unsubscribed: return u":/icons/unsubscribed.svg"_s;
    case TimelineItem::Kind::Converted: return u":/icons/converted.svg"_s;
    case TimelineItem::Kind::StageChanged: return u":/icons/stage.svg"_s;
    case TimelineItem::Kind::Note: return u":/icons/note.svg"_s;
    case TimelineItem::Kind::HotLead: return u":/icons/hot.svg"_s;
    case TimelineItem::Kind::RuleApplied: return u":/icons/rule.svg"_s;
    }
    return u":/icons/note.svg"_s;
}

QString TimelineView::kindText(TimelineItem::Kind kind)
{
    switch (kind) {
    case TimelineItem::Kind::Delivered: return tr("Email delivered");
    case TimelineItem::Kind::Failed: return tr("Delivery failed");
    case TimelineItem::Kind::Unsubscribed: return tr("Unsubscribed");
    case TimelineItem::Kind::Converted: return tr("Converted");
    case TimelineItem::Kind::StageChanged: return tr("Stage changed");
    case TimelineItem::Kind::Note: return tr("Note");
    case TimelineItem::Kind::HotLead: return tr("Hot lead");
    case TimelineItem::Kind::RuleApplied: return tr("Rule applied");
    }
    return {};
}

void TimelineView::clear()
{
    while (m_layout->count() > 1) {
        QLayoutItem *item = m_layout->takeAt(0);
        delete item->widget();
        delete item;
    }
    m_count = 0;
}

void TimelineView::setMessage(const QString &message)
{
    clear();
    auto *label = new QLabel(message, m_content);
    label->setWordWrap(true);
    label->setEnabled(false);
    label->setAlignment(Qt::AlignCenter);
    m_layout->insertWidget(0, label);
}

void TimelineView::setItems(const QList<TimelineItem> &items)
{
    clear();
    // Unsubscribes and conversions are items of their own and also badges on
    // the delivery they came from, so one card tells the whole story of a send.
    m_outcomes.clear();
    for (const TimelineItem &item : items) {
        if ((item.kind == TimelineItem::Kind::Unsubscribed || item.kind == TimelineItem::Kind::Converted)
            && item.campaignId > 0)
            m_outcomes[item.campaignId].append(item);
    }
    // Newest first: what happened last is what a salesperson reads first.
    for (auto it = items.crbegin(); it != items.crend(); ++it) {
        m_layout->insertWidget(m_layout->count() - 1, makeCard(*it));
        ++m_count;
    }
    if (items.isEmpty())
        setMessage(tr("No activity yet."));
}

QWidget *TimelineView::makeBadge(const QString &text, const QString &colour, const QString &name)
{
    auto *badge = new QLabel(text);
    badge->setObjectName(u"badge"_s);
    badge->setAccessibleName(name);
    badge->setStyleSheet(u"QLabel { background: %1; color: white; border-radius: 8px; padding: 1px 8px; }"_s.arg(colour));
    return badge;
}

QWidget *TimelineView::makeCard(const TimelineItem &item)
{
    auto *card = new QFrame(m_content);
    card->setObjectName(u"timelineItem"_s);
    card->setProperty("kind", TimelineItem::kindName(item.kind));
    card->setFrameShape(QFrame::StyledPanel);
    card->setAccessibleName(kindText(item.kind));
    auto *row = new QHBoxLayout(card);
    row->setContentsMargins(8, 6, 8, 6);

    auto *icon = new QLabel(card);
    icon->setPixmap(QIcon(iconPath(item.kind)).pixmap(QSize(22, 22), devicePixelRatioF()));
    icon->setToolTip(kindText(item.kind));
    row->addWidget(icon, 0, Qt::AlignTop);

    auto *column = new QVBoxLayout;
    column->setSpacing(3);
    auto *head = new QHBoxLayout;
    auto *title = new QLabel(card);
    title->setTextFormat(Qt::PlainText);
    title->setWordWrap(true);
    title->setText(item.kind == TimelineItem::Kind::Note ? item.title
                   : item.title.isEmpty()                 ? kindText(item.kind)
                                                          : item.title);
    QFont bold = title->font();
    bold.setBold(item.kind == TimelineItem::Kind::Delivered || item.kind == TimelineItem::Kind::HotLead);
    title->setFont(bold);
    head->addWidget(title, 1);
    auto *when = new QLabel(RelativeTime::describe(item.at), card);
    when->setObjectName(u"time"_s);
    when->setToolTip(RelativeTime::exact(item.at));
    when->setForegroundRole(QPalette::PlaceholderText);
    head->addWidget(when, 0, Qt::AlignTop);
    column->addLayout(head);

    if (item.kind != TimelineItem::Kind::Delivered && item.kind != TimelineItem::Kind::Note) {
        auto *kind = new QLabel(item.detail.isEmpty() ? kindText(item.kind)
                                                      : tr("%1: %2").arg(kindText(item.kind), item.detail),
                                card);
        kind->setTextFormat(Qt::PlainText);
        kind->setWordWrap(true);
        column->addWidget(kind);
    }

    if (item.kind == TimelineItem::Kind::Delivered) {
        auto *badges = new QHBoxLayout;
        badges->setSpacing(4);
        if (item.opens > 0)
            badges->addWidget(makeBadge(tr("Opened ×%1").arg(item.opens), u"#2f6fdf"_s, tr("Opened")));
        if (!item.clicks.isEmpty())
            badges->addWidget(makeBadge(tr("Clicked ×%1").arg(item.clicks.size()), u"#1e9e5a"_s, tr("Clicked")));
        for (const TimelineItem &outcome : m_outcomes.value(item.campaignId)) {
            if (outcome.kind == TimelineItem::Kind::Unsubscribed)
                badges->addWidget(makeBadge(tr("Unsubscribed"), u"#7f8c8d"_s, tr("Unsubscribed")));
            else
                badges->addWidget(makeBadge(outcome.detail.isEmpty() ? tr("Converted")
                                                                     : tr("Converted %1").arg(outcome.detail),
                                            u"#d68910"_s, tr("Converted")));
        }
        if (item.pendingEvents > 0)
            badges->addWidget(makeBadge(tr("%n event(s) being checked", nullptr, item.pendingEvents), u"#7f8c8d"_s,
                                        tr("Pending")));
        if (item.opens == 0 && item.clicks.isEmpty() && item.machineEvents == 0 && item.pendingEvents == 0)
            badges->addWidget(makeBadge(tr("Not opened yet"), u"#95a5a6"_s, tr("Not opened")));
        badges->addStretch(1);
        column->addLayout(badges);

        // One line per destination, not per click: a lead who clicked a link
        // hundreds of times would otherwise get hundreds of rich-text labels
        // (over half a second to lay out for a busy lead).
        QList<QString> urls;
        QHash<QString, QList<QDateTime>> clicksByUrl;
        for (const TimelineItem::Click &click : item.clicks) {
            if (!clicksByUrl.contains(click.url))
                urls.append(click.url);
            clicksByUrl[click.url].append(click.at);
        }
        for (const QString &url : std::as_const(urls)) {
            const QList<QDateTime> &times = clicksByUrl[url];
            auto *link = new QLabel(card);
            link->setObjectName(u"clickedUrl"_s);
            link->setTextFormat(Qt::RichText);
            link->setTextInteractionFlags(Qt::TextBrowserInteraction);
            link->setOpenExternalLinks(true);
            link->setWordWrap(true);
            // Shown without its query (UTM and click ids make it long and
            // unbreakable, wider than the panel); the link keeps all of it.
            const QUrl parsed(url);
            const QString shown = parsed.hasQuery() || parsed.hasFragment()
                ? parsed.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment).toString() + u"?…"_s
                : url;
            const QString anchor = u"<a href=\"%1\">%2</a>"_s.arg(parsed.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                                                               shown.toHtmlEscaped());
            link->setText(times.size() == 1 ? tr("↳ clicked %1").arg(anchor)
                                            : tr("↳ clicked %1 (%n times)", nullptr, int(times.size())).arg(anchor));
            link->setToolTip(url + u'\n'
                             + (times.size() == 1 ? RelativeTime::exact(times.constFirst())
                                                  : tr("First %1, last %2").arg(RelativeTime::exact(times.constFirst()),
                                                                                RelativeTime::exact(times.constLast()))));
            column->addWidget(link);
        }
        if (item.machineEvents > 0) {
            auto *toggle = new QToolButton(card);
            toggle->setObjectName(u"machineToggle"_s);
            toggle->setIcon(QIcon(u":/icons/machine.svg"_s));
            toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
            toggle->setAutoRaise(true);
            toggle->setCheckable(true);
            toggle->setText(tr("Machine activity ×%1 (not counted)").arg(item.machineEvents));
            toggle->setAccessibleName(tr("Machine activity"));
            column->addWidget(toggle, 0, Qt::AlignLeft);
            auto *reasons = new QLabel(u"• "_s + item.machineReasons.join(u"\n• "_s), card);
            reasons->setObjectName(u"machineReasons"_s);
            reasons->setTextFormat(Qt::PlainText);
            reasons->setWordWrap(true);
            reasons->setIndent(20);
            reasons->hide();
            connect(toggle, &QToolButton::toggled, reasons, &QWidget::setVisible);
            column->addWidget(reasons);
        }
    }
    row->addLayout(column, 1);
    return card;
}

} // namespace leadtrail
