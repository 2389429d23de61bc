#include "leadtablemodel.h"

#include "store/leadstore.h"

#include <QLocale>

namespace leadtrail {

namespace {
constexpr int pageSize = 200;
}

LeadTableModel::LeadTableModel(const LeadStore &store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    m_query.limit = pageSize;
    m_query.sortKey = LeadSortKey::UpdatedAt;
    m_query.descending = true;
    reload();
}

int LeadTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LeadTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LeadTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Lead &lead = m_rows.at(index.row());
    switch (role) {
    case LeadIdRole:
        return lead.id;
    case EmailRole:
        return lead.email;
    case Qt::ToolTipRole:
        if (index.column() == UpdatedColumn)
            return QLocale().toString(lead.updatedAt.toLocalTime(), QLocale::LongFormat);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ScoreColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case NameColumn: return lead.displayName();
        case EmailColumn: return lead.email;
        case CompanyColumn: return lead.company;
        case CategoryColumn: return lead.category;
        case StageColumn: return lead.stage;
        case ScoreColumn: return lead.score;
        case UpdatedColumn:
            return QLocale().toString(lead.updatedAt.toLocalTime(), QLocale::ShortFormat);
        case ColumnCount: break;
        }
        return {};
    default:
        return {};
    }
}

QVariant LeadTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case NameColumn: return tr("Name");
    case EmailColumn: return tr("Email");
    case CompanyColumn: return tr("Company");
    case CategoryColumn: return tr("Category");
    case StageColumn: return tr("Stage");
    case ScoreColumn: return tr("Score");
    case UpdatedColumn: return tr("Last activity");
    case ColumnCount: break;
    }
    return {};
}

bool LeadTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_next.has_value();
}

void LeadTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    LeadQuery query = m_query;
    query.after = m_next;
    LeadPage page = m_store.page(query);
    m_next = page.next;
    if (page.leads.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page.leads.size() - 1));
    m_rows.append(page.leads);
    endInsertRows();
}

LeadSortKey LeadTableModel::sortKeyFor(int column)
{
    switch (Column(column)) {
    case NameColumn: return LeadSortKey::FirstName;
    case EmailColumn: return LeadSortKey::Email;
    case CompanyColumn: return LeadSortKey::Company;
    case CategoryColumn: return LeadSortKey::Category;
    case StageColumn: return LeadSortKey::Stage;
    case ScoreColumn: return LeadSortKey::Score;
    case UpdatedColumn: return LeadSortKey::UpdatedAt;
    case ColumnCount: break;
    }
    return LeadSortKey::Id;
}

void LeadTableModel::sort(int column, Qt::SortOrder order)
{
    m_query.sortKey = sortKeyFor(column);
    m_query.descending = order == Qt::DescendingOrder;
    reload();
}

void LeadTableModel::setFilter(const LeadFilter &filter)
{
    m_query.filter = filter;
    reload();
}

void LeadTableModel::reload()
{
    beginResetModel();
    m_rows.clear();
    LeadPage page = m_store.page(m_query);
    m_rows = page.leads;
    m_next = page.next;
    endResetModel();
    const qint64 total = m_store.count(m_query.filter);
    if (total != m_total) {
        m_total = total;
        emit totalCountChanged(m_total);
    }
}

} // namespace leadtrail
