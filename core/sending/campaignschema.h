#pragma once

#include <QSqlDatabase>
#include <QString>

namespace leadtrail {

/**
 * Schema step 2: the `campaigns` and `deliveries` tables. Referenced from the
 * step list in store/schemasteps.cpp; kept beside the code that reads them.
 */
bool createCampaignTables(QSqlDatabase &db, QString *error);

/**
 * Schema step 7: deliveries may be `cancelled` (still queued when their
 * campaign was cancelled), and the ones earlier versions recorded as
 * failed with the reason "campaign cancelled" become so.
 */
bool addCancelledDeliveryState(QSqlDatabase &db, QString *error);

} // namespace leadtrail
