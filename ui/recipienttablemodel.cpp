#include "recipienttablemodel.h"

#include <QLocale>

namespace leadtrail {

namespace {
constexpr int pageSize = 200;
}

RecipientTableModel::RecipientTableModel(const Workspace &workspace, QObject *parent)
    : QAbstractTableModel(parent)
    , m_workspace(workspace)
{
}

int RecipientTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RecipientTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecipientTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const CampaignRecipients::Recipient &r = m_rows.at(index.row());
    if (role == LeadIdRole)
        return r.leadId;
    if (role == Qt::ToolTipRole && index.column() == StatusColumn && !r.failureReason.isEmpty())
        return r.failureReason;
    if (role == Qt::TextAlignmentRole && index.column() >= OpensColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case NameColumn: return r.name;
    case EmailColumn: return r.email;
    case StatusColumn:
        if (r.unsubscribed)
            return tr("Unsubscribed");
        switch (r.state) {
        case DeliveryState::Queued: return tr("Queued");
        case DeliveryState::Sending: return tr("Sending");
        case DeliveryState::Sent:
            return r.humanClicks > 0 ? tr("Clicked") : (r.humanOpens > 0 ? tr("Opened") : tr("Sent"));
        case DeliveryState::Failed: return tr("Failed: %1").arg(r.failureReason);
        case DeliveryState::Unknown: return tr("Unknown");
        case DeliveryState::Cancelled: return tr("Not reached (cancelled)");
        }
        return {};
    case OpensColumn: return r.humanOpens;
    case ClicksColumn: return r.humanClicks;
    case MachineColumn: return r.machineOpens + r.machineClicks;
    case ColumnCount: break;
    }
    return {};
}

QVariant RecipientTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case NameColumn: return tr("Name");
    case EmailColumn: return tr("Email");
    case StatusColumn: return tr("Status");
    case OpensColumn: return tr("Opens");
    case ClicksColumn: return tr("Clicks");
    case MachineColumn: return tr("Machine");
    case ColumnCount: break;
    }
    return {};
}

bool RecipientTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_more;
}

void RecipientTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const qint64 after = m_rows.isEmpty() ? 0 : m_rows.constLast().deliveryRow;
    QString error;
    const auto page = CampaignRecipients::list(m_workspace, m_campaignId, m_filter, after, pageSize, &error);
    m_more = page && page->size() == pageSize;
    if (!page || page->isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page->size() - 1));
    m_rows.append(*page);
    endInsertRows();
}

void RecipientTableModel::show(qint64 campaignId, CampaignRecipients::Filter filter)
{
    beginResetModel();
    m_campaignId = campaignId;
    m_filter = filter;
    m_rows.clear();
    m_more = campaignId > 0;
    endResetModel();
    fetchMore({});
}

} // namespace leadtrail
