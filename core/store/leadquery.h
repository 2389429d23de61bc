#pragma once

#include <QString>
#include <QVariant>

#include <optional>

namespace leadtrail {

/** What a lead list shows: every part is optional and they combine with AND. */
struct LeadFilter
{
    QString search;   ///< substring of first name, last name, full name, email or company
    QString category; ///< exact category (case-insensitive); empty for all
    QString stage;    ///< exact stage (case-insensitive); empty for all
    QString tag;      ///< leads carrying this tag; empty for all

    bool isEmpty() const
    {
        return search.isEmpty() && category.isEmpty() && stage.isEmpty() && tag.isEmpty();
    }
};

/** The columns a lead list can be sorted by; ties are always broken by id. */
enum class LeadSortKey {
    Id,
    Email,
    FirstName,
    LastName,
    Company,
    Category,
    Stage, ///< in the order of the workspace's stage list, not alphabetically
    Score,
    CreatedAt,
    UpdatedAt,
};

/**
 * Where the previous page ended, for paging by key: the sort value and the id
 * of its last row. Cheaper than an offset deep into a large table, and stable
 * when rows are inserted before the cursor.
 */
struct LeadCursor
{
    QVariant sortValue;
    qint64 id = 0;
};

/** One page request: filter, order, and either an offset or a cursor. */
struct LeadQuery
{
    LeadFilter filter;
    LeadSortKey sortKey = LeadSortKey::Id;
    bool descending = false;
    int limit = 200;                 ///< at most this many rows; <= 0 means no limit
    int offset = 0;                  ///< ignored when `after` is set
    std::optional<LeadCursor> after; ///< rows strictly after this cursor
};

} // namespace leadtrail
