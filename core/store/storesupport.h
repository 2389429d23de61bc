#pragma once

#include <QSqlQuery>
#include <QString>
#include <QVariantList>

namespace leadtrail {

// Two small helpers every store in the core uses, kept here so they exist once.

/** Fills an optional out-parameter error message. */
inline void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

/** Prepares `sql`, binds `values` positionally (never by string splicing), and runs it. */
inline bool execPrepared(QSqlQuery &query, const QString &sql, const QVariantList &values = {})
{
    if (!query.prepare(sql))
        return false;
    for (const QVariant &value : values)
        query.addBindValue(value);
    return query.exec();
}

} // namespace leadtrail
