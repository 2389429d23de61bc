// The Rules screen driven through its widgets on a real workspace: editing a
// rule in the editor dialog (its sentence follows the typing, the store
// follows Save), switching a rule off with its checkbox (greyed, "(disabled)"),
// and a switched-off rule that leaves a lead where it is when a matching click
// arrives from the real relay.

#include "ruleeditordialog.h"
#include "ruleform.h"
#include "rulespage.h"
#include "theme.h"

#include "relayserver.h"
#include "ruletestsupport.h"

#include "insight/rulestore.h"
#include "sending/campaignstore.h"
#include "store/leadstore.h"
#include "store/workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace leadtrail;
using leadtrail::test::SmtpTestServer;

class TestRules final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void editChangesSentenceAndStore();
    void refusedEditKeepsTheDialogOpen();
    void checkboxDisablesAndEnables();
    void disabledRuleDoesNotMoveALead();
    void editorOffersBackwardMovesStagesAndCampaign();

private:
    qint64 ruleId(const QString &name) const { return RuleStore(*m_ws).findByName(name)->id; }
    QString rowText(qint64 id) const { return m_page->list()->item(m_page->rowOf(id))->text(); }
    void screenshot(QWidget *widget, const QString &name);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
    std::unique_ptr<RulesPage> m_page;
};

void TestRules::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir->filePath(u"config"_s));
    QString error;
    m_ws = Workspace::open(m_dir->filePath(u"ws"_s), Workspace::OpenMode::CreateIfMissing, &error);
    QVERIFY2(m_ws, qPrintable(error));
    QVERIFY2(ruletest::addAliceAndBob(*m_ws, &error), qPrintable(error));
    RuleStore rules(*m_ws);
    QVERIFY2(rules.addPricingExample(&error), qPrintable(error));
    Rule opens;
    opens.name = u"Openers get points"_s;
    opens.trigger = Rule::Trigger::Open;
    opens.action = Rule::Action::AddScore;
    opens.argument = u"2"_s;
    QVERIFY2(rules.add(opens, &error), qPrintable(error));

    Theme::apply(Theme::Mode::Light);
    m_page = std::make_unique<RulesPage>(*m_ws);
    m_page->resize(820, 620);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
}

void TestRules::cleanup()
{
    m_page.reset();
    m_ws.reset();
    m_dir.reset();
}

void TestRules::screenshot(QWidget *widget, const QString &name)
{
    QTest::qWait(50);
    QDir().mkpath(QStringLiteral(LEADTRAIL_SCREENSHOT_DIR));
    const QString path = QStringLiteral(LEADTRAIL_SCREENSHOT_DIR "/%1.png").arg(name);
    QVERIFY2(widget->grab().save(path), qPrintable(path));
}

void TestRules::editChangesSentenceAndStore()
{
    const qint64 id = ruleId(RuleStore::pricingExample().name);
    QVERIFY2(rowText(id).contains(u"When a lead clicks a link containing pricing in any campaign, move them to Hot."_s),
             qPrintable(rowText(id)));
    m_page->list()->setCurrentRow(m_page->rowOf(id));
    QTest::keyClick(m_page->list(), Qt::Key_F2);
    // The Edit button's shortcut "presses" it visibly, then clicks: a moment later.
    QTRY_VERIFY(m_page->findChild<RuleEditorDialog *>());
    auto *dialog = m_page->findChild<RuleEditorDialog *>();
    QVERIFY(dialog->isVisible());
    RuleForm *form = dialog->form();
    // Prefilled with the rule as stored.
    QCOMPARE(form->nameField()->text(), RuleStore::pricingExample().name);
    QCOMPARE(form->patternField()->text(), u"pricing"_s);
    QCOMPARE(form->stageField()->currentText(), u"Hot"_s);

    // The sentence follows the typing.
    form->patternField()->clear();
    QTest::keyClicks(form->patternField(), u"/plans"_s);
    QVERIFY2(form->sentence().contains(u"clicks a link containing /plans"_s), qPrintable(form->sentence()));
    form->actionField()->setCurrentIndex(form->actionField()->findData(int(Rule::Action::AddTag)));
    QTest::keyClicks(form->argumentField(), u"plans-interest"_s);
    QCOMPARE(form->sentence(),
             u"When a lead clicks a link containing /plans in any campaign, tag them \"plans-interest\"."_s);
    screenshot(dialog, u"rule-editor"_s);

    // Nothing is stored before Save.
    QCOMPARE(RuleStore(*m_ws).find(id)->pattern, u"pricing"_s);
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save), Qt::LeftButton);
    QTRY_VERIFY(!m_page->findChild<RuleEditorDialog *>());

    const Rule stored = *RuleStore(*m_ws).find(id);
    QCOMPARE(stored.pattern, u"/plans"_s);
    QCOMPARE(stored.action, Rule::Action::AddTag);
    QCOMPARE(stored.argument, u"plans-interest"_s);
    QVERIFY(stored.enabled);
    QVERIFY2(rowText(id).contains(u"When a lead clicks a link containing /plans in any campaign, tag them \"plans-interest\"."_s),
             qPrintable(rowText(id)));
}

void TestRules::refusedEditKeepsTheDialogOpen()
{
    const qint64 id = ruleId(u"Openers get points"_s);
    RuleEditorDialog *dialog = m_page->editRule(id);
    QVERIFY(dialog);
    dialog->form()->argumentField()->setText(u"lots"_s);
    QVERIFY(!dialog->save());
    QVERIFY2(dialog->errorText().contains(u"needs a number to add, not \"lots\""_s), qPrintable(dialog->errorText()));
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->form()->argumentField()->text(), u"lots"_s); // what was typed is still there
    QCOMPARE(RuleStore(*m_ws).find(id)->argument, u"2"_s);

    // Another rule's name is refused too.
    dialog->form()->argumentField()->setText(u"3"_s);
    dialog->form()->nameField()->setText(RuleStore::pricingExample().name);
    QVERIFY(!dialog->save());
    QVERIFY2(dialog->errorText().contains(u"already exists"_s), qPrintable(dialog->errorText()));
    dialog->reject();
    QCOMPARE(RuleStore(*m_ws).find(id)->name, u"Openers get points"_s);
}

void TestRules::checkboxDisablesAndEnables()
{
    const qint64 id = ruleId(RuleStore::pricingExample().name);
    QListWidgetItem *item = m_page->list()->item(m_page->rowOf(id));
    QCOMPARE(item->checkState(), Qt::Checked);
    QVERIFY(!item->text().contains(u"(disabled)"_s));
    // Untick it as a user would: click the check box of the row.
    m_page->list()->scrollToItem(item);
    const QRect rect = m_page->list()->visualItemRect(item);
    QTest::mouseClick(m_page->list()->viewport(), Qt::LeftButton, {}, QPoint(rect.left() + 12, rect.center().y()));
    QTRY_VERIFY(!RuleStore(*m_ws).find(id)->enabled);
    item = m_page->list()->item(m_page->rowOf(id));
    QCOMPARE(item->checkState(), Qt::Unchecked);
    QVERIFY2(item->text().endsWith(u"(disabled)"_s), qPrintable(item->text()));
    QCOMPARE(item->foreground().color(), m_page->palette().color(QPalette::Disabled, QPalette::Text));
    // The other rule is untouched.
    QVERIFY(RuleStore(*m_ws).find(ruleId(u"Openers get points"_s))->enabled);
    // Nothing selected, so the greyed row shows as a user sees it after moving on.
    m_page->list()->setCurrentItem(nullptr);
    screenshot(m_page.get(), u"rules-one-disabled"_s);
    Theme::apply(Theme::Mode::Dark);
    m_page->reload(); // greyed with the dark palette's disabled colour
    m_page->list()->setCurrentItem(nullptr);
    screenshot(m_page.get(), u"rules-one-disabled-dark"_s);
    {
        RuleEditorDialog *dialog = m_page->editRule(id);
        QVERIFY(dialog);
        QVERIFY(!dialog->enabledBox()->isChecked());
        screenshot(dialog, u"rule-editor-dark"_s);
        dialog->reject();
    }
    Theme::apply(Theme::Mode::Light);

    item = m_page->list()->item(m_page->rowOf(id));
    item->setCheckState(Qt::Checked);
    QTRY_VERIFY(RuleStore(*m_ws).find(id)->enabled);
    QTRY_VERIFY(!m_page->list()->item(m_page->rowOf(id))->text().contains(u"(disabled)"_s));
}

void TestRules::disabledRuleDoesNotMoveALead()
{
    const qint64 id = ruleId(RuleStore::pricingExample().name);
    m_page->list()->item(m_page->rowOf(id))->setCheckState(Qt::Unchecked);
    QTRY_VERIFY(!RuleStore(*m_ws).find(id)->enabled);

    QString error;
    ruletest::Peers peers;
    QVERIFY2(peers.start(m_dir->path(), &error), qPrintable(error));
    const quint16 port = peers.relay->port();
    QVERIFY2(ruletest::sendCampaign(*m_ws, *peers.smtp, port, &error) > 0, qPrintable(error));

    QCOMPARE(ruletest::clickPricing(*m_ws, u"alice@example.org"_s, port), 302);
    // The disabled rule applies to nobody (and "Openers get points" waits for an open).
    QCOMPARE(ruletest::syncAndSettle(*m_ws, port, &error), 0);
    QCOMPARE(LeadStore(*m_ws).findByEmail(u"alice@example.org"_s)->stage, u"New"_s);

    // Switched on again through the list, the same click by bob moves bob.
    m_page->list()->item(m_page->rowOf(id))->setCheckState(Qt::Checked);
    QTRY_VERIFY(RuleStore(*m_ws).find(id)->enabled);
    QCOMPARE(ruletest::clickPricing(*m_ws, u"bob@example.org"_s, port), 302);
    QCOMPARE(ruletest::syncAndSettle(*m_ws, port, &error), 1);
    QCOMPARE(LeadStore(*m_ws).findByEmail(u"bob@example.org"_s)->stage, u"Hot"_s);
    QCOMPARE(LeadStore(*m_ws).findByEmail(u"alice@example.org"_s)->stage, u"New"_s);
}

void TestRules::editorOffersBackwardMovesStagesAndCampaign()
{
    QString error;
    Campaign launch;
    launch.name = u"Spring launch"_s;
    launch.subject = u"Spring"_s;
    launch.html = u"<p>hi</p>"_s;
    QVERIFY2(CampaignStore(*m_ws).create(launch, &error), qPrintable(error));
    m_page->reload();

    const qint64 id = ruleId(RuleStore::pricingExample().name);
    RuleEditorDialog *dialog = m_page->editRule(id);
    QVERIFY(dialog);
    RuleForm *form = dialog->form();
    // As stored: forward only, any stage, any campaign.
    QVERIFY(form->allowBackwardField()->isVisible());
    QVERIFY(!form->allowBackwardField()->isChecked());
    QCOMPARE(form->campaignField()->currentData().toLongLong(), 0);
    QListWidget *stages = form->onlyInStagesField();
    QCOMPARE(stages->count(), LeadStore(*m_ws).stages().size());

    // Tick "back to an earlier stage", limit to Customer and Lost, and to one campaign, as a user would.
    QTest::mouseClick(form->allowBackwardField(), Qt::LeftButton, {}, QPoint(8, form->allowBackwardField()->height() / 2));
    QVERIFY(form->allowBackwardField()->isChecked());
    for (const QString &name : {u"Customer"_s, u"Lost"_s}) {
        QListWidgetItem *item = stages->findItems(name, Qt::MatchExactly).value(0);
        QVERIFY(item);
        item->setCheckState(Qt::Checked);
    }
    form->campaignField()->setCurrentIndex(form->campaignField()->findData(launch.id));
    QCOMPARE(form->sentence(), u"When a lead in stage Customer or Lost clicks a link containing pricing in "
                               "\"Spring launch\", move them to Hot, even back from a later stage."_s);
    screenshot(dialog, u"rule-editor-stages"_s);
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save), Qt::LeftButton);
    QTRY_VERIFY(!m_page->findChild<RuleEditorDialog *>());

    const Rule stored = *RuleStore(*m_ws).find(id);
    QVERIFY(stored.allowBackward);
    QCOMPARE(stored.onlyInStages, (QStringList{u"Customer"_s, u"Lost"_s}));
    QCOMPARE(stored.campaignId, launch.id);
    QVERIFY2(rowText(id).contains(u"When a lead in stage Customer or Lost"_s), qPrintable(rowText(id)));

    // Opened again, the editor shows what was saved; unticking "back" makes it forward-only again.
    dialog = m_page->editRule(id);
    QVERIFY(dialog);
    form = dialog->form();
    QVERIFY(form->allowBackwardField()->isChecked());
    QCOMPARE(form->campaignField()->currentText(), u"Spring launch"_s);
    QCOMPARE(form->onlyInStagesField()->findItems(u"Lost"_s, Qt::MatchExactly).value(0)->checkState(), Qt::Checked);
    QCOMPARE(form->onlyInStagesField()->findItems(u"New"_s, Qt::MatchExactly).value(0)->checkState(), Qt::Unchecked);
    form->allowBackwardField()->setChecked(false);
    QVERIFY(dialog->save());
    QVERIFY(!RuleStore(*m_ws).find(id)->allowBackward);
}

QTEST_MAIN(TestRules)
#include "tst_rules.moc"
