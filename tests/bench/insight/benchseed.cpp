#include "benchseed.h"

#include "sqliteeventstore.h"
#include "store/workspace.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <cstdio>
#include <random>
#include <vector>

using namespace Qt::StringLiterals;
using namespace leadtrail;

namespace benchseed {

QString deliveryHex(qint64 i)
{
    return u"%1"_s.arg(i, 32, 16, QChar(u'0'));
}

bool seedWorkspace(const Workspace &ws, qint64 deliveries, qint64 sentAt)
{
    QSqlDatabase db = ws.database();
    db.transaction();
    QSqlQuery q(db);
    bool ok = q.exec(u"INSERT INTO campaigns (id, name, subject, html, state, created_at, started_at, finished_at)"
                     " VALUES (1, 'Bench', 'Hello {{first_name}}', '<p>Hi</p>', 'sent', %1, %1, %1)"_s.arg(sentAt));
    QSqlQuery lead(db), delivery(db);
    lead.prepare(u"INSERT INTO leads (id, email, email_key, first_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)"_s);
    delivery.prepare(u"INSERT INTO deliveries (id, delivery_id, campaign_id, lead_id, email, state, sent_at)"
                     " VALUES (?, ?, 1, ?, ?, 'sent', ?)"_s);
    for (qint64 i = 1; ok && i <= deliveries; ++i) {
        const QString email = u"lead%1@example.org"_s.arg(i);
        for (const QVariant &v : {QVariant(i), QVariant(email), QVariant(email), QVariant(u"Lead%1"_s.arg(i)),
                                  QVariant(sentAt), QVariant(sentAt)})
            lead.addBindValue(v);
        ok = lead.exec();
        for (const QVariant &v : {QVariant(i), QVariant(deliveryHex(i)), QVariant(i), QVariant(email), QVariant(sentAt)})
            delivery.addBindValue(v);
        ok = ok && delivery.exec();
    }
    if (!ok) {
        std::fprintf(stderr, "seeding the workspace failed: %s %s\n", qPrintable(lead.lastError().text()),
                     qPrintable(delivery.lastError().text()));
        db.rollback();
        return false;
    }
    return db.commit();
}

void seedRelay(const std::string &path, qint64 events, qint64 deliveries, qint64 sentAt)
{
    relay::SqliteEventStore store(path);
    std::mt19937_64 random(42);
    std::vector<relay::Event> batch;
    batch.reserve(20000);
    const auto flush = [&] {
        std::vector<relay::Event *> pointers;
        for (auto &e : batch)
            pointers.push_back(&e);
        store.append(pointers);
        batch.clear();
    };
    const char *urls[] = {"https://shop.example/pricing", "https://shop.example/demo", "https://shop.example/blog"};
    for (qint64 n = 0; n < events; ++n) {
        relay::Event e;
        const qint64 d = n < busyLeadEvents ? 1 : 1 + static_cast<qint64>(random() % static_cast<quint64>(deliveries));
        e.delivery = deliveryHex(d).toStdString();
        e.timeMs = sentAt + 5'000 + static_cast<qint64>(random() % (48ull * 3'600'000));
        e.ageSeconds = (e.timeMs - sentAt) / 1000;
        e.method = "GET";
        e.ip = "203.0.113.7";
        e.userAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0";
        const int kind = static_cast<int>(random() % 100);
        if (kind < 55) {
            e.type = relay::EventType::Open;
            e.appleMpp = kind < 8;
        } else if (kind < 93) {
            e.type = relay::EventType::Click;
            e.linkIndex = static_cast<std::uint32_t>(1 + random() % 3);
            e.url = urls[e.linkIndex - 1];
            e.head = kind < 58;
            if (kind >= 58 && kind < 63) {
                e.scanner = "Mimecast";
                e.userAgent = "Mimecast URL Protect";
            }
        } else if (kind < 96) {
            e.type = relay::EventType::Decoy;
            e.url = "https://shop.example/";
        } else if (kind < 97) {
            e.type = relay::EventType::Unsubscribe;
            e.method = "POST";
        } else {
            e.type = relay::EventType::Conversion;
            e.value = "19.90";
            e.currency = kind == 99 ? "USD" : "EUR";
            e.conversion = "purchase";
        }
        batch.push_back(std::move(e));
        if (batch.size() == batch.capacity())
            flush();
    }
    if (!batch.empty())
        flush();
}

leadtrail::relay::RelayConfig relayConfig(const std::string &path, const std::string &apiKey)
{
    leadtrail::relay::RelayConfig config;
    config.publicUrl = "http://127.0.0.1";
    config.port = 0;
    config.keyring.add({1, std::string(32, 'b')});
    config.apiKey = apiKey;
    config.postbackKey = "bench-postback-key-0123456789";
    config.fallbackUrl = "https://fallback.example/";
    config.storePath = path;
    config.dataDir = LEADTRAIL_SOURCE_DIR "/relay/data";
    return config;
}

} // namespace benchseed
