#include "insight/hotleadlist.h"

#include "store/workspace.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace leadtrail {

QList<HotLeadAlert> HotLeadList::current(const Workspace &workspace)
{
    QList<HotLeadAlert> list;
    QSqlQuery q(workspace.database());
    if (!q.exec(u"SELECT l.id, l.email, trim(l.first_name || ' ' || l.last_name), s.value, a.id, a.threshold,"
                " a.reason, a.created_at FROM lead_scores s JOIN leads l ON l.id = s.lead_id"
                " LEFT JOIN hot_alerts a ON a.id = (SELECT max(id) FROM hot_alerts WHERE lead_id = l.id)"
                " WHERE s.hot = 1 ORDER BY s.value DESC, l.email"_s))
        return list;
    while (q.next()) {
        HotLeadAlert alert;
        alert.leadId = q.value(0).toLongLong();
        alert.email = q.value(1).toString();
        alert.name = q.value(2).toString();
        alert.score = q.value(3).toDouble();
        alert.id = q.value(4).toLongLong();
        alert.threshold = q.value(5).toDouble();
        alert.reason = q.value(6).toString();
        if (!q.value(7).isNull())
            alert.at = QDateTime::fromMSecsSinceEpoch(q.value(7).toLongLong(), Qt::UTC);
        list.append(alert);
    }
    return list;
}

} // namespace leadtrail
