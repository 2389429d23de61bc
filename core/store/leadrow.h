#pragma once

#include "store/lead.h"

#include <QDateTime>
#include <QMap>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace leadtrail {

/**
 * How a Lead is laid out in the `leads` table: the select list, reading a row
 * back, and the encodings of custom fields (JSON object) and times (ms since
 * the epoch, UTC). Shared by LeadStore and LeadWriter so the mapping exists once.
 */
class LeadRow final
{
public:
    /** Columns for `SELECT <columns> FROM leads`, in the order fromQuery() reads them. */
    static QString selectColumns();
    static Lead fromQuery(const QSqlQuery &query);

    static QString encodeCustomFields(const QMap<QString, QString> &fields);
    static QMap<QString, QString> decodeCustomFields(const QString &json);

    static QVariant encodeTime(const QDateTime &time);
    static QDateTime decodeTime(const QVariant &value);

    /** Trimmed, without empty ones or duplicates (case-insensitive), sorted. */
    static QStringList normalizedTags(const QStringList &tags);
    /** Splits a CSV tags cell ("a, b; c"). */
    static QStringList splitTags(const QString &text);
    /** The tags cell our export writes; splitTags() reads it back. */
    static QString joinTags(const QStringList &tags);
};

} // namespace leadtrail
