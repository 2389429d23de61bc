#pragma once

#include <QSqlDatabase>
#include <QString>

namespace leadtrail {

/**
 * Schema step 2: the `campaigns` and `deliveries` tables. Referenced from the
 * step list in store/schemasteps.cpp; kept beside the code that reads them.
 */
bool createCampaignTables(QSqlDatabase &db, QString *error);

} // namespace leadtrail
