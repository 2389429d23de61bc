#include "statspanel.h"

#include "errorlabel.h"
#include "figurewidget.h"
#include "recipienttablemodel.h"
#include "theme.h"
#include "timelineview.h"
#include "insight/campaignrecipients.h"
#include "insight/leadtimeline.h"
#include "sending/campaignstore.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QToolButton>
#include <QValueAxis>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {

QString rate(qint64 part, qint64 whole)
{
    if (whole <= 0)
        return QString();
    return QLocale().toString(100.0 * double(part) / double(whole), 'f', 1) + QLocale().percent();
}

} // namespace

StatsPanel::StatsPanel(const Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    outer->addWidget(m_title);
    m_error = new ErrorLabel(this);
    outer->addWidget(m_error);

    auto *figures = new QHBoxLayout;
    m_total = new FigureWidget(tr("Total"), u"#5d6d7e"_s, this);
    m_sent = new FigureWidget(tr("Sent"), u"#2f6fdf"_s, this);
    m_failed = new FigureWidget(tr("Failed"), u"#c0392b"_s, this);
    m_opened = new FigureWidget(tr("Opened"), u"#8e44ad"_s, this);
    m_clicked = new FigureWidget(tr("Clicked"), u"#1e9e5a"_s, this);
    // Grey, not red: a cancel is the user's choice, not something that went wrong.
    m_cancelled = new FigureWidget(tr("Cancelled"), u"#7f8c8d"_s, this);
    m_cancelled->setToolTip(tr("Not sent because the campaign was cancelled before their turn; not a failure"));
    for (FigureWidget *f : {m_total, m_sent, m_failed, m_cancelled, m_opened, m_clicked})
        figures->addWidget(f);
    outer->addLayout(figures);
    m_cancelled->hide();
    m_resendUnreached = new QPushButton(this);
    m_resendUnreached->hide();
    auto *resendRow = new QHBoxLayout;
    resendRow->addWidget(m_resendUnreached);
    resendRow->addStretch(1);
    outer->addLayout(resendRow);
    connect(m_resendUnreached, &QPushButton::clicked, this, [this] { emit resendUnreachedRequested(m_campaignId); });

    auto *extra = new QHBoxLayout;
    m_machine = new QLabel(this);
    m_machine->setObjectName(u"machine"_s);
    m_machineWhy = new QToolButton(this);
    m_machineWhy->setText(tr("Why?"));
    m_machineWhy->setCheckable(true);
    m_machineWhy->setAutoRaise(true);
    m_machineWhy->setIcon(QIcon(u":/icons/machine.svg"_s));
    m_machineWhy->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_machineWhy->setAccessibleName(tr("Why machine activity was set apart"));
    m_outcomes = new QLabel(this);
    m_outcomes->setObjectName(u"outcomes"_s);
    m_pending = new QLabel(this);
    m_pending->setObjectName(u"pending"_s);
    m_pending->setToolTip(tr("Opens and clicks are judged (person or machine) once they are a little while old, "
                             "so that a link scanner's burst is seen whole. Until then they are in none of the figures."));
    m_pending->hide();
    extra->addWidget(m_machine);
    extra->addWidget(m_machineWhy);
    extra->addWidget(m_pending);
    extra->addStretch(1);
    extra->addWidget(m_outcomes);
    outer->addLayout(extra);
    m_machineReasons = new QLabel(this);
    m_machineReasons->setObjectName(u"machineReasons"_s);
    m_machineReasons->setWordWrap(true);
    m_machineReasons->setTextFormat(Qt::PlainText);
    m_machineReasons->hide();
    outer->addWidget(m_machineReasons);
    connect(m_machineWhy, &QToolButton::toggled, m_machineReasons, &QWidget::setVisible);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    auto *top = new QSplitter(Qt::Horizontal, splitter);
    m_chart = new QChartView(top);
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(190);
    m_chart->setAccessibleName(tr("Opens and clicks per hour"));
    m_links = new QTableWidget(0, 4, top);
    m_links->setAccessibleName(tr("Clicks per link"));
    m_links->setHorizontalHeaderLabels({tr("Link"), tr("Clicks"), tr("Unique"), tr("Machine")});
    m_links->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_links->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_links->verticalHeader()->hide();
    m_links->setEditTriggers(QAbstractItemView::NoEditTriggers);
    top->addWidget(m_chart);
    top->addWidget(m_links);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);
    top->setSizes({520, 420});

    auto *bottom = new QSplitter(Qt::Horizontal, splitter);
    auto *recipientsBox = new QWidget(bottom);
    auto *recipients = new QVBoxLayout(recipientsBox);
    recipients->setContentsMargins(0, 0, 0, 0);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(new QLabel(tr("Recipients"), recipientsBox));
    m_filter = new QComboBox(recipientsBox);
    m_filter->setAccessibleName(tr("Show recipients"));
    m_filter->addItem(tr("All"), int(CampaignRecipients::Filter::All));
    m_filter->addItem(tr("Opened"), int(CampaignRecipients::Filter::Opened));
    m_filter->addItem(tr("Clicked"), int(CampaignRecipients::Filter::Clicked));
    m_filter->addItem(tr("Failed"), int(CampaignRecipients::Filter::Failed));
    m_filter->addItem(tr("Not reached (cancelled)"), int(CampaignRecipients::Filter::Cancelled));
    m_filter->addItem(tr("Machine only"), int(CampaignRecipients::Filter::MachineOnly));
    m_filter->addItem(tr("Unsubscribed"), int(CampaignRecipients::Filter::Unsubscribed));
    filterRow->addWidget(m_filter);
    filterRow->addStretch(1);
    recipients->addLayout(filterRow);
    m_recipientModel = new RecipientTableModel(workspace, this);
    m_recipients = new QTableView(recipientsBox);
    m_recipients->setModel(m_recipientModel);
    m_recipients->setAccessibleName(tr("Recipients"));
    m_recipients->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_recipients->setSelectionMode(QAbstractItemView::SingleSelection);
    m_recipients->verticalHeader()->hide();
    m_recipients->horizontalHeader()->setSectionResizeMode(RecipientTableModel::EmailColumn, QHeaderView::Stretch);
    m_recipients->setAlternatingRowColors(true);
    recipients->addWidget(m_recipients, 1);
    m_timeline = new TimelineView(bottom);
    m_timeline->setMessage(tr("Choose a recipient to see their activity."));
    bottom->addWidget(recipientsBox);
    bottom->addWidget(m_timeline);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 2);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    outer->addWidget(splitter, 1);

    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] {
        m_recipientModel->show(m_campaignId, CampaignRecipients::Filter(m_filter->currentData().toInt()));
    });
    connect(m_recipients->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &StatsPanel::recipientChosen);
    connect(m_recipients, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (const qint64 id = index.data(RecipientTableModel::LeadIdRole).toLongLong(); id > 0)
            emit openLeadRequested(id);
    });
}

FigureWidget *StatsPanel::figure(const QString &name) const
{
    for (FigureWidget *f : {m_total, m_sent, m_failed, m_cancelled, m_opened, m_clicked}) {
        if (f->accessibleName() == name)
            return f;
    }
    return nullptr;
}

void StatsPanel::showCampaign(qint64 campaignId)
{
    m_campaignId = campaignId;
    m_timeline->setMessage(tr("Choose a recipient to see their activity."));
    reload();
    m_recipientModel->show(campaignId, CampaignRecipients::Filter(m_filter->currentData().toInt()));
}

void StatsPanel::reload()
{
    QString error;
    m_stats = CampaignStats::compute(m_workspace, m_campaignId, &error);
    m_error->setVisible(!m_stats);
    if (!m_stats) {
        m_error->setText(tr("The results cannot be shown: %1").arg(error));
        return;
    }
    const CampaignStats &s = *m_stats;
    const QLocale locale;
    m_title->setText(s.startedAt.isValid()
                         ? tr("%1 — sent %2").arg(s.name, locale.toString(s.startedAt.toLocalTime(), QLocale::ShortFormat))
                         : s.name);
    m_total->setValue(s.total, tr("recipients"));
    m_sent->setValue(s.sent, rate(s.sent, s.total));
    QString failedNote = rate(s.failed, s.total);
    if (s.unknown > 0)
        failedNote = tr("%1 · %2 unknown").arg(failedNote).arg(s.unknown);
    m_failed->setValue(s.failed, failedNote);
    QStringList reasons;
    for (const CampaignStats::Reason &r : s.failureReasons)
        reasons << tr("%1: %2").arg(r.reason).arg(r.count);
    m_failed->setToolTip(reasons.join(u'\n'));
    m_cancelled->setValue(s.cancelled, rate(s.cancelled, s.total));
    m_cancelled->setVisible(s.cancelled > 0);
    const qint64 unreached = s.cancelled > 0 ? CampaignStore(m_workspace).unreachedLeadIds(m_campaignId).size() : 0;
    m_resendUnreached->setText(tr("Send to the %n lead(s) not reached…", nullptr, int(qMin<qint64>(unreached, INT_MAX))));
    m_resendUnreached->setVisible(unreached > 0);
    m_opened->setValue(s.opened, rate(s.opened, s.sent));
    m_clicked->setValue(s.clicked, rate(s.clicked, s.sent));

    const auto opens = [](qint64 n) { return tr("%Ln open(s)", nullptr, int(qMin<qint64>(n, INT_MAX))); };
    const auto clicks = [](qint64 n) { return tr("%Ln click(s)", nullptr, int(qMin<qint64>(n, INT_MAX))); };
    m_machine->setText(tr("Set apart as machine activity: %1, %2").arg(opens(s.machineOpens), clicks(s.machineClicks)));
    m_machineWhy->setEnabled(s.machineOpens + s.machineClicks > 0);
    const std::optional<CampaignStats::Pending> pending = CampaignStats::pending(m_workspace, m_campaignId, &error);
    const qint64 waiting = pending ? pending->opens + pending->clicks : 0;
    m_pending->setVisible(waiting > 0);
    if (waiting > 0) {
        QStringList parts;
        if (pending->clicks > 0)
            parts << clicks(pending->clicks);
        if (pending->opens > 0)
            parts << opens(pending->opens);
        m_pending->setText(tr("· %1 being checked").arg(parts.join(tr(", "))));
    }
    QStringList why;
    if (const auto machine = CampaignRecipients::machineReasons(m_workspace, m_campaignId, &error)) {
        for (const CampaignRecipients::MachineReason &r : *machine)
            why << tr("• %1 — %2, %3").arg(r.reason, opens(r.opens), clicks(r.clicks));
    }
    m_machineReasons->setText(why.join(u'\n'));
    QStringList revenue;
    for (const CampaignStats::Revenue &r : s.revenue)
        revenue << u"%1 %2"_s.arg(r.amount, r.currency);
    m_outcomes->setText(tr("Unsubscribed: %1 · Conversions: %2 · Revenue: %3")
                            .arg(locale.toString(s.unsubscribed), locale.toString(s.conversions),
                                 revenue.isEmpty() ? u"–"_s : revenue.join(u", "_s)));

    m_links->setRowCount(int(s.links.size()));
    for (int row = 0; row < s.links.size(); ++row) {
        const CampaignStats::Link &link = s.links.at(row);
        auto *url = new QTableWidgetItem(link.url);
        url->setToolTip(link.url);
        m_links->setItem(row, 0, url);
        int column = 1;
        for (const qint64 n : {link.clicks, link.uniqueClicks, link.machineClicks}) {
            auto *item = new QTableWidgetItem(locale.toString(n));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_links->setItem(row, column++, item);
        }
    }
    fillChart();
}

void StatsPanel::fillChart()
{
    auto *chart = new QChart;
    chart->setTitle(tr("Opens and clicks per hour"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setBackgroundVisible(false);
    chart->setTheme(Theme::isDark() ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundVisible(false);
    const QBrush text = QApplication::palette().brush(QPalette::WindowText);
    chart->setTitleBrush(text);
    chart->legend()->setLabelBrush(text);
    auto *opens = new QBarSet(tr("Opens"));
    auto *clicks = new QBarSet(tr("Clicks"));
    opens->setColor(QColor(0x8e, 0x44, 0xad));
    clicks->setColor(QColor(0x1e, 0x9e, 0x5a));
    QStringList hours;
    qint64 top = 1;
    // A row per hour, gaps filled, up to two days: beyond that a chart of
    // empty hours says nothing.
    const qint64 last = m_stats && !m_stats->hours.isEmpty() ? qMin<qint64>(m_stats->hours.constLast().hour, 47) : 0;
    for (qint64 h = 0; h <= qMax<qint64>(last, 5); ++h) {
        qint64 o = 0;
        qint64 c = 0;
        if (m_stats) {
            for (const CampaignStats::Hour &hour : m_stats->hours) {
                if (hour.hour == h) {
                    o = hour.opens;
                    c = hour.clicks;
                }
            }
        }
        *opens << double(o);
        *clicks << double(c);
        top = qMax(top, qMax(o, c));
        hours << QString::number(h);
    }
    auto *series = new QBarSeries;
    series->append(opens);
    series->append(clicks);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(hours);
    x->setTitleText(tr("hours after sending"));
    auto *y = new QValueAxis;
    y->setRange(0, double(top));
    y->setLabelFormat(u"%d"_s);
    y->setTickCount(int(qMin<qint64>(top, 4)) + 1);
    for (QAbstractAxis *axis : std::initializer_list<QAbstractAxis *>{x, y}) {
        axis->setLabelsBrush(text);
        axis->setTitleBrush(text);
    }
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    QChart *old = m_chart->chart();
    m_chart->setChart(chart);
    delete old;
}

void StatsPanel::recipientChosen()
{
    const QModelIndexList rows = m_recipients->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const qint64 leadId = rows.first().data(RecipientTableModel::LeadIdRole).toLongLong();
    if (leadId <= 0) {
        m_timeline->setMessage(tr("This lead was deleted."));
        return;
    }
    QString error;
    const auto items = LeadTimeline::build(m_workspace, leadId, &error);
    if (items)
        m_timeline->setItems(*items);
    else
        m_timeline->setMessage(tr("The activity cannot be shown: %1").arg(error));
}

} // namespace leadtrail
