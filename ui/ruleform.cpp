#include "ruleform.h"

#include "rulespage.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

namespace leadtrail {

RuleForm::RuleForm(QWidget *parent) : QWidget(parent)
{
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_name = new QLineEdit(this);
    m_name->setAccessibleName(tr("Rule name"));
    form->addRow(tr("&Name"), m_name);
    m_trigger = new QComboBox(this);
    m_trigger->setAccessibleName(tr("When"));
    m_trigger->addItem(tr("a lead opens an email"), int(Rule::Trigger::Open));
    m_trigger->addItem(tr("a lead clicks any link"), int(Rule::Trigger::Click));
    m_trigger->addItem(tr("a lead clicks a link containing…"), int(Rule::Trigger::ClickMatch));
    m_trigger->addItem(tr("a lead converts"), int(Rule::Trigger::Convert));
    m_trigger->addItem(tr("a lead unsubscribes"), int(Rule::Trigger::Unsubscribe));
    form->addRow(tr("&When"), m_trigger);
    m_pattern = new QLineEdit(this);
    m_pattern->setPlaceholderText(tr("/pricing"));
    m_pattern->setAccessibleName(tr("Link contains"));
    form->addRow(tr("&Link contains"), m_pattern);
    m_action = new QComboBox(this);
    m_action->setAccessibleName(tr("Then"));
    m_action->addItem(tr("move them to stage"), int(Rule::Action::MoveToStage));
    m_action->addItem(tr("add the tag"), int(Rule::Action::AddTag));
    m_action->addItem(tr("add to the score"), int(Rule::Action::AddScore));
    m_action->addItem(tr("raise a hot-lead alert"), int(Rule::Action::RaiseAlert));
    form->addRow(tr("&Then"), m_action);
    m_stage = new QComboBox(this);
    m_stage->setAccessibleName(tr("Stage"));
    m_argument = new QLineEdit(this);
    m_argument->setAccessibleName(tr("Tag or points"));
    auto *argRow = new QHBoxLayout;
    argRow->addWidget(m_stage);
    argRow->addWidget(m_argument);
    form->addRow(tr("Value"), argRow);
    m_preview = new QLabel(this);
    m_preview->setWordWrap(true);
    m_preview->setAccessibleName(tr("Rule as a sentence"));
    QFont italic = m_preview->font();
    italic.setItalic(true);
    m_preview->setFont(italic);
    form->addRow(m_preview);

    for (QComboBox *c : {m_trigger, m_action, m_stage})
        connect(c, &QComboBox::currentIndexChanged, this, &RuleForm::update);
    for (QLineEdit *e : {m_name, m_pattern, m_argument})
        connect(e, &QLineEdit::textChanged, this, &RuleForm::update);
    update();
}

void RuleForm::setStages(const QStringList &stages)
{
    const QString stage = m_stage->currentText();
    m_stage->clear();
    m_stage->addItems(stages);
    if (!stage.isEmpty())
        m_stage->setCurrentText(stage);
    update();
}

void RuleForm::setRule(const Rule &rule)
{
    m_base = rule;
    m_name->setText(rule.name);
    m_trigger->setCurrentIndex(m_trigger->findData(int(rule.trigger)));
    m_pattern->setText(rule.pattern);
    m_action->setCurrentIndex(m_action->findData(int(rule.action)));
    if (rule.action == Rule::Action::MoveToStage) {
        m_stage->setCurrentText(rule.argument);
        m_argument->clear();
    } else {
        m_argument->setText(rule.argument);
    }
    update();
}

void RuleForm::setCampaignName(const QString &name)
{
    m_campaignName = name;
    update();
}

Rule RuleForm::rule() const
{
    Rule rule = m_base;
    rule.name = m_name->text().trimmed();
    rule.trigger = Rule::Trigger(m_trigger->currentData().toInt());
    rule.pattern = rule.trigger == Rule::Trigger::ClickMatch ? m_pattern->text().trimmed() : QString();
    rule.action = Rule::Action(m_action->currentData().toInt());
    rule.argument = rule.action == Rule::Action::MoveToStage ? m_stage->currentText()
                  : rule.action == Rule::Action::RaiseAlert  ? QString()
                                                             : m_argument->text().trimmed();
    return rule;
}

void RuleForm::clear()
{
    m_base = Rule();
    m_campaignName.clear();
    m_name->clear();
    m_pattern->clear();
    m_argument->clear();
}

QString RuleForm::sentence() const
{
    return m_preview->text();
}

void RuleForm::update()
{
    const auto trigger = Rule::Trigger(m_trigger->currentData().toInt());
    const auto action = Rule::Action(m_action->currentData().toInt());
    m_pattern->setEnabled(trigger == Rule::Trigger::ClickMatch);
    m_stage->setVisible(action == Rule::Action::MoveToStage);
    m_argument->setVisible(action == Rule::Action::AddTag || action == Rule::Action::AddScore);
    m_argument->setPlaceholderText(action == Rule::Action::AddScore ? tr("points, e.g. 10") : tr("tag"));
    m_preview->setText(RulesPage::sentence(rule(), m_campaignName));
    emit changed();
}

} // namespace leadtrail
