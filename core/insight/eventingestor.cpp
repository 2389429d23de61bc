#include "insight/eventingestor.h"

#include "store/workspace.h"

#include <QDateTime>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {

struct KnownDelivery
{
    qint64 row = 0;
    qint64 campaign = 0;
    QVariant lead;
};

/** The event columns are NOT NULL: a field the relay left out is stored as ''. */
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(u""_s) : QVariant(value);
}

bool run(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    *error = u"storing relay events failed: %1"_s.arg(query.lastError().text());
    return false;
}

} // namespace

EventIngestor::EventIngestor(const Workspace &workspace) : m_workspace(workspace) {}

qint64 EventIngestor::cursor() const
{
    QSqlQuery query(m_workspace.database());
    if (query.exec(u"SELECT cursor FROM sync_state WHERE id = 1"_s) && query.next())
        return query.value(0).toLongLong();
    return 0;
}

std::optional<IngestResult> EventIngestor::ingest(const RelayEventPage &page, QString *error)
{
    QSqlDatabase db = m_workspace.database();
    {
        // Each event lands in several indexes at random places (delivery, lead,
        // campaign); SQLite's default 2 MB page cache makes that a page fault
        // per insert once the tables outgrow it.
        QSqlQuery cache(db);
        cache.exec(u"PRAGMA cache_size = -65536"_s);
    }
    if (!db.transaction()) {
        *error = u"cannot start a transaction: %1"_s.arg(db.lastError().text());
        return std::nullopt;
    }
    const auto fail = [&db]() -> std::optional<IngestResult> {
        db.rollback();
        return std::nullopt;
    };

    QSqlQuery findDelivery(db);
    findDelivery.prepare(u"SELECT id, campaign_id, lead_id FROM deliveries WHERE delivery_id = ?"_s);
    QSqlQuery insert(db);
    insert.prepare(u"INSERT OR IGNORE INTO events (id, delivery_row, campaign_id, lead_id, type, link, url, cid,"
                   " value, currency, conversion, time, method, ip, ua, scanner, head, age, apple_mpp, click_event)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    QSqlQuery aside(db);
    aside.prepare(u"INSERT OR IGNORE INTO orphan_events (id, delivery, type, time, json, received_at)"
                  " VALUES (?, ?, ?, ?, ?, ?)"_s);
    QSqlQuery unsubscribe(db);
    unsubscribe.prepare(u"UPDATE leads SET unsubscribed_at = ? WHERE id = ? AND unsubscribed_at IS NULL"_s);
    QSqlQuery findClick(db);
    findClick.prepare(u"SELECT id FROM events WHERE cid = ? AND type = 2 ORDER BY id LIMIT 1"_s);

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QHash<QString, std::optional<KnownDelivery>> deliveries;
    IngestResult result;
    for (const RelayEvent &e : page.events) {
        auto cached = deliveries.find(e.delivery);
        if (cached == deliveries.end()) {
            findDelivery.addBindValue(e.delivery);
            if (!run(findDelivery, error))
                return fail();
            std::optional<KnownDelivery> known;
            if (findDelivery.next())
                known = KnownDelivery{findDelivery.value(0).toLongLong(), findDelivery.value(1).toLongLong(),
                                      findDelivery.value(2)};
            findDelivery.finish();
            cached = deliveries.insert(e.delivery, known);
        }
        if (!*cached) {
            aside.addBindValue(e.id);
            aside.addBindValue(e.delivery);
            aside.addBindValue(RelayEventPage::typeName(e.type));
            aside.addBindValue(e.timeMs);
            aside.addBindValue(QString::fromUtf8(e.toJson()));
            aside.addBindValue(now);
            if (!run(aside, error))
                return fail();
            (aside.numRowsAffected() > 0 ? result.keptAside : result.duplicates) += 1;
            continue;
        }
        const KnownDelivery &d = **cached;
        QVariant clickEvent(QMetaType::fromType<qint64>());
        if (e.type == EventType::Conversion && !e.clickId.isEmpty()) {
            findClick.addBindValue(e.clickId);
            if (!run(findClick, error))
                return fail();
            if (findClick.next())
                clickEvent = findClick.value(0);
            findClick.finish();
        }
        for (const QVariant &v : {QVariant(e.id), QVariant(d.row), QVariant(d.campaign), d.lead,
                                  QVariant(static_cast<int>(e.type)), QVariant(e.link), text(e.url),
                                  text(e.clickId), text(e.value), text(e.currency), text(e.conversion),
                                  QVariant(e.timeMs), text(e.method), text(e.ip), text(e.userAgent),
                                  text(e.scanner), QVariant(e.head ? 1 : 0),
                                  QVariant(e.ageSeconds), QVariant(e.appleMpp ? 1 : 0), clickEvent})
            insert.addBindValue(v);
        if (!run(insert, error))
            return fail();
        if (insert.numRowsAffected() == 0) {
            ++result.duplicates;
            continue;
        }
        ++result.ingested;
        // An unsubscribe takes effect at once: it excludes the lead from every later send.
        if (e.type == EventType::Unsubscribe && !d.lead.isNull()) {
            unsubscribe.addBindValue(e.timeMs);
            unsubscribe.addBindValue(d.lead);
            if (!run(unsubscribe, error))
                return fail();
        }
    }

    QSqlQuery state(db);
    state.prepare(u"UPDATE sync_state SET cursor = max(cursor, ?), last_success = ?, last_attempt = ?,"
                  " last_error = '', ingested = ingested + ?, duplicates = duplicates + ?,"
                  " kept_aside = kept_aside + ? WHERE id = 1"_s);
    for (const QVariant &v : {QVariant(page.next), QVariant(now), QVariant(now), QVariant(result.ingested),
                              QVariant(result.duplicates), QVariant(result.keptAside)})
        state.addBindValue(v);
    if (!run(state, error))
        return fail();
    if (!db.commit()) {
        *error = u"storing relay events failed: %1"_s.arg(db.lastError().text());
        return fail();
    }
    result.cursor = cursor();
    return result;
}

} // namespace leadtrail
