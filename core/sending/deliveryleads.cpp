#include "sending/deliveryleads.h"

#include "store/leadrow.h"
#include "store/workspace.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace leadtrail {

QHash<qint64, Lead> DeliveryLeads::read(const Workspace &workspace, const QList<Delivery> &deliveries)
{
    // The ids travel as one bound JSON array: one statement whatever the batch size.
    QStringList ids;
    for (const Delivery &delivery : deliveries) {
        if (delivery.leadId)
            ids.append(QString::number(delivery.leadId));
    }
    QHash<qint64, Lead> byLeadId;
    if (!ids.isEmpty()) {
        QSqlQuery query(workspace.database());
        query.setForwardOnly(true);
        query.prepare(u"SELECT %1 FROM leads WHERE id IN (SELECT value FROM json_each(?))"_s.arg(
            LeadRow::selectColumns()));
        query.addBindValue(u'[' + ids.join(u',') + u']');
        if (!query.exec())
            qWarning("DeliveryLeads::read: %s", qPrintable(query.lastError().text()));
        while (query.next()) {
            Lead lead = LeadRow::fromQuery(query);
            byLeadId.insert(lead.id, std::move(lead));
        }
    }
    QHash<qint64, Lead> result;
    for (const Delivery &delivery : deliveries) {
        auto it = byLeadId.constFind(delivery.leadId);
        if (delivery.leadId && it != byLeadId.constEnd()) {
            result.insert(delivery.rowId, *it);
        } else {
            Lead lead; // deleted since the freeze: the snapshot address is all there is
            lead.email = delivery.email;
            result.insert(delivery.rowId, lead);
        }
    }
    return result;
}

} // namespace leadtrail
