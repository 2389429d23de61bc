// leadtrail-cli's insight commands as a user runs them, as real processes on
// a temporary workspace: relay pair, sync (twice: nothing doubled), campaign
// stats --json, campaign reclassify, lead timeline|score, hot-leads, rules,
// and sync with the relay gone (an error in words, and sync --status).
#include "insighttestsupport.h"

#include "protocol/pairing.h"
#include "protocol/token.h"
#include "relayserver.h"
#include "sending/campaignstore.h"
#include "store/leadstore.h"
#include "store/workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace leadtrail;

class TestInsightCli final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<relay::RelayServer> m_relay;
    qint64 m_campaign = 0;
    QString m_delivery;

    struct Run
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };

    Run cli(const QStringList &args, const QByteArray &input = {})
    {
        QProcess process;
        process.start(QStringLiteral(LEADTRAIL_CLI_PATH), QStringList{u"--workspace"_s, m_dir.filePath(u"ws"_s)} + args);
        process.write(input);
        process.closeWriteChannel();
        Run run;
        if (!process.waitForFinished(120000))
            return run;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        return run;
    }

    QJsonDocument json(const QStringList &args)
    {
        const Run run = cli(args);
        if (run.code != 0)
            qWarning("leadtrail-cli %s: %s", qPrintable(args.join(u' ')), run.err.constData());
        return QJsonDocument::fromJson(run.out);
    }

    std::string url(protocol::TokenKind kind, char path, const QString &destination = {}, std::uint32_t link = 0) const
    {
        protocol::TokenFields f;
        f.kind = kind;
        f.delivery = *protocol::DeliveryId::fromHex(m_delivery.toStdString());
        f.linkIndex = link;
        f.issuedAt = QDateTime::currentSecsSinceEpoch();
        f.url = destination.toStdString();
        return "http://127.0.0.1:" + std::to_string(m_relay->port()) + "/" + path + "/"
             + protocol::signToken(f, insighttest::signingKey());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(cli({u"init"_s}).code, 0);
        m_relay = std::make_unique<relay::RelayServer>(insighttest::relayConfig(m_dir.path().toStdString()));
        m_relay->start();
        protocol::PairingInfo info;
        info.publicUrl = "http://127.0.0.1:" + std::to_string(m_relay->port());
        info.signingKey = insighttest::signingKey();
        info.apiKey = insighttest::apiKey();
        const Run pair = cli({u"relay"_s, u"pair"_s, u"-"_s}, QByteArray::fromStdString(protocol::formatPairingCode(info)));
        QVERIFY2(pair.code == 0, pair.err.constData());
        // A quick workspace: classify at once and call a lead hot at 5 points.
        for (const auto &[key, value] : {std::pair{u"insight.settle_seconds"_s, u"0"_s},
                                         std::pair{u"insight.too_soon_seconds"_s, u"0"_s},
                                         std::pair{u"insight.min_read_seconds"_s, u"0"_s},
                                         std::pair{u"insight.hot_threshold"_s, u"5"_s}})
            QCOMPARE(cli({u"config"_s, u"set"_s, key, value}).code, 0);

        // A campaign with one sent delivery, booked through the store as the sender does.
        QString error;
        auto ws = Workspace::open(m_dir.filePath(u"ws"_s), Workspace::OpenMode::OpenExisting, &error);
        QVERIFY2(ws, qPrintable(error));
        Lead lead;
        lead.email = u"ada@example.org"_s;
        lead.firstName = u"Ada"_s;
        QVERIFY2(LeadStore(*ws).add(lead, &error), qPrintable(error));
        CampaignStore campaigns(*ws);
        Campaign campaign;
        campaign.name = u"Launch"_s;
        campaign.subject = u"Hello {{first_name}}"_s;
        campaign.html = u"<p><a href=\"https://shop.example/pricing\">Pricing</a></p>"_s;
        QVERIFY2(campaigns.create(campaign, &error), qPrintable(error));
        m_campaign = campaign.id;
        QVERIFY2(campaigns.freeze(m_campaign, &error), qPrintable(error));
        const Delivery d = campaigns.deliveries(m_campaign).constFirst();
        QVERIFY(campaigns.markSending(d.rowId, u"<m@example.com>"_s, &error));
        QVERIFY(campaigns.markFinalDot(d.rowId, &error));
        QVERIFY(campaigns.markSent(d.rowId, 250, u"OK"_s, QDateTime::currentDateTimeUtc().addSecs(-120), &error));
        m_delivery = d.deliveryId;
    }

    void rules()
    {
        const Run bad = cli({u"rules"_s, u"add"_s, u"--name"_s, u"x"_s, u"--when"_s, u"click"_s, u"--then"_s,
                             u"stage"_s, u"--value"_s, u"Nowhere"_s});
        QCOMPARE(bad.code, 1);
        QVERIFY2(bad.err.contains("no stage \"Nowhere\""), bad.err.constData());
        QCOMPARE(json({u"rules"_s, u"list"_s, u"--json"_s}).array().size(), 0);

        const Run add = cli({u"rules"_s, u"add"_s, u"--name"_s, u"Pricing is hot"_s, u"--when"_s, u"click-match"_s,
                             u"--match"_s, u"pricing"_s, u"--then"_s, u"stage"_s, u"--value"_s, u"hot"_s});
        QVERIFY2(add.code == 0, add.err.constData());
        const Run extra = cli({u"rules"_s, u"add"_s, u"--name"_s, u"Tag openers"_s, u"--when"_s, u"open"_s,
                               u"--then"_s, u"tag"_s, u"--value"_s, u"opened"_s});
        QCOMPARE(extra.code, 0);
        const QJsonArray rules = json({u"rules"_s, u"list"_s, u"--json"_s}).array();
        QCOMPARE(rules.size(), 2);
        QCOMPARE(rules.at(0).toObject().value(u"value"_s).toString(), u"Hot"_s); // the stage as the workspace spells it
        QCOMPARE(cli({u"rules"_s, u"remove"_s, QString::number(rules.at(1).toObject().value(u"id"_s).toInteger())}).code, 0);
        QCOMPARE(json({u"rules"_s, u"list"_s, u"--json"_s}).array().size(), 1);
    }

    void syncStatsTimelineScore()
    {
        QCOMPARE(insighttest::hit("GET", url(protocol::TokenKind::Open, 'o'), insighttest::browserUa).status, 200);
        QCOMPARE(insighttest::hit("GET", url(protocol::TokenKind::Click, 'c', u"https://shop.example/pricing"_s, 1),
                                  insighttest::browserUa).status, 302);
        QCOMPARE(insighttest::hit("GET", url(protocol::TokenKind::Click, 'c', u"https://shop.example/pricing"_s, 1),
                                  insighttest::scannerUa).status, 302);

        const QJsonObject first = json({u"sync"_s, u"--json"_s}).object();
        QCOMPARE(first.value(u"ingested"_s).toInt(), 3);
        QCOMPARE(first.value(u"duplicates"_s).toInt(), 0);
        QCOMPARE(first.value(u"kept_aside"_s).toInt(), 0);
        QCOMPARE(first.value(u"rules_applied"_s).toInt(), 1);
        QCOMPARE(first.value(u"alerts"_s).toInt(), 1);
        const Run second = cli({u"sync"_s});
        QCOMPARE(second.code, 0);
        QVERIFY2(second.out.contains("Ingested 0 events, skipped 0 duplicates, kept aside 0"), second.out.constData());

        const QJsonObject stats = json({u"campaign"_s, u"stats"_s, QString::number(m_campaign), u"--json"_s}).object();
        for (const QString &key : {u"total"_s, u"sent"_s, u"failed"_s, u"opened"_s, u"clicked"_s, u"machine_opens"_s,
                                   u"machine_clicks"_s, u"unsubscribed"_s, u"conversions"_s, u"revenue"_s, u"links"_s})
            QVERIFY2(stats.contains(key), qPrintable(key));
        QCOMPARE(stats.value(u"total"_s).toInt(), 1);
        QCOMPARE(stats.value(u"sent"_s).toInt(), 1);
        QCOMPARE(stats.value(u"opened"_s).toInt(), 1);
        QCOMPARE(stats.value(u"clicked"_s).toInt(), 1);
        QCOMPARE(stats.value(u"machine_clicks"_s).toInt(), 1);
        const QJsonObject link = stats.value(u"links"_s).toArray().at(0).toObject();
        QCOMPARE(link.value(u"url"_s).toString(), u"https://shop.example/pricing"_s);
        QCOMPARE(link.value(u"clicks"_s).toInt(), 1);
        QCOMPARE(link.value(u"unique_clicks"_s).toInt(), 1);
        QCOMPARE(link.value(u"machine_clicks"_s).toInt(), 1);

        const QJsonArray timeline = json({u"lead"_s, u"timeline"_s, u"ada@example.org"_s, u"--json"_s}).array();
        QStringList kinds;
        for (const QJsonValue &v : timeline)
            kinds.append(v.toObject().value(u"kind"_s).toString());
        QVERIFY2(kinds.contains(u"delivered"_s) && kinds.contains(u"stage_changed"_s) && kinds.contains(u"hot_lead"_s)
                     && kinds.contains(u"rule_applied"_s),
                 qPrintable(kinds.join(u',')));
        const QJsonObject delivered = timeline.at(kinds.indexOf(u"delivered"_s)).toObject();
        QCOMPARE(delivered.value(u"title"_s).toString(), u"Hello Ada"_s);
        QCOMPARE(delivered.value(u"badges"_s).toObject().value(u"clicked"_s).toArray().size(), 1);
        QCOMPARE(delivered.value(u"badges"_s).toObject().value(u"machine"_s).toObject().value(u"count"_s).toInt(), 1);

        const QJsonObject score = json({u"lead"_s, u"score"_s, u"ada@example.org"_s, u"--json"_s}).object();
        QVERIFY(qAbs(score.value(u"score"_s).toDouble() - 6.0) < 0.01); // open 1 + click 5
        QVERIFY(score.value(u"hot"_s).toBool());
        const QJsonArray hot = json({u"hot-leads"_s, u"--json"_s}).array();
        QCOMPARE(hot.size(), 1);
        QCOMPARE(hot.at(0).toObject().value(u"email"_s).toString(), u"ada@example.org"_s);
        // "Why hot" says what she did: the human open and the human click, with its link and time.
        const QJsonArray why = hot.at(0).toObject().value(u"why"_s).toArray();
        QCOMPARE(why.size(), 2);
        QStringList events;
        for (const QJsonValue &e : why) {
            events << e.toObject().value(u"event"_s).toString();
            QVERIFY(QDateTime::fromString(e.toObject().value(u"at"_s).toString(), Qt::ISODateWithMs).isValid());
            QCOMPARE(e.toObject().value(u"campaign"_s).toString().isEmpty(), false);
        }
        events.sort();
        QCOMPARE(events, (QStringList{u"clicked"_s, u"opened"_s}));
        for (const QJsonValue &e : why) {
            if (e.toObject().value(u"event"_s).toString() == u"clicked"_s)
                QCOMPARE(e.toObject().value(u"url"_s).toString(), u"https://shop.example/pricing"_s);
        }
        const Run text = cli({u"hot-leads"_s});
        QVERIFY2(text.out.contains("(threshold 5)") && text.out.contains("clicked https://shop.example/pricing in "),
                 text.out.constData());

        // A threshold raised over her score takes her off the list at once, and lowered again puts her back.
        QCOMPARE(cli({u"config"_s, u"set"_s, u"insight.hot_threshold"_s, u"7"_s}).code, 0);
        QCOMPARE(json({u"hot-leads"_s, u"--json"_s}).array().size(), 0);
        QCOMPARE(cli({u"config"_s, u"set"_s, u"insight.hot_threshold"_s, u"5"_s}).code, 0);
        const QJsonArray again = json({u"hot-leads"_s, u"--json"_s}).array();
        QCOMPARE(again.size(), 1);
        QCOMPARE(again.at(0).toObject().value(u"threshold"_s).toDouble(), 5.0);

        // rules add: the stage limits and backward moves, shown by rules list.
        const Run limited = cli({u"rules"_s, u"add"_s, u"--name"_s, u"Back to hot"_s, u"--when"_s, u"click"_s,
                                 u"--only-in-stage"_s, u"customer"_s, u"--only-in-stage"_s, u"Lost"_s, u"--then"_s,
                                 u"stage"_s, u"--value"_s, u"Hot"_s, u"--allow-backward"_s});
        QVERIFY2(limited.code == 0, limited.err.constData());
        const QJsonArray rules = json({u"rules"_s, u"list"_s, u"--json"_s}).array();
        const QJsonObject back = rules.last().toObject();
        QCOMPARE(back.value(u"only_in_stages"_s).toArray(), (QJsonArray{u"Customer"_s, u"Lost"_s}));
        QVERIFY(back.value(u"allow_backward"_s).toBool());
        QVERIFY(!rules.first().toObject().value(u"allow_backward"_s).toBool());
        const Run listed = cli({u"rules"_s, u"list"_s});
        QVERIFY2(listed.out.contains("only for leads in Customer, Lost, backward moves allowed"), listed.out.constData());
        const Run wrongStage = cli({u"rules"_s, u"add"_s, u"--name"_s, u"y"_s, u"--when"_s, u"click"_s,
                                    u"--only-in-stage"_s, u"Nowhere"_s, u"--then"_s, u"tag"_s, u"--value"_s, u"t"_s});
        QCOMPARE(wrongStage.code, 1);
        QVERIFY2(wrongStage.err.contains("no stage \"Nowhere\""), wrongStage.err.constData());
        QCOMPARE(cli({u"rules"_s, u"remove"_s, QString::number(back.value(u"id"_s).toInteger())}).code, 0);

        const Run reclassify = cli({u"campaign"_s, u"reclassify"_s, QString::number(m_campaign)});
        QVERIFY2(reclassify.code == 0, reclassify.err.constData());
        QVERIFY2(reclassify.out.contains("0 rules applied"), reclassify.out.constData());
        QCOMPARE(cli({u"campaign"_s, u"stats"_s, u"999"_s}).code, 1);
    }

    void syncWithTheRelayGone()
    {
        m_relay->stop();
        m_relay.reset();
        const Run run = cli({u"sync"_s, u"--retries"_s, u"2"_s});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains("cannot be reached"), run.err.constData());
        const Run status = cli({u"sync"_s, u"--status"_s});
        QCOMPARE(status.code, 0);
        QVERIFY2(status.out.contains("cannot be reached"), status.out.constData());
        QVERIFY2(status.out.contains("ingested 3, duplicates 0, kept aside 0"), status.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestInsightCli)
#include "tst_insightcli.moc"
