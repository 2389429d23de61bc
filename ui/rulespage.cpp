#include "rulespage.h"

#include "insight/rulestore.h"
#include "sending/campaignstore.h"
#include "store/leadstore.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace leadtrail {

RulesPage::RulesPage(const Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Rules act on what leads do: each settled human open, click, conversion or "
                                "unsubscribe is checked against them once."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_list = new QListWidget(this);
    m_list->setAccessibleName(tr("Rules"));
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    layout->addWidget(m_list, 1);
    auto *remove = new QPushButton(tr("Delete rule"), this);
    remove->setShortcut(QKeySequence::Delete);
    layout->addWidget(remove, 0, Qt::AlignRight);
    connect(remove, &QPushButton::clicked, this, &RulesPage::removeSelected);

    auto *box = new QGroupBox(tr("New rule"), this);
    auto *form = new QFormLayout(box);
    m_name = new QLineEdit(box);
    m_name->setAccessibleName(tr("Rule name"));
    form->addRow(tr("Name"), m_name);
    m_trigger = new QComboBox(box);
    m_trigger->setAccessibleName(tr("When"));
    m_trigger->addItem(tr("a lead opens an email"), int(Rule::Trigger::Open));
    m_trigger->addItem(tr("a lead clicks any link"), int(Rule::Trigger::Click));
    m_trigger->addItem(tr("a lead clicks a link containing…"), int(Rule::Trigger::ClickMatch));
    m_trigger->addItem(tr("a lead converts"), int(Rule::Trigger::Convert));
    m_trigger->addItem(tr("a lead unsubscribes"), int(Rule::Trigger::Unsubscribe));
    form->addRow(tr("When"), m_trigger);
    m_pattern = new QLineEdit(box);
    m_pattern->setPlaceholderText(tr("/pricing"));
    m_pattern->setAccessibleName(tr("Link contains"));
    form->addRow(tr("Link contains"), m_pattern);
    m_action = new QComboBox(box);
    m_action->setAccessibleName(tr("Then"));
    m_action->addItem(tr("move them to stage"), int(Rule::Action::MoveToStage));
    m_action->addItem(tr("add the tag"), int(Rule::Action::AddTag));
    m_action->addItem(tr("add to the score"), int(Rule::Action::AddScore));
    m_action->addItem(tr("raise a hot-lead alert"), int(Rule::Action::RaiseAlert));
    form->addRow(tr("Then"), m_action);
    m_stage = new QComboBox(box);
    m_stage->setAccessibleName(tr("Stage"));
    m_argument = new QLineEdit(box);
    m_argument->setAccessibleName(tr("Tag or points"));
    auto *argRow = new QHBoxLayout;
    argRow->addWidget(m_stage);
    argRow->addWidget(m_argument);
    form->addRow(tr("Value"), argRow);
    m_preview = new QLabel(box);
    m_preview->setWordWrap(true);
    QFont italic = m_preview->font();
    italic.setItalic(true);
    m_preview->setFont(italic);
    form->addRow(m_preview);
    m_error = new QLabel(box);
    m_error->setStyleSheet(u"color: #c0392b;"_s);
    m_error->setWordWrap(true);
    m_error->hide();
    form->addRow(m_error);
    auto *add = new QPushButton(tr("Add rule"), box);
    form->addRow(add);
    layout->addWidget(box);

    for (QComboBox *c : {m_trigger, m_action, m_stage})
        connect(c, &QComboBox::currentIndexChanged, this, &RulesPage::updateForm);
    for (QLineEdit *e : {m_name, m_pattern, m_argument})
        connect(e, &QLineEdit::textChanged, this, &RulesPage::updateForm);
    connect(add, &QPushButton::clicked, this, &RulesPage::addFromForm);
    reload();
}

QString RulesPage::sentence(const Rule &rule, const QString &campaignName)
{
    QString when;
    switch (rule.trigger) {
    case Rule::Trigger::Open: when = tr("opens an email"); break;
    case Rule::Trigger::Click: when = tr("clicks any link"); break;
    case Rule::Trigger::ClickMatch: when = tr("clicks a link containing %1").arg(rule.pattern); break;
    case Rule::Trigger::Convert: when = tr("converts"); break;
    case Rule::Trigger::Unsubscribe: when = tr("unsubscribes"); break;
    }
    const QString where = rule.campaignId > 0 ? tr("in \"%1\"").arg(campaignName) : tr("in any campaign");
    QString then;
    switch (rule.action) {
    case Rule::Action::MoveToStage: then = tr("move them to %1").arg(rule.argument); break;
    case Rule::Action::AddTag: then = tr("tag them \"%1\"").arg(rule.argument); break;
    case Rule::Action::AddScore: then = tr("add %1 to their score").arg(rule.argument); break;
    case Rule::Action::RaiseAlert: then = tr("raise a hot-lead alert"); break;
    }
    return tr("When a lead %1 %2, %3.").arg(when, where, then);
}

void RulesPage::reload()
{
    m_list->clear();
    const CampaignStore campaigns(m_workspace);
    for (const Rule &rule : RuleStore(m_workspace).list()) {
        const std::optional<Campaign> campaign = rule.campaignId > 0 ? campaigns.find(rule.campaignId) : std::nullopt;
        auto *item = new QListWidgetItem(QIcon(u":/icons/rule.svg"_s),
                                         u"%1\n%2"_s.arg(rule.name, sentence(rule, campaign ? campaign->name : QString())),
                                         m_list);
        item->setData(Qt::UserRole, rule.id);
        if (!rule.enabled) {
            item->setText(item->text() + u' ' + tr("(disabled)"));
            item->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
        }
    }
    if (m_list->count() == 0) {
        auto *empty = new QListWidgetItem(tr("No rules yet. Add one below."), m_list);
        empty->setFlags(Qt::NoItemFlags);
    }
    const QString stage = m_stage->currentText();
    m_stage->clear();
    m_stage->addItems(LeadStore(m_workspace).stages());
    if (!stage.isEmpty())
        m_stage->setCurrentText(stage);
    updateForm();
}

void RulesPage::setForm(const QString &name, Rule::Trigger trigger, const QString &pattern, Rule::Action action,
                        const QString &argument)
{
    m_name->setText(name);
    m_trigger->setCurrentIndex(m_trigger->findData(int(trigger)));
    m_pattern->setText(pattern);
    m_action->setCurrentIndex(m_action->findData(int(action)));
    if (action == Rule::Action::MoveToStage)
        m_stage->setCurrentText(argument);
    else
        m_argument->setText(argument);
}

void RulesPage::updateForm()
{
    const auto trigger = Rule::Trigger(m_trigger->currentData().toInt());
    const auto action = Rule::Action(m_action->currentData().toInt());
    m_pattern->setEnabled(trigger == Rule::Trigger::ClickMatch);
    m_stage->setVisible(action == Rule::Action::MoveToStage);
    m_argument->setVisible(action == Rule::Action::AddTag || action == Rule::Action::AddScore);
    m_argument->setPlaceholderText(action == Rule::Action::AddScore ? tr("points, e.g. 10") : tr("tag"));
    Rule rule;
    rule.trigger = trigger;
    rule.pattern = m_pattern->text().trimmed();
    rule.action = action;
    rule.argument = action == Rule::Action::MoveToStage ? m_stage->currentText() : m_argument->text().trimmed();
    m_preview->setText(sentence(rule, {}));
}

bool RulesPage::addFromForm()
{
    Rule rule;
    rule.name = m_name->text().trimmed();
    rule.trigger = Rule::Trigger(m_trigger->currentData().toInt());
    rule.pattern = rule.trigger == Rule::Trigger::ClickMatch ? m_pattern->text().trimmed() : QString();
    rule.action = Rule::Action(m_action->currentData().toInt());
    rule.argument = rule.action == Rule::Action::MoveToStage ? m_stage->currentText()
                  : rule.action == Rule::Action::RaiseAlert  ? QString()
                                                             : m_argument->text().trimmed();
    QString error;
    if (rule.name.isEmpty())
        error = tr("Give the rule a name.");
    else if (!RuleStore(m_workspace).add(rule, &error))
        error = tr("The rule was not added: %1").arg(error);
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    if (!error.isEmpty())
        return false;
    m_name->clear();
    m_pattern->clear();
    m_argument->clear();
    reload();
    return true;
}

QString RulesPage::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void RulesPage::removeSelected()
{
    QListWidgetItem *item = m_list->currentItem();
    if (!item || !item->data(Qt::UserRole).isValid())
        return;
    QString error;
    if (!RuleStore(m_workspace).remove(item->data(Qt::UserRole).toLongLong(), &error)) {
        m_error->setText(tr("The rule was not deleted: %1").arg(error));
        m_error->show();
        return;
    }
    reload();
}

} // namespace leadtrail
