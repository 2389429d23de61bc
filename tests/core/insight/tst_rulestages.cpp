// Stage rules that respect the pipeline, and scoring changes that apply at
// once: a real campaign sent through the real SMTP test server, real clicks
// on the real relay (in-process, port 0), a real sync and settle, then what
// the store says about the lead.
//
// Emil's case: a lead set to Customer by hand who clicks the pricing link is
// not moved back to Hot by a forward-only rule (and nothing on his timeline
// claims a move); a rule that allows backward moves does move him. A rule
// limited to stages or to a campaign leaves other leads alone. Lowering the
// hot-lead threshold puts a lead on the hot list at once, with the events
// that count; a weight change rescores everyone at once.
#include "ruletestsupport.h"

#include "insight/hotleadlist.h"
#include "insight/insightengine.h"
#include "insight/leadtimeline.h"
#include "insight/rulestore.h"
#include "store/configuration.h"
#include "store/leadstore.h"
#include "store/workspace.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace leadtrail;

namespace {

qint64 count(const Workspace &ws, const QString &sql)
{
    QSqlQuery q(ws.database());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

class TestRuleStages final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
    std::unique_ptr<ruletest::Peers> m_peers;
    qint64 m_campaign = 0;

    QString stageOf(const QString &email) const { return LeadStore(*m_ws).findByEmail(email)->stage; }
    qint64 leadId(const QString &email) const { return LeadStore(*m_ws).findByEmail(email)->id; }

    void setStage(const QString &email, const QString &stage)
    {
        QString error;
        QVERIFY2(LeadStore(*m_ws).setStage(leadId(email), stage, &error), qPrintable(error));
    }

    Rule pricingRule(const QString &name)
    {
        Rule rule = RuleStore::pricingExample();
        rule.name = name;
        return rule;
    }

    void addRule(Rule &rule)
    {
        QString error;
        QVERIFY2(RuleStore(*m_ws).add(rule, &error), qPrintable(error));
    }

    int clickAndSettle(const QString &email)
    {
        const quint16 port = m_peers->relay->port();
        if (ruletest::clickPricing(*m_ws, email, port) != 302)
            return -1;
        QString error;
        const int applied = ruletest::syncAndSettle(*m_ws, port, &error);
        if (applied < 0)
            qWarning("%s", qPrintable(error));
        return applied;
    }

    /** Sets @p key in the workspace settings, as Settings → Scoring or `config set` does. */
    void setSetting(const QString &key, const QString &value)
    {
        QString message, error;
        QVERIFY2(Configuration(*m_ws).set(key, value, &message, &error), qPrintable(error));
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QString error;
        m_ws = Workspace::open(m_dir->filePath(u"ws"_s), Workspace::OpenMode::CreateIfMissing, &error);
        QVERIFY2(m_ws, qPrintable(error));
        QVERIFY2(ruletest::addAliceAndBob(*m_ws, &error), qPrintable(error));
        m_peers = std::make_unique<ruletest::Peers>();
        QVERIFY2(m_peers->start(m_dir->path(), &error), qPrintable(error));
        m_campaign = ruletest::sendCampaign(*m_ws, *m_peers->smtp, m_peers->relay->port(), &error);
        QVERIFY2(m_campaign > 0, qPrintable(error));
    }

    void cleanup()
    {
        m_peers.reset();
        m_ws.reset();
        m_dir.reset();
    }

    void forwardOnlyRuleLeavesACustomerAlone()
    {
        Rule rule = pricingRule(u"Pricing interest"_s);
        addRule(rule);
        QVERIFY(!rule.allowBackward); // the default
        setStage(u"alice@example.org"_s, u"Customer"_s);

        QCOMPARE(clickAndSettle(u"alice@example.org"_s), 0);
        QCOMPARE(stageOf(u"alice@example.org"_s), u"Customer"_s);
        // Nothing recorded on the lead: no application, no stage change by a rule, no timeline line.
        QCOMPARE(count(*m_ws, u"SELECT count(*) FROM rule_applications"_s), 0);
        QCOMPARE(count(*m_ws, u"SELECT count(*) FROM stage_changes WHERE rule_name IS NOT NULL AND rule_name <> ''"_s), 0);
        QString error;
        const auto timeline = LeadTimeline::build(*m_ws, leadId(u"alice@example.org"_s), &error);
        QVERIFY2(timeline, qPrintable(error));
        for (const TimelineItem &item : *timeline) {
            QVERIFY2(!item.title.contains(u"Pricing interest"_s) && !item.detail.contains(u"Pricing interest"_s),
                     qPrintable(item.title + u" — "_s + item.detail));
        }

        // A lead further back (New) is still moved forward by the same rule.
        QCOMPARE(clickAndSettle(u"bob@example.org"_s), 1);
        QCOMPARE(stageOf(u"bob@example.org"_s), u"Hot"_s);
    }

    void backwardRuleMovesACustomer()
    {
        Rule rule = pricingRule(u"Pricing interest, even for customers"_s);
        rule.allowBackward = true;
        addRule(rule);
        QVERIFY(RuleStore(*m_ws).find(rule.id)->allowBackward); // stored
        setStage(u"alice@example.org"_s, u"Customer"_s);

        QCOMPARE(clickAndSettle(u"alice@example.org"_s), 1);
        QCOMPARE(stageOf(u"alice@example.org"_s), u"Hot"_s);
    }

    void onlyInStagesRestricts()
    {
        Rule rule = pricingRule(u"Contacted leads who look at prices"_s);
        rule.onlyInStages = {u"contacted"_s, u"Engaged"_s};
        addRule(rule);
        QCOMPARE(RuleStore(*m_ws).find(rule.id)->onlyInStages, (QStringList{u"Contacted"_s, u"Engaged"_s}));
        setStage(u"bob@example.org"_s, u"Contacted"_s);

        QCOMPARE(clickAndSettle(u"alice@example.org"_s), 0); // in New
        QCOMPARE(stageOf(u"alice@example.org"_s), u"New"_s);
        QCOMPARE(clickAndSettle(u"bob@example.org"_s), 1);
        QCOMPARE(stageOf(u"bob@example.org"_s), u"Hot"_s);

        Rule unknown = pricingRule(u"Nowhere"_s);
        unknown.onlyInStages = {u"Nowhere"_s};
        QString error;
        QVERIFY(!RuleStore(*m_ws).add(unknown, &error));
        QVERIFY2(error.contains(u"no stage \"Nowhere\""_s), qPrintable(error));
    }

    void campaignLimitRestricts()
    {
        Rule other = pricingRule(u"Another campaign's pricing"_s);
        QString error;
        Campaign second;
        second.name = u"Second"_s;
        second.subject = u"Second"_s;
        second.html = u"<p>hi</p>"_s;
        QVERIFY2(CampaignStore(*m_ws).create(second, &error), qPrintable(error));
        other.campaignId = second.id;
        addRule(other);
        QCOMPARE(clickAndSettle(u"alice@example.org"_s), 0);
        QCOMPARE(stageOf(u"alice@example.org"_s), u"New"_s);

        Rule mine = pricingRule(u"This campaign's pricing"_s);
        mine.campaignId = m_campaign;
        addRule(mine);
        QCOMPARE(clickAndSettle(u"bob@example.org"_s), 1);
        QCOMPARE(stageOf(u"bob@example.org"_s), u"Hot"_s);
    }

    void loweredThresholdAppliesAtOnce()
    {
        // A click worth 7 points, under the default threshold of 20.
        setSetting(u"insight.weight.click"_s, u"7"_s);
        InsightEngine engine(*m_ws, InsightConfig::fromWorkspace(*m_ws));
        QCOMPARE(clickAndSettle(u"alice@example.org"_s), 0);
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        QString error;
        QVERIFY2(engine.rescoreAll(before, &error), qPrintable(error));
        QVERIFY(qAbs(engine.score(leadId(u"alice@example.org"_s), before) - 7.0) < 0.01);
        QVERIFY(HotLeadList::current(*m_ws).isEmpty());

        // The threshold lowered to 5: she is hot at once, without a new event.
        setSetting(u"insight.hot_threshold"_s, u"5"_s);
        engine.setConfig(InsightConfig::fromWorkspace(*m_ws));
        QSignalSpy alerts(&engine, &InsightEngine::hotLeadAlert);
        const auto result = engine.rescoreAll(QDateTime::currentMSecsSinceEpoch(), &error);
        QVERIFY2(result, qPrintable(error));
        QCOMPARE(result->leads, 1);
        QCOMPARE(alerts.count(), 1);
        const QList<HotLeadAlert> hot = HotLeadList::current(*m_ws);
        QCOMPARE(hot.size(), 1);
        const HotLeadAlert &alice = hot.constFirst();
        QCOMPARE(alice.email, u"alice@example.org"_s);
        QVERIFY(qAbs(alice.score - 7.0) < 0.01);
        QCOMPARE(alice.threshold, 5.0);
        // Why: the click, its link, its campaign and when.
        QCOMPARE(alice.evidence.size(), 1);
        const HotLeadEvidence &click = alice.evidence.constFirst();
        QCOMPARE(click.type, EventType::Click);
        QCOMPARE(click.url, ruletest::pricingUrl);
        QCOMPARE(click.campaign, u"Pricing news"_s);
        QSqlQuery q(m_ws->database());
        QVERIFY(q.exec(u"SELECT time FROM events WHERE type = 2 AND verdict = 1"_s) && q.next());
        QCOMPARE(click.at, QDateTime::fromMSecsSinceEpoch(q.value(0).toLongLong(), Qt::UTC));
        QCOMPARE(LeadStore(*m_ws).findByEmail(u"alice@example.org"_s)->score, 7);

        // The threshold shown is the one set now, not the one of her alert.
        setSetting(u"insight.hot_threshold"_s, u"6"_s);
        engine.setConfig(InsightConfig::fromWorkspace(*m_ws));
        QVERIFY2(engine.rescoreAll(QDateTime::currentMSecsSinceEpoch(), &error), qPrintable(error));
        QCOMPARE(HotLeadList::current(*m_ws).constFirst().threshold, 6.0);
    }

    void weightChangeAppliesAtOnce()
    {
        // 4, not 5: a score of 5 is a hair under 5 a moment later (it decays).
        setSetting(u"insight.hot_threshold"_s, u"4"_s);
        InsightEngine engine(*m_ws, InsightConfig::fromWorkspace(*m_ws));
        QCOMPARE(clickAndSettle(u"alice@example.org"_s), 0);
        QString error;
        QVERIFY2(engine.rescoreAll(QDateTime::currentMSecsSinceEpoch(), &error), qPrintable(error));
        QCOMPARE(LeadStore(*m_ws).findByEmail(u"alice@example.org"_s)->score, 5);
        QCOMPARE(HotLeadList::current(*m_ws).size(), 1);

        // Clicks are worth 3 now: her score is 3 at once, and she is off the list.
        setSetting(u"insight.weight.click"_s, u"3"_s);
        const InsightConfig lighter = InsightConfig::fromWorkspace(*m_ws);
        QVERIFY(!lighter.scoresLike(engine.config()));
        engine.setConfig(lighter);
        QVERIFY2(engine.rescoreAll(QDateTime::currentMSecsSinceEpoch(), &error), qPrintable(error));
        QCOMPARE(LeadStore(*m_ws).findByEmail(u"alice@example.org"_s)->score, 3);
        QVERIFY(HotLeadList::current(*m_ws).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRuleStages)
#include "tst_rulestages.moc"
