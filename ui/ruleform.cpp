#include "ruleform.h"

#include "rulespage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalBlocker>

#include <algorithm>

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
    m_campaign = new QComboBox(this);
    m_campaign->setAccessibleName(tr("In campaign"));
    m_campaign->addItem(tr("any campaign"), qint64(0));
    form->addRow(tr("In &campaign"), m_campaign);
    m_onlyIn = new QListWidget(this);
    m_onlyIn->setAccessibleName(tr("Only for leads in these stages"));
    m_onlyIn->setToolTip(tr("Tick stages to apply the rule only to leads in them. None ticked: any stage."));
    m_onlyIn->setFlow(QListView::LeftToRight);
    m_onlyIn->setWrapping(true);
    m_onlyIn->setMaximumHeight(m_onlyIn->fontMetrics().height() * 4);
    form->addRow(tr("Only for leads in"), m_onlyIn);
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
    m_allowBackward = new QCheckBox(tr("Also move leads &back to an earlier stage"), this);
    m_allowBackward->setToolTip(tr("Off: the rule only moves a lead forward in the stage order; "
                                   "a lead already further along stays where it is."));
    form->addRow(QString(), m_allowBackward);
    m_preview = new QLabel(this);
    m_preview->setWordWrap(true);
    m_preview->setAccessibleName(tr("Rule as a sentence"));
    QFont italic = m_preview->font();
    italic.setItalic(true);
    m_preview->setFont(italic);
    form->addRow(m_preview);

    for (QComboBox *c : {m_trigger, m_action, m_stage, m_campaign})
        connect(c, &QComboBox::currentIndexChanged, this, &RuleForm::update);
    connect(m_onlyIn, &QListWidget::itemChanged, this, &RuleForm::update);
    connect(m_allowBackward, &QCheckBox::toggled, this, &RuleForm::update);
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
    const QStringList ticked = rule().onlyInStages;
    {
        const QSignalBlocker blocker(m_onlyIn);
        m_onlyIn->clear();
        for (const QString &name : stages) {
            auto *item = new QListWidgetItem(name, m_onlyIn);
            item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
            item->setCheckState(ticked.contains(name, Qt::CaseInsensitive) ? Qt::Checked : Qt::Unchecked);
        }
    }
    update();
}

void RuleForm::setCampaigns(const QList<std::pair<qint64, QString>> &campaigns)
{
    const qint64 current = m_campaign->currentData().toLongLong();
    {
        const QSignalBlocker blocker(m_campaign);
        m_campaign->clear();
        m_campaign->addItem(tr("any campaign"), qint64(0));
        for (const auto &[id, name] : campaigns)
            m_campaign->addItem(name, id);
    }
    selectCampaign(current);
    update();
}

void RuleForm::selectCampaign(qint64 id)
{
    int index = m_campaign->findData(id);
    if (index < 0 && id > 0) {
        // A campaign not offered (yet): keep the rule's own, under the name known for it.
        m_campaign->addItem(m_campaignName.isEmpty() ? tr("campaign %1").arg(id) : m_campaignName, id);
        index = m_campaign->count() - 1;
    }
    m_campaign->setCurrentIndex(std::max(index, 0));
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
    selectCampaign(rule.campaignId);
    {
        const QSignalBlocker blocker(m_onlyIn);
        for (int row = 0; row < m_onlyIn->count(); ++row) {
            QListWidgetItem *item = m_onlyIn->item(row);
            item->setCheckState(rule.onlyInStages.contains(item->text(), Qt::CaseInsensitive) ? Qt::Checked
                                                                                              : Qt::Unchecked);
        }
    }
    m_allowBackward->setChecked(rule.allowBackward);
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
    rule.campaignId = m_campaign->currentData().toLongLong();
    rule.onlyInStages.clear();
    for (int row = 0; row < m_onlyIn->count(); ++row) {
        if (m_onlyIn->item(row)->checkState() == Qt::Checked)
            rule.onlyInStages.append(m_onlyIn->item(row)->text());
    }
    rule.allowBackward = rule.action == Rule::Action::MoveToStage && m_allowBackward->isChecked();
    return rule;
}

void RuleForm::clear()
{
    m_base = Rule();
    m_campaignName.clear();
    m_name->clear();
    m_pattern->clear();
    m_argument->clear();
    m_campaign->setCurrentIndex(0);
    for (int row = 0; row < m_onlyIn->count(); ++row)
        m_onlyIn->item(row)->setCheckState(Qt::Unchecked);
    m_allowBackward->setChecked(false);
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
    m_allowBackward->setVisible(action == Rule::Action::MoveToStage);
    const Rule current = rule();
    const QString campaignName = current.campaignId > 0 ? m_campaign->currentText() : QString();
    m_preview->setText(RulesPage::sentence(current, campaignName));
    emit changed();
}

} // namespace leadtrail
