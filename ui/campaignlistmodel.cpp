#include "campaignlistmodel.h"

#include "insight/campaignstats.h"
#include "sending/campaignstore.h"

#include <QLocale>

namespace leadtrail {

CampaignListModel::CampaignListModel(const Workspace &workspace, QObject *parent)
    : QAbstractTableModel(parent)
    , m_workspace(workspace)
{
    reload();
}

int CampaignListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CampaignListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CampaignListModel::stateText(CampaignState state)
{
    switch (state) {
    case CampaignState::Draft: return tr("Draft");
    case CampaignState::Sending: return tr("Sending");
    case CampaignState::Paused: return tr("Paused");
    case CampaignState::Sent: return tr("Sent");
    case CampaignState::Cancelled: return tr("Cancelled");
    }
    return {};
}

QVariant CampaignListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const auto percent = [&row](qint64 n) {
        return row.sent > 0 ? QLocale().toString(100.0 * double(n) / double(row.sent), 'f', 1) + QLocale().percent()
                            : QString();
    };
    switch (role) {
    case CampaignIdRole:
        return row.campaign.id;
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn && !row.campaign.stateMessage.isEmpty())
            return row.campaign.stateMessage;
        if (index.column() == SentDateColumn && row.campaign.startedAt.isValid())
            return QLocale().toString(row.campaign.startedAt.toLocalTime(), QLocale::LongFormat);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() >= TotalColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case NameColumn: return row.campaign.name;
        case StatusColumn: return stateText(row.campaign.state);
        case SentDateColumn:
            if (!row.campaign.startedAt.isValid())
                return QString();
            {
                // Date and minutes only: the list is narrow, the tooltip has the rest.
                const QDateTime local = row.campaign.startedAt.toLocalTime();
                const QLocale locale;
                QString minutes = locale.timeFormat(QLocale::ShortFormat);
                minutes.remove(QStringLiteral(":ss"));
                return locale.toString(local.date(), QLocale::ShortFormat) + u' ' + locale.toString(local.time(), minutes);
            }
        case TotalColumn: return row.campaign.state == CampaignState::Draft ? QVariant() : QVariant(row.total);
        case SentColumn: return row.campaign.state == CampaignState::Draft ? QVariant() : QVariant(row.sent);
        case OpenedColumn: return percent(row.opened);
        case ClickedColumn: return percent(row.clicked);
        case ColumnCount: break;
        }
        return {};
    default:
        return {};
    }
}

QVariant CampaignListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case NameColumn: return tr("Name");
    case StatusColumn: return tr("Status");
    case SentDateColumn: return tr("Sent on");
    case TotalColumn: return tr("Total");
    case SentColumn: return tr("Sent");
    case OpenedColumn: return tr("Opened");
    case ClickedColumn: return tr("Clicked");
    case ColumnCount: break;
    }
    return {};
}

int CampaignListModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).campaign.id == id)
            return row;
    }
    return -1;
}

void CampaignListModel::reload()
{
    beginResetModel();
    m_rows.clear();
    const CampaignStore store(m_workspace);
    for (const Campaign &campaign : store.list()) {
        Row row{campaign};
        if (campaign.state != CampaignState::Draft) {
            QString error;
            if (const std::optional<CampaignStats> stats = CampaignStats::compute(m_workspace, campaign.id, &error)) {
                row.total = stats->total;
                row.sent = stats->sent;
                row.opened = stats->opened;
                row.clicked = stats->clicked;
            }
        }
        m_rows.append(row);
    }
    endResetModel();
}

} // namespace leadtrail
