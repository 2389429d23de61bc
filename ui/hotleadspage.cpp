#include "hotleadspage.h"

#include "relativetime.h"
#include "insight/hotleadlist.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace leadtrail {

HotLeadsPage::HotLeadsPage(const Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_table = new QTableWidget(0, 5, this);
    m_table->setAccessibleName(tr("Hot leads"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Email"), tr("Score"), tr("Why hot"), tr("Since")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    layout->addWidget(m_table, 1);
    connect(m_table, &QTableWidget::itemActivated, this, [this](QTableWidgetItem *item) {
        emit openLeadRequested(m_table->item(item->row(), 0)->data(Qt::UserRole).toLongLong());
    });
    // Not filled here: the main window reloads it each time it is shown, and
    // filling it for a large workspace at start-up held the first paint back.
}

QString HotLeadsPage::why(const HotLeadAlert &alert, int maxItems, const QString &separator)
{
    const QLocale locale;
    QStringList done;
    for (const HotLeadEvidence &e : alert.evidence) {
        if (done.size() == maxItems) {
            done.append(tr("and %1 more").arg(locale.toString(alert.evidence.size() - maxItems)));
            break;
        }
        const QString when = locale.toString(e.at.toLocalTime(), QLocale::ShortFormat);
        switch (e.type) {
        case EventType::Click:
            done.append(tr("clicked %1 in \"%2\", %3").arg(e.url, e.campaign, when));
            break;
        case EventType::Conversion:
            done.append(tr("converted from \"%1\", %2").arg(e.campaign, when));
            break;
        default:
            done.append(tr("opened \"%1\", %2").arg(e.campaign, when));
            break;
        }
    }
    // No event of its own: hot through a rule (its alert says which).
    const QString what = done.isEmpty() ? alert.reason : done.join(separator);
    return tr("Threshold %1: %2").arg(locale.toString(alert.threshold), what);
}

void HotLeadsPage::reload()
{
    const QList<HotLeadAlert> hot = HotLeadList::current(m_workspace);
    m_summary->setText(hot.isEmpty() ? tr("No hot leads right now. Leads appear here when their score crosses the "
                                          "threshold set in Settings → Scoring.")
                                     : tr("%n lead(s) over their threshold, hottest first. Press Enter or "
                                          "double-click to open one.", nullptr, int(hot.size())));
    m_table->setRowCount(int(hot.size()));
    const QIcon icon(QStringLiteral(":/icons/hot.svg")); // parsed once, not once per row
    for (int row = 0; row < hot.size(); ++row) {
        const HotLeadAlert &a = hot.at(row);
        auto *name = new QTableWidgetItem(icon, a.name.isEmpty() ? a.email : a.name);
        name->setData(Qt::UserRole, a.leadId);
        m_table->setItem(row, 0, name);
        m_table->setItem(row, 1, new QTableWidgetItem(a.email));
        auto *score = new QTableWidgetItem(QLocale().toString(a.score, 'f', 1));
        score->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        score->setToolTip(tr("Threshold %1").arg(QLocale().toString(a.threshold, 'f', 0)));
        m_table->setItem(row, 2, score);
        auto *whyItem = new QTableWidgetItem(why(a, 3, QStringLiteral("; ")));
        whyItem->setToolTip(why(a, 50, QStringLiteral("\n")));
        m_table->setItem(row, 3, whyItem);
        auto *since = new QTableWidgetItem(RelativeTime::describe(a.at));
        since->setToolTip(RelativeTime::exact(a.at));
        m_table->setItem(row, 4, since);
    }
}

} // namespace leadtrail
