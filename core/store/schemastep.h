#pragma once

#include <QSqlDatabase>
#include <QString>

namespace leadtrail {

/**
 * One numbered migration step. `apply` runs inside the migrator's
 * transaction and returns false with a message to roll the whole step back.
 */
struct SchemaStep
{
    int version = 0;            ///< the schema version after this step; steps count up from 1
    const char *description = "";
    bool (*apply)(QSqlDatabase &db, QString *error) = nullptr;
};

} // namespace leadtrail
