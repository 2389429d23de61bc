#include "insight/eventingestor.h"

#include "store/workspace.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
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

/** Rows per INSERT: 20 values each, well under SQLite's limit of bound values. */
constexpr int rowsPerInsert = 100;

/**
 * One query per page instead of one per event: the page's deliveries by hex
 * id (unknown ones map to nullopt), and which of its unsubscribes are stored
 * already (a page delivered twice must not unsubscribe a lead again).
 */
bool lookUp(QSqlDatabase &db, const RelayEventPage &page, QHash<QString, std::optional<KnownDelivery>> *deliveries,
            QSet<qint64> *storedUnsubscribes, QString *error)
{
    QJsonArray ids, unsubscribes;
    for (const RelayEvent &e : page.events) {
        if (!deliveries->contains(e.delivery)) {
            deliveries->insert(e.delivery, std::nullopt);
            ids.append(e.delivery);
        }
        if (e.type == EventType::Unsubscribe)
            unsubscribes.append(e.id);
    }
    QSqlQuery find(db);
    find.prepare(u"SELECT delivery_id, id, campaign_id, lead_id FROM deliveries"
                 " WHERE delivery_id IN (SELECT value FROM json_each(?))"_s);
    find.addBindValue(QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact)));
    if (!run(find, error))
        return false;
    while (find.next())
        deliveries->insert(find.value(0).toString(),
                           KnownDelivery{find.value(1).toLongLong(), find.value(2).toLongLong(), find.value(3)});
    if (unsubscribes.isEmpty())
        return true;
    QSqlQuery stored(db);
    stored.prepare(u"SELECT id FROM events WHERE id IN (SELECT value FROM json_each(?))"_s);
    stored.addBindValue(QString::fromUtf8(QJsonDocument(unsubscribes).toJson(QJsonDocument::Compact)));
    if (!run(stored, error))
        return false;
    while (stored.next())
        storedUnsubscribes->insert(stored.value(0).toLongLong());
    return true;
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
        // Each event lands in events_delivery at a random place; SQLite's
        // default 2 MB page cache makes that a page fault per insert once the
        // index outgrows it.
        QSqlQuery cache(db);
        cache.exec(u"PRAGMA cache_size = -65536"_s);
    }
    IngestResult result;
    if (!db.transaction()) {
        *error = u"cannot start a transaction: %1"_s.arg(db.lastError().text());
        return std::nullopt;
    }
    const auto fail = [&db]() -> std::optional<IngestResult> {
        db.rollback();
        return std::nullopt;
    };

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QHash<QString, std::optional<KnownDelivery>> deliveries;
    QSet<qint64> storedUnsubscribes;
    if (!lookUp(db, page, &deliveries, &storedUnsubscribes, error))
        return fail();

    QSqlQuery aside(db);
    aside.prepare(u"INSERT OR IGNORE INTO orphan_events (id, delivery, type, time, json, received_at)"
                  " VALUES (?, ?, ?, ?, ?, ?)"_s);
    QSqlQuery unsubscribe(db);
    unsubscribe.prepare(u"UPDATE leads SET unsubscribed_at = ? WHERE id = ? AND unsubscribed_at IS NULL"_s);
    QSqlQuery findClick(db);
    // cid <> '' lets SQLite use the partial index events_cid instead of scanning every event.
    findClick.prepare(u"SELECT id FROM events WHERE cid = ? AND cid <> '' AND type = 2 ORDER BY id LIMIT 1"_s);

    // The first click of this page for each click id, for conversions whose
    // click is still waiting in the batch below.
    QHash<QString, qint64> pageClicks;
    for (const RelayEvent &e : page.events) {
        if (e.type == EventType::Click && !e.clickId.isEmpty() && !pageClicks.contains(e.clickId))
            pageClicks.insert(e.clickId, e.id);
    }

    // Rows go in as multi-row INSERTs: one statement per rowsPerInsert events
    // instead of one per event.
    QList<QVariant> pending;
    int pendingRows = 0;
    QHash<int, QSqlQuery> inserts; // by row count, prepared once per page
    const auto flush = [&]() -> bool {
        if (pendingRows == 0)
            return true;
        auto it = inserts.find(pendingRows);
        if (it == inserts.end()) {
            QString sql = u"INSERT OR IGNORE INTO events (id, delivery_row, campaign_id, lead_id, type, link, url,"
                          " cid, value, currency, conversion, time, method, ip, ua, scanner, head, age, apple_mpp,"
                          " click_event) VALUES "_s;
            const QString row = u"(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s;
            for (int i = 0; i < pendingRows; ++i)
                sql += i == 0 ? row : u", "_s + row;
            it = inserts.insert(pendingRows, QSqlQuery(db));
            if (!it->prepare(sql)) {
                *error = u"storing relay events failed: %1"_s.arg(it->lastError().text());
                return false;
            }
        }
        for (qsizetype i = 0; i < pending.size(); ++i)
            it->bindValue(static_cast<int>(i), pending.at(i));
        if (!run(*it, error))
            return false;
        const int added = it->numRowsAffected();
        result.ingested += added;
        result.duplicates += pendingRows - added;
        pending.clear();
        pendingRows = 0;
        return true;
    };

    for (const RelayEvent &e : page.events) {
        const std::optional<KnownDelivery> &known = deliveries.value(e.delivery);
        if (!known) {
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
        const KnownDelivery &d = *known;
        QVariant clickEvent(QMetaType::fromType<qint64>());
        if (e.type == EventType::Conversion && !e.clickId.isEmpty()) {
            findClick.addBindValue(e.clickId);
            if (!run(findClick, error))
                return fail();
            if (findClick.next())
                clickEvent = findClick.value(0);
            findClick.finish();
            // Stored clicks come from earlier pages or earlier in this one, so
            // the smaller id of the two is the first click.
            const auto inPage = pageClicks.constFind(e.clickId);
            if (inPage != pageClicks.cend() && (clickEvent.isNull() || *inPage < clickEvent.toLongLong()))
                clickEvent = QVariant(*inPage);
        }
        pending << QVariant(e.id) << QVariant(d.row) << QVariant(d.campaign) << d.lead
                << QVariant(static_cast<int>(e.type)) << QVariant(e.link) << text(e.url) << text(e.clickId)
                << text(e.value) << text(e.currency) << text(e.conversion) << QVariant(e.timeMs) << text(e.method)
                << text(e.ip) << text(e.userAgent) << text(e.scanner) << QVariant(e.head ? 1 : 0)
                << QVariant(e.ageSeconds) << QVariant(e.appleMpp ? 1 : 0) << clickEvent;
        if (++pendingRows == rowsPerInsert && !flush())
            return fail();
        // An unsubscribe takes effect at once: it excludes the lead from every
        // later send. One stored before (a page delivered twice) does nothing again.
        if (e.type == EventType::Unsubscribe && !d.lead.isNull() && !storedUnsubscribes.contains(e.id)) {
            unsubscribe.addBindValue(e.timeMs);
            unsubscribe.addBindValue(d.lead);
            if (!run(unsubscribe, error))
                return fail();
        }
    }
    if (!flush())
        return fail();

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
