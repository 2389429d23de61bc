// From a real send to insight: a campaign sent by the real sender through the
// real SMTP test server, its tracked links taken from the received messages,
// opens and clicks fired at the real relay (in-process, port 0) with real
// HTTP requests, then synced, classified and checked as a user would: the
// stats panel, timelines with badges, scores, one hot-lead alert, and a rule
// applied once even when the same page is ingested twice.
#include "insighttestsupport.h"

#include "insight/campaignstats.h"
#include "insight/eventingestor.h"
#include "insight/insightengine.h"
#include "insight/leadtimeline.h"
#include "insight/relaypoller.h"
#include "insight/rulestore.h"
#include "protocol/token.h"
#include "relayserver.h"
#include "sending/campaignsender.h"
#include "sending/campaignstore.h"
#include "store/leadstore.h"
#include "store/workspace.h"

#include "smtptestserver.h"
#include "testpython.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace leadtrail;
using leadtrail::test::SmtpTestServer;
using leadtrail::test::TestPython;

namespace {

/** The tracked URLs of one received message, as a mail client would see them. */
struct Links
{
    QMap<QString, QString> clicks; ///< destination → relay URL
    QString decoy;
    QString pixel;
    QString unsubscribe;
};

const QString pricing = u"https://shop.example/pricing"_s;
const QString demo = u"https://shop.example/demo"_s;
const QString blog = u"https://shop.example/blog"_s;

std::string s(const QString &text)
{
    return text.toStdString();
}

qint64 scalar(const Workspace &ws, const QString &sql)
{
    QSqlQuery q(ws.database());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

} // namespace

class TestInsight final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_ws;
    std::unique_ptr<SmtpTestServer> m_smtp;
    std::unique_ptr<relay::RelayServer> m_relay;
    qint64 m_campaign = 0;
    QMap<QString, Links> m_links; ///< by recipient
    QString m_relayBase;
    QString m_debugHtml; ///< the last HTML part read, shown when links are missing

    InsightConfig config() const
    {
        InsightConfig c;
        c.settleMs = 1000;
        c.tooSoonMs = 3000;
        c.minReadMs = 3000;
        c.decoyWindowMs = 3000;
        c.linkWeights.insert(u"pricing"_s, 10);
        return c;
    }

    Links linksOf(const QByteArray &message)
    {
        QString error;
        const QByteArray parsed = TestPython::run(u"mimecheck.py"_s, {}, message, &error);
        if (parsed.isEmpty())
            qFatal("mimecheck: %s", qPrintable(error));
        QString html;
        for (const QJsonValue &part : QJsonDocument::fromJson(parsed).object().value(u"parts"_s).toArray()) {
            if (part.toObject().value(u"content_type"_s).toString() == u"text/html"_s)
                html = part.toObject().value(u"content"_s).toString();
        }
        m_debugHtml = html.isEmpty() ? QString::fromUtf8(parsed) : html;
        protocol::Keyring keyring;
        keyring.add(insighttest::signingKey());
        Links links;
        static const QRegularExpression url(u"(?:href|src)=\"https(://127\\.0\\.0\\.1:\\d+/([a-z])/([A-Za-z0-9_-]+))\""_s);
        for (auto it = url.globalMatch(html); it.hasNext();) {
            const auto m = it.next();
            const protocol::VerifyResult token = protocol::verifyToken(s(m.captured(3)), keyring);
            if (!token.ok())
                continue;
            const QString relayUrl = u"http"_s + m.captured(1);
            switch (token.fields.kind) {
            case protocol::TokenKind::Click:
            case protocol::TokenKind::ClickWithoutId:
                links.clicks.insert(QString::fromStdString(token.fields.url), relayUrl);
                break;
            case protocol::TokenKind::Decoy: links.decoy = relayUrl; break;
            case protocol::TokenKind::Open: links.pixel = relayUrl; break;
            case protocol::TokenKind::Unsubscribe: links.unsubscribe = relayUrl; break;
            }
        }
        return links;
    }

    Links linksFor(const QString &email)
    {
        if (!m_links.contains(email)) {
            for (const SmtpTestServer::Received &r : m_smtp->messages()) {
                if (r.recipients.contains(email, Qt::CaseInsensitive))
                    m_links.insert(email, linksOf(r.data));
            }
        }
        return m_links.value(email);
    }

    static insighttest::Reply get(const QString &url, const char *ua = insighttest::browserUa)
    {
        return insighttest::hit("GET", s(url), ua);
    }

    /** Pulls until up to date with the real poller; true when it got there. */
    bool syncNow(RelayPoller *poller = nullptr)
    {
        RelayPoller own(*m_ws);
        RelayPoller &p = poller ? *poller : own;
        p.setRelay(QUrl(m_relayBase), QString::fromStdString(insighttest::apiKey()));
        p.setPageSize(7); // several pages, so page boundaries are crossed
        QSignalSpy finished(&p, &RelayPoller::finished);
        p.start(RelayPoller::Mode::UntilCaughtUp);
        return finished.wait(60000) && finished.at(0).at(0).toBool();
    }

    QJsonObject timeline(const QString &email, const QString &kind, int index = 0)
    {
        const std::optional<Lead> lead = LeadStore(*m_ws).findByEmail(email);
        QString error;
        const auto items = LeadTimeline::build(*m_ws, lead->id, &error);
        int seen = 0;
        for (const QJsonValue &v : LeadTimeline::toJson(*items)) {
            if (v.toObject().value(u"kind"_s).toString() == kind && seen++ == index)
                return v.toObject();
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        m_ws = Workspace::open(m_dir.filePath(u"ws"_s), Workspace::OpenMode::CreateIfMissing, &error);
        QVERIFY2(m_ws, qPrintable(error));
        LeadStore leads(*m_ws);
        for (const QString &name : {u"alice"_s, u"bob"_s, u"carol"_s, u"dave"_s, u"erin"_s, u"frank"_s, u"grace"_s,
                                    u"henry"_s, u"ivan"_s, u"judy"_s}) {
            Lead lead;
            lead.email = name + u"@example.org"_s;
            lead.firstName = name;
            lead.stage = u"New"_s;
            QVERIFY2(leads.add(lead, &error), qPrintable(error));
        }
        QVERIFY2(RuleStore(*m_ws).addPricingExample(&error), qPrintable(error));

        m_relay = std::make_unique<relay::RelayServer>(insighttest::relayConfig(s(m_dir.path())));
        m_relay->start();
        m_relayBase = u"http://127.0.0.1:%1"_s.arg(m_relay->port());

        m_smtp = std::make_unique<SmtpTestServer>(m_dir.filePath(u"smtp"_s));
        SmtpTestServer::Options options;
        options.faults = {u"rcpt:judy@example.org:550"_s};
        QVERIFY2(m_smtp->start(options, &error), qPrintable(error));

        Campaign campaign;
        campaign.name = u"Spring offer"_s;
        campaign.clickIds = true; // its conversions are attributed through the click id
        campaign.subject = u"Spring prices for {{first_name}}"_s;
        campaign.html = u"<html><body><p>Hi {{first_name}},</p><p><a href=\"%1\">Pricing</a> ·"
                        " <a href=\"%2\">Book a demo</a> · <a href=\"%3\">Our blog</a></p></body></html>"_s.arg(
                            pricing, demo, blog);
        CampaignStore campaigns(*m_ws);
        QVERIFY2(campaigns.create(campaign, &error), qPrintable(error));
        m_campaign = campaign.id;

        SenderConfig sender;
        sender.smtp.host = u"127.0.0.1"_s;
        sender.smtp.port = m_smtp->port();
        sender.smtp.security = SmtpSettings::Security::None;
        // Emails carry https links (List-Unsubscribe must be https); in production a TLS proxy sits in
        // front of the relay. Here the test plays that proxy: same host, port and path, plain HTTP.
        sender.relayUrl = u"https://127.0.0.1:%1"_s.arg(m_relay->port());
        sender.signingKey = insighttest::signingKey();
        sender.senderName = u"Sales"_s;
        sender.senderEmail = u"sales@example.com"_s;
        CampaignSender campaignSender(*m_ws, sender);
        QSignalSpy finished(&campaignSender, &CampaignSender::finished);
        QVERIFY2(campaignSender.start(m_campaign, &error), qPrintable(error));
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.at(0).at(1).value<CampaignState>(), CampaignState::Sent);
        QCOMPARE(m_smtp->messages().size(), 9);

        // Too early: erin's pricing link, the moment the message is out.
        const Links erin = linksFor(u"erin@example.org"_s);
        QVERIFY2(erin.clicks.size() == 3, qPrintable(m_debugHtml));
        QCOMPARE(get(erin.clicks.value(pricing)).status, 302);
    }

    void firesRealTrafficAndSyncs()
    {
        // Everything else comes after the "too soon" threshold.
        const qint64 lastSent = scalar(*m_ws, u"SELECT max(sent_at) FROM deliveries"_s);
        const qint64 wait = lastSent + config().tooSoonMs + 300 - QDateTime::currentMSecsSinceEpoch();
        if (wait > 0)
            QThread::msleep(static_cast<unsigned long>(wait));

        const Links alice = linksFor(u"alice@example.org"_s);
        QCOMPARE(get(alice.pixel).status, 200);
        QCOMPARE(get(alice.pixel).status, 200);
        const insighttest::Reply pricingClick = get(alice.clicks.value(pricing));
        QCOMPARE(pricingClick.status, 302);
        QVERIFY2(QString::fromStdString(pricingClick.location).startsWith(pricing), pricingClick.location.c_str());
        const QString cid = QUrlQuery(QUrl(QString::fromStdString(pricingClick.location))).queryItemValue(u"lt_cid"_s);
        QVERIFY(!cid.isEmpty());
        QThread::msleep(1300); // a person reads before the next link
        QCOMPARE(get(alice.clicks.value(demo)).status, 302);
        const insighttest::Reply conversion =
            insighttest::hit("GET", s(m_relayBase + u"/p?cid=%1&value=49.90&currency=EUR&event=purchase&key=%2"_s.arg(
                                          cid, QString::fromStdString(insighttest::postbackKey()))),
                             insighttest::browserUa);
        QVERIFY2(conversion.status < 300, conversion.body.c_str());

        const Links bob = linksFor(u"bob@example.org"_s); // behind a security gateway
        QCOMPARE(get(bob.pixel, insighttest::scannerUa).status, 200);
        QCOMPARE(get(bob.clicks.value(pricing), insighttest::scannerUa).status, 302);

        const Links carol = linksFor(u"carol@example.org"_s); // opens; a bot follows every link, decoy included
        QCOMPARE(get(carol.pixel).status, 200);
        QVERIFY(!carol.decoy.isEmpty());
        QCOMPARE(get(carol.decoy).status, 302);
        QCOMPARE(get(carol.clicks.value(blog)).status, 302);

        const Links dave = linksFor(u"dave@example.org"_s); // a link checker
        QCOMPARE(insighttest::hit("HEAD", s(dave.clicks.value(demo)), insighttest::browserUa).status, 302);

        const Links frank = linksFor(u"frank@example.org"_s); // opens, then a burst over all links
        QCOMPARE(get(frank.pixel).status, 200);
        for (const QString &url : {pricing, demo, blog})
            QCOMPARE(get(frank.clicks.value(url)).status, 302);

        const Links grace = linksFor(u"grace@example.org"_s); // Apple Mail Privacy Protection
        QCOMPARE(insighttest::hit("GET", s(grace.pixel), "Mozilla/5.0", {{"X-Forwarded-For", "17.58.63.10"}}).status,
                 200);

        const Links henry = linksFor(u"henry@example.org"_s); // opens, then one-click unsubscribe
        QCOMPARE(get(henry.pixel).status, 200);
        QVERIFY(insighttest::hit("POST", s(henry.unsubscribe), insighttest::browserUa, {}, "List-Unsubscribe=One-Click")
                    .status < 300);

        QVERIFY(syncNow());
        QCOMPARE(scalar(*m_ws, u"SELECT count(*) FROM events"_s), qint64(19));
        QCOMPARE(scalar(*m_ws, u"SELECT count(*) FROM orphan_events"_s), qint64(0));
        // The unsubscribe took effect at once, before any settling.
        QVERIFY(LeadStore(*m_ws).findByEmail(u"henry@example.org"_s)->unsubscribedAt.isValid());
        QVERIFY(!LeadStore(*m_ws).findByEmail(u"alice@example.org"_s)->unsubscribedAt.isValid());

        // Nothing counts before the settle window has passed.
        InsightEngine engine(*m_ws, config());
        QSignalSpy alerts(&engine, &InsightEngine::hotLeadAlert);
        QString error;
        const qint64 oldest = scalar(*m_ws, u"SELECT min(time) FROM events"_s);
        const qint64 newest = scalar(*m_ws, u"SELECT max(time) FROM events"_s);
        const auto early = engine.settle(oldest + config().settleMs - 1, &error);
        QVERIFY2(early, qPrintable(error));
        QCOMPARE(early->events, 0);
        QCOMPARE(CampaignStats::compute(*m_ws, m_campaign, &error)->opened, qint64(0));

        const auto settled = engine.settle(newest + config().settleMs, &error);
        QVERIFY2(settled, qPrintable(error));
        QCOMPARE(settled->events, 19);
        QCOMPARE(settled->rulesApplied, 1);
        QCOMPARE(alerts.count(), 1);
        const auto alert = alerts.at(0).at(0).value<HotLeadAlert>();
        QCOMPARE(alert.email, u"alice@example.org"_s);
        QVERIFY(alert.score > 20);
    }

    void statsAreExact()
    {
        QString error;
        const std::optional<CampaignStats> stats = CampaignStats::compute(*m_ws, m_campaign, &error);
        QVERIFY2(stats, qPrintable(error));
        QCOMPARE(stats->total, qint64(10));
        QCOMPARE(stats->sent, qint64(9));
        QCOMPARE(stats->failed, qint64(1));
        QCOMPARE(stats->failureReasons.size(), 1);
        QCOMPARE(stats->failureReasons.at(0).count, qint64(1));
        QVERIFY2(stats->failureReasons.at(0).reason.contains(u"550"_s), qPrintable(stats->failureReasons.at(0).reason));
        // alice (opens, clicks), carol and frank (human opens), henry (open before unsubscribing).
        QCOMPARE(stats->opened, qint64(4));
        QCOMPARE(stats->clicked, qint64(1));
        QCOMPARE(stats->humanOpens, qint64(5));
        QCOMPARE(stats->humanClicks, qint64(2));
        QCOMPARE(stats->machineOpens, qint64(2));  // bob's gateway, grace's Apple proxy
        QCOMPARE(stats->machineClicks, qint64(7)); // bob, carol (decoy), dave (HEAD), erin (too soon), frank ×3
        QCOMPARE(stats->unsubscribed, qint64(1));
        QCOMPARE(stats->conversions, qint64(1));
        QCOMPARE(stats->revenue.size(), 1);
        QCOMPARE(stats->revenue.at(0).currency, u"EUR"_s);
        QCOMPARE(stats->revenue.at(0).amount, u"49.90"_s);
        QCOMPARE(stats->revenue.at(0).perClick, u"24.95"_s);
        QCOMPARE(stats->openRate(), 4.0 / 9.0);

        QMap<QString, CampaignStats::Link> links;
        for (const CampaignStats::Link &l : stats->links)
            links.insert(l.url, l);
        QCOMPARE(links.size(), 3);
        QCOMPARE(links.value(pricing).clicks, qint64(1));
        QCOMPARE(links.value(pricing).uniqueClicks, qint64(1));
        QCOMPARE(links.value(pricing).machineClicks, qint64(3)); // bob, erin, frank
        QCOMPARE(links.value(demo).clicks, qint64(1));
        QCOMPARE(links.value(demo).machineClicks, qint64(2)); // dave, frank
        QCOMPARE(links.value(blog).clicks, qint64(0));
        QCOMPARE(links.value(blog).machineClicks, qint64(2)); // carol, frank

        qint64 opens = 0, clicks = 0, machine = 0;
        for (const CampaignStats::Hour &h : stats->hours) {
            QVERIFY(h.hour >= 0 && h.hour <= 1);
            opens += h.opens;
            clicks += h.clicks;
            machine += h.machineOpens + h.machineClicks;
        }
        QCOMPARE(opens, qint64(5));
        QCOMPARE(clicks, qint64(2));
        QCOMPARE(machine, qint64(9));
    }

    void reasonsAreReadable()
    {
        const auto reasonOf = [this](const QString &email, int type) {
            QSqlQuery q(m_ws->database());
            q.prepare(u"SELECT group_concat(reason, ' | ') FROM events e JOIN deliveries d ON d.id = e.delivery_row"
                      " WHERE d.email = ? AND e.type = ? AND e.verdict = 2"_s);
            q.addBindValue(email);
            q.addBindValue(type);
            return q.exec() && q.next() ? q.value(0).toString() : QString();
        };
        QVERIFY2(reasonOf(u"bob@example.org"_s, 2).contains(u"Mimecast"_s), qPrintable(reasonOf(u"bob@example.org"_s, 2)));
        QVERIFY(reasonOf(u"carol@example.org"_s, 2).contains(u"decoy"_s));
        QVERIFY(reasonOf(u"dave@example.org"_s, 2).contains(u"HEAD"_s));
        QVERIFY2(reasonOf(u"erin@example.org"_s, 2).contains(u"too soon"_s), qPrintable(reasonOf(u"erin@example.org"_s, 2)));
        QVERIFY(reasonOf(u"frank@example.org"_s, 2).contains(u"3 different links"_s));
        QVERIFY(reasonOf(u"grace@example.org"_s, 1).contains(u"Apple Mail Privacy Protection"_s));
    }

    void timelinesShowBadges()
    {
        QString error;
        QVERIFY(LeadStore(*m_ws).addNote(LeadStore(*m_ws).findByEmail(u"alice@example.org"_s)->id,
                                         u"Called her back"_s, &error));
        const QJsonObject delivered = timeline(u"alice@example.org"_s, u"delivered"_s);
        QCOMPARE(delivered.value(u"title"_s).toString(), u"Spring prices for alice"_s);
        const QJsonObject badges = delivered.value(u"badges"_s).toObject();
        QCOMPARE(badges.value(u"opened"_s).toObject().value(u"count"_s).toInt(), 2);
        const QJsonArray clicked = badges.value(u"clicked"_s).toArray();
        QCOMPARE(clicked.size(), 2);
        QCOMPARE(clicked.at(0).toObject().value(u"url"_s).toString(), pricing);
        QCOMPARE(clicked.at(1).toObject().value(u"url"_s).toString(), demo);
        QVERIFY(!badges.contains(u"machine"_s));
        QCOMPARE(timeline(u"alice@example.org"_s, u"converted"_s).value(u"detail"_s).toString(), u"49.90 EUR (purchase)"_s);
        const QJsonObject stage = timeline(u"alice@example.org"_s, u"stage_changed"_s);
        QCOMPARE(stage.value(u"title"_s).toString(), u"New → Hot"_s);
        QCOMPARE(stage.value(u"detail"_s).toString(), u"by rule \"%1\""_s.arg(RuleStore::pricingExample().name));
        QVERIFY(!timeline(u"alice@example.org"_s, u"hot_lead"_s).isEmpty());
        QCOMPARE(timeline(u"alice@example.org"_s, u"note"_s).value(u"title"_s).toString(), u"Called her back"_s);
        QCOMPARE(LeadStore(*m_ws).findByEmail(u"alice@example.org"_s)->stage, u"Hot"_s);

        // Machine activity collapsed on carol's item, with its reasons; her own open still counts.
        const QJsonObject carol = timeline(u"carol@example.org"_s, u"delivered"_s).value(u"badges"_s).toObject();
        QCOMPARE(carol.value(u"opened"_s).toObject().value(u"count"_s).toInt(), 1);
        QCOMPARE(carol.value(u"machine"_s).toObject().value(u"count"_s).toInt(), 2); // decoy hit + blog click
        QVERIFY(!carol.contains(u"clicked"_s));
        // Grace's Apple proxy open is machine activity, not "opened".
        const QJsonObject grace = timeline(u"grace@example.org"_s, u"delivered"_s).value(u"badges"_s).toObject();
        QVERIFY(!grace.contains(u"opened"_s));
        QCOMPARE(grace.value(u"machine"_s).toObject().value(u"count"_s).toInt(), 1);

        QVERIFY(!timeline(u"henry@example.org"_s, u"unsubscribed"_s).isEmpty());
        const QJsonObject judy = timeline(u"judy@example.org"_s, u"failed"_s);
        QVERIFY2(judy.value(u"detail"_s).toString().contains(u"550"_s), qPrintable(judy.value(u"detail"_s).toString()));
        QVERIFY(timeline(u"judy@example.org"_s, u"delivered"_s).isEmpty());
    }

    void scores()
    {
        InsightEngine engine(*m_ws, config());
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const auto id = [this](const QString &e) { return LeadStore(*m_ws).findByEmail(e)->id; };
        // 2 opens × 1 + pricing click × 10 (link weight) + demo click × 5 + conversion × 20, minutes old.
        QVERIFY(qAbs(engine.score(id(u"alice@example.org"_s), now) - 37.0) < 0.01);
        QVERIFY(qAbs(engine.score(id(u"carol@example.org"_s), now) - 1.0) < 0.001);
        QCOMPARE(engine.score(id(u"bob@example.org"_s), now), 0.0);
        QCOMPARE(engine.score(id(u"erin@example.org"_s), now), 0.0);
        // Stored on the lead too, so audiences like score>=10 see it.
        QCOMPARE(LeadStore(*m_ws).findByEmail(u"alice@example.org"_s)->score, 37);
        // Two half-lives later a quarter is left.
        const qint64 later = now + static_cast<qint64>(2 * config().halfLifeDays * 86'400'000.0);
        QVERIFY(qAbs(engine.score(id(u"alice@example.org"_s), later) - 37.0 / 4) < 0.01);
    }

    void samePageTwiceChangesNothing()
    {
        // The relay delivers at least once: ingest its first page again, twice over.
        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(m_relayBase + u"/api/v1/events?after=0&limit=100"_s));
        request.setRawHeader("Authorization", QByteArray("Bearer ") + QByteArray::fromStdString(insighttest::apiKey()));
        QNetworkReply *reply = network.get(request);
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(30000));
        QString error;
        const auto page = RelayEventPage::parse(reply->readAll(), &error);
        reply->deleteLater();
        QVERIFY2(page, qPrintable(error));
        QCOMPARE(page->events.size(), 19);
        EventIngestor ingestor(*m_ws);
        for (int round = 0; round < 2; ++round) {
            const auto result = ingestor.ingest(*page, &error);
            QVERIFY2(result, qPrintable(error));
            QCOMPARE(result->ingested, 0);
            QCOMPARE(result->duplicates, 19);
        }
        QVERIFY(syncNow()); // and the poller from its cursor: nothing new
        InsightEngine engine(*m_ws, config());
        QSignalSpy alerts(&engine, &InsightEngine::hotLeadAlert);
        const qint64 now = QDateTime::currentMSecsSinceEpoch() + config().settleMs;
        QVERIFY2(engine.settle(now, &error), qPrintable(error));
        const auto again = engine.reclassifyCampaign(m_campaign, now, &error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(again->rulesApplied, 0);
        QCOMPARE(alerts.count(), 0);
        QCOMPARE(scalar(*m_ws, u"SELECT count(*) FROM events"_s), qint64(19));
        QCOMPARE(scalar(*m_ws, u"SELECT count(*) FROM rule_applications"_s), qint64(1));
        QCOMPARE(scalar(*m_ws, u"SELECT count(*) FROM stage_changes"_s), qint64(1));
        QCOMPARE(scalar(*m_ws, u"SELECT count(*) FROM hot_alerts"_s), qint64(1));
        // Re-classifying rebuilt the aggregates to the same numbers.
        const auto stats = CampaignStats::compute(*m_ws, m_campaign, &error);
        QCOMPARE(stats->opened, qint64(4));
        QCOMPARE(stats->machineClicks, qint64(7));
        QCOMPARE(stats->links.size(), 3);
    }

    void reclassifyAfterRulesChange()
    {
        // A stricter "too soon": every click within 10 minutes of sending is now a machine's.
        InsightConfig strict = config();
        strict.tooSoonMs = 600'000;
        InsightEngine engine(*m_ws, strict);
        QString error;
        QVERIFY2(engine.reclassifyCampaign(m_campaign, QDateTime::currentMSecsSinceEpoch(), &error), qPrintable(error));
        auto stats = CampaignStats::compute(*m_ws, m_campaign, &error);
        QCOMPARE(stats->opened, qint64(0));
        QCOMPARE(stats->clicked, qint64(0));
        QCOMPARE(stats->machineClicks, qint64(9));
        QCOMPARE(stats->links.size(), 3);
        // And back: the same evidence gives the same numbers as before.
        engine.setConfig(config());
        QVERIFY2(engine.reclassifyCampaign(m_campaign, QDateTime::currentMSecsSinceEpoch(), &error), qPrintable(error));
        stats = CampaignStats::compute(*m_ws, m_campaign, &error);
        QCOMPARE(stats->opened, qint64(4));
        QCOMPARE(stats->clicked, qint64(1));
        QCOMPARE(stats->machineClicks, qint64(7));
        QCOMPARE(scalar(*m_ws, u"SELECT count(*) FROM rule_applications"_s), qint64(1));
    }

    void eventsOfUnknownDeliveriesAreKeptAside()
    {
        // Another teammate's delivery: a valid token for a delivery this workspace never made.
        protocol::TokenFields f;
        f.kind = protocol::TokenKind::Open;
        f.delivery = protocol::DeliveryId::random();
        f.issuedAt = QDateTime::currentSecsSinceEpoch() - 60;
        QCOMPARE(get(m_relayBase + u"/o/"_s + QString::fromStdString(protocol::signToken(f, insighttest::signingKey())))
                     .status,
                 200);
        RelayPoller poller(*m_ws);
        QVERIFY(syncNow(&poller));
        QCOMPARE(poller.totals().keptAside, 1);
        QCOMPARE(poller.totals().ingested, 0);
        QCOMPARE(scalar(*m_ws, u"SELECT count(*) FROM orphan_events"_s), qint64(1));
        QCOMPARE(scalar(*m_ws, u"SELECT count(*) FROM events"_s), qint64(19));
    }

    void campaignWithoutClickIdsRedirectsWithout()
    {
        // "Click ids for conversions" unticked on a campaign: its recipients'
        // links redirect without lt_cid, although the relay adds them by default.
        QString error;
        Campaign campaign;
        campaign.name = u"No click ids"_s;
        campaign.subject = u"Plain links for {{first_name}}"_s;
        campaign.html = u"<html><body><p><a href=\"%1\">Pricing</a> <a href=\"%2\">Demo</a></p></body></html>"_s.arg(
            pricing, demo);
        campaign.clickIds = false;
        CampaignStore campaigns(*m_ws);
        QVERIFY2(campaigns.create(campaign, &error), qPrintable(error));
        SenderConfig sender;
        sender.smtp.host = u"127.0.0.1"_s;
        sender.smtp.port = m_smtp->port();
        sender.smtp.security = SmtpSettings::Security::None;
        sender.relayUrl = u"https://127.0.0.1:%1"_s.arg(m_relay->port());
        sender.signingKey = insighttest::signingKey();
        sender.senderName = u"Sales"_s;
        sender.senderEmail = u"sales@example.com"_s;
        const int before = int(m_smtp->messages().size());
        CampaignSender campaignSender(*m_ws, sender);
        QSignalSpy finished(&campaignSender, &CampaignSender::finished);
        QVERIFY2(campaignSender.start(campaign.id, &error), qPrintable(error));
        QVERIFY(finished.wait(60000));
        const QVector<SmtpTestServer::Received> all = m_smtp->messages();
        QVERIFY(all.size() > before);
        const Links links = linksOf(all.at(before).data);
        QVERIFY2(links.clicks.contains(pricing), qPrintable(m_debugHtml));
        const insighttest::Reply click = get(links.clicks.value(pricing));
        QCOMPARE(click.status, 302);
        QCOMPARE(QString::fromStdString(click.location), pricing);
        // Back to the default: a campaign with click ids gets them (checked above, alice's pricing click).
    }

    void cleanupTestCase()
    {
        if (m_relay)
            m_relay->stop();
        m_relay.reset();
        m_smtp.reset();
        m_ws.reset();
    }
};

QTEST_GUILESS_MAIN(TestInsight)
#include "tst_insight.moc"
