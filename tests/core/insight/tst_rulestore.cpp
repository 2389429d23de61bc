// Rules kept by RuleStore: edited in place (checked as when added) and
// switched off and on. A disabled rule stays in the list but InsightEngine no
// longer applies it: shown with a real send, a real click on the real relay,
// a real sync and settle.
#include "ruletestsupport.h"

#include "insight/rulestore.h"
#include "relayserver.h"
#include "store/leadstore.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace leadtrail;
using leadtrail::test::SmtpTestServer;

class TestRuleStore final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void updateChangesEveryField();
    void updateIsCheckedLikeAdd();
    void enableAndDisable();
    void disabledRuleDoesNotMoveALead();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
};

void TestRuleStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QString error;
    m_ws = Workspace::open(m_dir->filePath(u"ws"_s), Workspace::OpenMode::CreateIfMissing, &error);
    QVERIFY2(m_ws, qPrintable(error));
}

void TestRuleStore::cleanup()
{
    m_ws.reset();
    m_dir.reset();
}

void TestRuleStore::updateChangesEveryField()
{
    RuleStore store(*m_ws);
    QString error;
    QVERIFY2(store.addPricingExample(&error), qPrintable(error));
    Rule rule = *store.findByName(RuleStore::pricingExample().name);
    rule.name = u"  Demo interest  "_s;
    rule.pattern = u"/demo"_s;
    rule.action = Rule::Action::AddTag;
    rule.argument = u"demo-interest"_s;
    rule.enabled = false;
    QVERIFY2(store.update(rule, &error), qPrintable(error));

    const QList<Rule> rules = store.list();
    QCOMPARE(rules.size(), 1);
    const Rule &stored = rules.first();
    QCOMPARE(stored.id, rule.id);
    QCOMPARE(stored.name, u"Demo interest"_s);
    QCOMPARE(stored.trigger, Rule::Trigger::ClickMatch);
    QCOMPARE(stored.pattern, u"/demo"_s);
    QCOMPARE(stored.action, Rule::Action::AddTag);
    QCOMPARE(stored.argument, u"demo-interest"_s);
    QVERIFY(!stored.enabled);
}

void TestRuleStore::updateIsCheckedLikeAdd()
{
    RuleStore store(*m_ws);
    QString error;
    QVERIFY2(store.addPricingExample(&error), qPrintable(error));
    Rule other;
    other.name = u"Opens"_s;
    other.trigger = Rule::Trigger::Open;
    other.action = Rule::Action::AddScore;
    other.argument = u"2"_s;
    QVERIFY2(store.add(other, &error), qPrintable(error));

    // A stage that does not exist, a name already taken, a rule that is gone: refused, and nothing changes.
    Rule edited = *store.findByName(RuleStore::pricingExample().name);
    edited.argument = u"Nowhere"_s;
    QVERIFY(!store.update(edited, &error));
    QVERIFY2(error.contains(u"no stage \"Nowhere\""_s), qPrintable(error));
    edited.argument = u"Hot"_s;
    edited.name = u"Opens"_s;
    QVERIFY(!store.update(edited, &error));
    QVERIFY2(error.contains(u"already exists"_s), qPrintable(error));
    Rule gone = edited;
    gone.id = 999;
    gone.name = u"Gone"_s;
    QVERIFY(!store.update(gone, &error));
    QVERIFY2(error.contains(u"no rule 999"_s), qPrintable(error));
    QCOMPARE(store.find(edited.id)->name, RuleStore::pricingExample().name);
    QCOMPARE(store.find(edited.id)->argument, u"Hot"_s);
}

void TestRuleStore::enableAndDisable()
{
    RuleStore store(*m_ws);
    QString error;
    QVERIFY2(store.addPricingExample(&error), qPrintable(error));
    const qint64 id = store.list().first().id;
    QVERIFY(store.find(id)->enabled);
    QVERIFY2(store.setEnabled(id, false, &error), qPrintable(error));
    QVERIFY(!store.find(id)->enabled);
    QVERIFY2(store.setEnabled(id, true, &error), qPrintable(error));
    QVERIFY(store.find(id)->enabled);
    QVERIFY(!store.setEnabled(id + 1, false, &error));
    QVERIFY2(error.contains(u"no rule"_s), qPrintable(error));
}

void TestRuleStore::disabledRuleDoesNotMoveALead()
{
    QString error;
    QVERIFY2(ruletest::addAliceAndBob(*m_ws, &error), qPrintable(error));
    RuleStore rules(*m_ws);
    QVERIFY2(rules.addPricingExample(&error), qPrintable(error));
    const qint64 ruleId = rules.list().first().id;
    QVERIFY2(rules.setEnabled(ruleId, false, &error), qPrintable(error));

    ruletest::Peers peers;
    QVERIFY2(peers.start(m_dir->path(), &error), qPrintable(error));
    const quint16 port = peers.relay->port();
    QVERIFY2(ruletest::sendCampaign(*m_ws, *peers.smtp, port, &error) > 0, qPrintable(error));
    const LeadStore leads(*m_ws);

    // Disabled: alice's pricing click is recorded but moves nobody.
    QCOMPARE(ruletest::clickPricing(*m_ws, u"alice@example.org"_s, port), 302);
    QCOMPARE(ruletest::syncAndSettle(*m_ws, port, &error), 0);
    QCOMPARE(leads.findByEmail(u"alice@example.org"_s)->stage, u"New"_s);

    // Enabled again: bob's identical click moves bob, and only bob.
    QVERIFY2(rules.setEnabled(ruleId, true, &error), qPrintable(error));
    QCOMPARE(ruletest::clickPricing(*m_ws, u"bob@example.org"_s, port), 302);
    QCOMPARE(ruletest::syncAndSettle(*m_ws, port, &error), 1);
    QCOMPARE(leads.findByEmail(u"bob@example.org"_s)->stage, u"Hot"_s);
    QCOMPARE(leads.findByEmail(u"alice@example.org"_s)->stage, u"New"_s);
}

QTEST_GUILESS_MAIN(TestRuleStore)
#include "tst_rulestore.moc"
