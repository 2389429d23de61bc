#include "insight/hotalerts.h"

#include "store/settings.h"
#include "store/storesupport.h"
#include "store/workspace.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {
const QString SeenKey = u"alerts.seen_id"_s;

qint64 seenId(const Workspace &workspace)
{
    return Settings(workspace).value(SeenKey, u"0"_s).toLongLong();
}
} // namespace

std::optional<int> HotAlerts::unseenCount(const Workspace &workspace, QString *error)
{
    QSqlQuery query(workspace.database());
    query.prepare(u"SELECT count(*) FROM hot_alerts WHERE id > ?"_s);
    query.addBindValue(seenId(workspace));
    if (!query.exec() || !query.next()) {
        setError(error, query.lastError().text());
        return std::nullopt;
    }
    return query.value(0).toInt();
}

bool HotAlerts::markAllSeen(const Workspace &workspace, QString *error)
{
    QSqlQuery query(workspace.database());
    if (!query.exec(u"SELECT coalesce(max(id), 0) FROM hot_alerts"_s) || !query.next()) {
        setError(error, query.lastError().text());
        return false;
    }
    const qint64 newest = query.value(0).toLongLong();
    if (newest == seenId(workspace))
        return true;
    return Settings(workspace).setValue(SeenKey, QString::number(newest), error);
}

} // namespace leadtrail
