#pragma once

#include "store/lead.h"
#include "store/leadquery.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace leadtrail {

class LeadStore;

/**
 * The leads of a workspace as a table, fetched page by page as the view
 * scrolls (canFetchMore/fetchMore), so 100,000 leads never sit in memory at
 * once. Sorting and filtering are done by the store, never by a proxy over
 * all rows. The model does not own the store.
 */
class LeadTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LeadTableModel)

public:
    enum Column { NameColumn, EmailColumn, CompanyColumn, CategoryColumn, StageColumn,
                  ScoreColumn, UpdatedColumn, ColumnCount };
    enum Role { LeadIdRole = Qt::UserRole, EmailRole };

    explicit LeadTableModel(const LeadStore &store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order) override;

    void setFilter(const LeadFilter &filter);
    const LeadFilter &filter() const { return m_query.filter; }
    /** How many leads match the filter in all (not only the rows fetched so far). */
    qint64 totalCount() const { return m_total; }
    /** The lead shown in `row`, as fetched. */
    const Lead &leadAt(int row) const { return m_rows.at(row); }
    /** Fetches everything again, keeping filter and order (after an edit or an import). */
    void reload();

signals:
    void totalCountChanged(qint64 count);

private:
    static LeadSortKey sortKeyFor(int column);

    const LeadStore &m_store;
    LeadQuery m_query;
    QList<Lead> m_rows;
    std::optional<LeadCursor> m_next;
    qint64 m_total = 0;
};

} // namespace leadtrail
