#include "insight/hotleadlist.h"

#include "store/workspace.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace leadtrail {

QList<HotLeadAlert> HotLeadList::current(const Workspace &workspace)
{
    return current(workspace, InsightConfig::fromWorkspace(workspace));
}

QList<HotLeadAlert> HotLeadList::current(const Workspace &workspace, const InsightConfig &config)
{
    QList<HotLeadAlert> list;
    QSqlQuery q(workspace.database());
    if (!q.exec(u"SELECT l.id, l.email, trim(l.first_name || ' ' || l.last_name), s.value, a.id, l.category,"
                " a.reason, a.created_at FROM lead_scores s JOIN leads l ON l.id = s.lead_id"
                " LEFT JOIN hot_alerts a ON a.id = (SELECT max(id) FROM hot_alerts WHERE lead_id = l.id)"
                " WHERE s.hot = 1 ORDER BY s.value DESC, l.email"_s))
        return list;
    QSqlQuery evidence(workspace.database());
    evidence.prepare(u"SELECT e.type, e.time, e.url, c.name FROM events e JOIN deliveries d ON d.id = e.delivery_row"
                     " JOIN campaigns c ON c.id = d.campaign_id"
                     " WHERE d.lead_id = ? AND e.verdict = 1 AND e.type IN (1, 2, 5) ORDER BY e.time DESC, e.id DESC"_s);
    while (q.next()) {
        HotLeadAlert alert;
        alert.leadId = q.value(0).toLongLong();
        alert.email = q.value(1).toString();
        alert.name = q.value(2).toString();
        alert.score = q.value(3).toDouble();
        alert.id = q.value(4).toLongLong();
        alert.threshold = config.thresholdFor(q.value(5).toString());
        alert.reason = q.value(6).toString();
        if (!q.value(7).isNull())
            alert.at = QDateTime::fromMSecsSinceEpoch(q.value(7).toLongLong(), Qt::UTC);
        evidence.addBindValue(alert.leadId);
        if (evidence.exec()) {
            while (evidence.next()) {
                HotLeadEvidence e;
                e.type = static_cast<EventType>(evidence.value(0).toInt());
                e.at = QDateTime::fromMSecsSinceEpoch(evidence.value(1).toLongLong(), Qt::UTC);
                e.url = evidence.value(2).toString();
                e.campaign = evidence.value(3).toString();
                alert.evidence.append(e);
            }
        }
        evidence.finish();
        list.append(alert);
    }
    return list;
}

} // namespace leadtrail
