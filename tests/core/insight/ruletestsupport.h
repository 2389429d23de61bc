#pragma once

// Shared by the rule tests (core and UI): a real campaign sent through the
// real SMTP test server, a real click on the real relay (in-process, port 0)
// with a token signed exactly as the sender signs it, then a real sync and
// settle. What a rule does to a lead is then read back from the store.

#include "insighttestsupport.h"

#include "insight/insightengine.h"
#include "insight/relaypoller.h"
#include "protocol/token.h"
#include "sending/campaignsender.h"
#include "relayserver.h"
#include "sending/campaignstore.h"
#include "store/leadstore.h"
#include "store/workspace.h"

#include "smtptestserver.h"

#include <QDateTime>
#include <QDir>
#include <QSignalSpy>
#include <QSqlQuery>

namespace ruletest {

inline const QString pricingUrl = QStringLiteral("https://shop.example/pricing");

/** alice@example.org and bob@example.org, both in stage New; false with @p error. */
inline bool addAliceAndBob(const leadtrail::Workspace &ws, QString *error)
{
    leadtrail::LeadStore leads(ws);
    for (const QString &name : {QStringLiteral("alice"), QStringLiteral("bob")}) {
        leadtrail::Lead lead;
        lead.email = name + QStringLiteral("@example.org");
        lead.firstName = name;
        lead.stage = QStringLiteral("New");
        if (!leads.add(lead, error))
            return false;
    }
    return true;
}

/** The real peers of a rule test: the relay (in-process, port 0) and the SMTP server, both in @p dir. */
struct Peers
{
    std::unique_ptr<leadtrail::relay::RelayServer> relay;
    std::unique_ptr<leadtrail::test::SmtpTestServer> smtp;

    bool start(const QString &dir, QString *error)
    {
        relay = std::make_unique<leadtrail::relay::RelayServer>(insighttest::relayConfig(dir.toStdString()));
        relay->start();
        const QString smtpDir = dir + QStringLiteral("/smtp");
        if (!QDir().mkpath(smtpDir)) {
            *error = QStringLiteral("cannot create %1").arg(smtpDir);
            return false;
        }
        smtp = std::make_unique<leadtrail::test::SmtpTestServer>(smtpDir);
        return smtp->start({}, error);
    }
    ~Peers()
    {
        if (relay)
            relay->stop();
    }
};

/** Sends a one-link campaign to every lead; the campaign id, or 0 with @p error. */
inline qint64 sendCampaign(const leadtrail::Workspace &ws, const leadtrail::test::SmtpTestServer &smtp,
                           quint16 relayPort, QString *error)
{
    using namespace leadtrail;
    Campaign campaign;
    campaign.name = QStringLiteral("Pricing news");
    campaign.subject = QStringLiteral("New prices");
    campaign.html = QStringLiteral("<p><a href=\"%1\">Pricing</a></p>").arg(pricingUrl);
    campaign.decoyLink = false;
    if (!CampaignStore(ws).create(campaign, error))
        return 0;
    SenderConfig sender;
    sender.smtp.host = QStringLiteral("127.0.0.1");
    sender.smtp.port = smtp.port();
    sender.smtp.security = SmtpSettings::Security::None;
    sender.relayUrl = QStringLiteral("https://127.0.0.1:%1").arg(relayPort);
    sender.signingKey = insighttest::signingKey();
    sender.senderName = QStringLiteral("Sales");
    sender.senderEmail = QStringLiteral("sales@example.com");
    CampaignSender campaignSender(ws, sender);
    QSignalSpy finished(&campaignSender, &CampaignSender::finished);
    if (!campaignSender.start(campaign.id, error))
        return 0;
    if (!finished.wait(60000) || finished.at(0).at(1).value<CampaignState>() != CampaignState::Sent) {
        *error = QStringLiteral("the campaign was not sent");
        return 0;
    }
    return campaign.id;
}

/** A person's click on the pricing link of @p email's delivery: the relay's HTTP status. */
inline int clickPricing(const leadtrail::Workspace &ws, const QString &email, quint16 relayPort)
{
    using namespace leadtrail;
    QSqlQuery q(ws.database());
    q.prepare(QStringLiteral("SELECT delivery_id FROM deliveries WHERE email = ?"));
    q.addBindValue(email);
    if (!q.exec() || !q.next())
        return 0;
    protocol::TokenFields fields;
    fields.kind = protocol::TokenKind::Click;
    fields.delivery = *protocol::DeliveryId::fromHex(q.value(0).toString().toStdString());
    fields.issuedAt = QDateTime::currentSecsSinceEpoch();
    fields.url = pricingUrl.toStdString();
    const std::string token = protocol::signToken(fields, insighttest::signingKey());
    return insighttest::hit("GET", "http://127.0.0.1:" + std::to_string(relayPort) + "/c/" + token,
                            insighttest::browserUa).status;
}

/** Pulls every event from the relay and settles them at once; rules applied, or -1 with @p error. */
inline int syncAndSettle(const leadtrail::Workspace &ws, quint16 relayPort, QString *error)
{
    using namespace leadtrail;
    RelayPoller poller(ws);
    poller.setRelay(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(relayPort)),
                    QString::fromStdString(insighttest::apiKey()));
    QSignalSpy finished(&poller, &RelayPoller::finished);
    poller.start(RelayPoller::Mode::UntilCaughtUp);
    if (!finished.wait(60000) || !finished.at(0).at(0).toBool()) {
        *error = QStringLiteral("sync failed: %1").arg(poller.state().error);
        return -1;
    }
    InsightConfig config;
    config.settleMs = 0;
    config.tooSoonMs = 0; // the click comes a moment after sending; no person is that fast, but this one is
    config.minReadMs = 0;
    InsightEngine engine(ws, config);
    const std::optional<InsightEngine::Result> result =
        engine.settle(QDateTime::currentMSecsSinceEpoch() + 1000, error);
    return result ? result->rulesApplied : -1;
}

} // namespace ruletest
