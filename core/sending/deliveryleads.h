#pragma once

#include "sending/delivery.h"
#include "store/lead.h"

#include <QHash>
#include <QList>

namespace leadtrail {

class Workspace;

/**
 * The leads of a batch of deliveries, read in one query on the calling
 * thread's connection instead of one query per delivery. A delivery whose
 * lead was deleted since the freeze gets a lead with only the snapshot
 * address, as the sender always did.
 */
class DeliveryLeads final
{
public:
    /** By delivery row id, for every delivery in @p deliveries. */
    static QHash<qint64, Lead> read(const Workspace &workspace, const QList<Delivery> &deliveries);
};

} // namespace leadtrail
