#include "rulespage.h"

#include "undo/rulecommands.h"

#include "errorlabel.h"
#include "ruleeditordialog.h"
#include "ruleform.h"

#include "insight/rulestore.h"
#include "sending/campaignstore.h"
#include "store/leadstore.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QUndoStack>
#include <QSignalBlocker>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {

constexpr int RuleIdRole = Qt::UserRole;
constexpr int CampaignNameRole = Qt::UserRole + 1;

} // namespace

RulesPage::RulesPage(const Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Rules act on what leads do: each settled human open, click, conversion or "
                                "unsubscribe is checked against them once. Untick a rule to switch it off."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_list = new QListWidget(this);
    m_list->setAccessibleName(tr("Rules"));
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSpacing(2);
    layout->addWidget(m_list, 1);
    auto *listButtons = new QHBoxLayout;
    listButtons->addStretch(1);
    m_edit = new QPushButton(tr("&Edit rule…"), this);
    m_edit->setToolTip(tr("Change the selected rule (F2, or double-click it)"));
    m_edit->setShortcut(QKeySequence(Qt::Key_F2));
    m_remove = new QPushButton(tr("Delete rule"), this);
    m_remove->setShortcut(QKeySequence::Delete);
    m_remove->setToolTip(tr("Delete the selected rule (Delete)"));
    listButtons->addWidget(m_edit);
    listButtons->addWidget(m_remove);
    layout->addLayout(listButtons);
    connect(m_edit, &QPushButton::clicked, this, &RulesPage::editSelected);
    connect(m_remove, &QPushButton::clicked, this, &RulesPage::removeSelected);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &RulesPage::editSelected);
    m_list->installEventFilter(this);
    connect(m_list, &QListWidget::itemChanged, this, &RulesPage::itemChanged);
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *current) {
        const bool rule = current && current->data(RuleIdRole).isValid();
        m_edit->setEnabled(rule);
        m_remove->setEnabled(rule);
    });

    auto *box = new QGroupBox(tr("New rule"), this);
    auto *boxLayout = new QVBoxLayout(box);
    m_form = new RuleForm(box);
    boxLayout->addWidget(m_form);
    m_error = new ErrorLabel(box);
    boxLayout->addWidget(m_error);
    auto *add = new QPushButton(tr("Add rule"), box);
    boxLayout->addWidget(add, 0, Qt::AlignLeft);
    layout->addWidget(box);
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
    case Rule::Action::MoveToStage:
        then = rule.allowBackward ? tr("move them to %1, even back from a later stage").arg(rule.argument)
                                  : tr("move them to %1").arg(rule.argument);
        break;
    case Rule::Action::AddTag: then = tr("tag them \"%1\"").arg(rule.argument); break;
    case Rule::Action::AddScore: then = tr("add %1 to their score").arg(rule.argument); break;
    case Rule::Action::RaiseAlert: then = tr("raise a hot-lead alert"); break;
    }
    if (!rule.onlyInStages.isEmpty())
        return tr("When a lead in stage %1 %2 %3, %4.")
            .arg(rule.onlyInStages.join(tr(" or ")), when, where, then);
    return tr("When a lead %1 %2, %3.").arg(when, where, then);
}

QList<std::pair<qint64, QString>> RulesPage::campaignChoices(const Workspace &workspace)
{
    QList<std::pair<qint64, QString>> choices;
    for (const Campaign &campaign : CampaignStore(workspace).list())
        choices.append({campaign.id, campaign.name});
    return choices;
}

void RulesPage::reload()
{
    const qint64 selected = m_list->currentItem() ? m_list->currentItem()->data(RuleIdRole).toLongLong() : 0;
    {
        const QSignalBlocker blocker(m_list); // filling the checkboxes is not the user ticking them
        m_list->clear();
        const CampaignStore campaigns(m_workspace);
        for (const Rule &rule : RuleStore(m_workspace).list()) {
            const std::optional<Campaign> campaign =
                rule.campaignId > 0 ? campaigns.find(rule.campaignId) : std::nullopt;
            const QString campaignName = campaign ? campaign->name : QString();
            QString text = u"%1\n%2"_s.arg(rule.name, sentence(rule, campaignName));
            if (!rule.enabled)
                text += u' ' + tr("(disabled)");
            auto *item = new QListWidgetItem(QIcon(u":/icons/rule.svg"_s), text, m_list);
            item->setData(RuleIdRole, rule.id);
            item->setData(CampaignNameRole, campaignName);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(rule.enabled ? Qt::Checked : Qt::Unchecked);
            item->setToolTip(rule.enabled ? tr("On: untick to switch this rule off")
                                          : tr("Off: tick to switch this rule on again"));
            if (!rule.enabled)
                item->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
            if (rule.id == selected)
                m_list->setCurrentItem(item);
        }
        if (m_list->count() == 0) {
            auto *empty = new QListWidgetItem(tr("No rules yet. Add one below."), m_list);
            empty->setFlags(Qt::NoItemFlags);
        }
    }
    const bool rule = m_list->currentItem() && m_list->currentItem()->data(RuleIdRole).isValid();
    m_edit->setEnabled(rule);
    m_remove->setEnabled(rule);
    m_form->setStages(LeadStore(m_workspace).stages());
    m_form->setCampaigns(campaignChoices(m_workspace));
}

int RulesPage::rowOf(qint64 id) const
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(RuleIdRole).toLongLong() == id)
            return row;
    }
    return -1;
}

void RulesPage::setForm(const QString &name, Rule::Trigger trigger, const QString &pattern, Rule::Action action,
                        const QString &argument)
{
    Rule rule;
    rule.name = name;
    rule.trigger = trigger;
    rule.pattern = pattern;
    rule.action = action;
    rule.argument = argument;
    m_form->setRule(rule);
}

void RulesPage::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

bool RulesPage::addFromForm()
{
    Rule rule = m_form->rule();
    rule.id = 0;
    rule.enabled = true;
    QString error;
    if (rule.name.isEmpty())
        error = tr("Give the rule a name.");
    else if (!RuleStore(m_workspace).add(rule, &error))
        error = tr("The rule was not added: %1").arg(error);
    showError(error);
    if (!error.isEmpty())
        return false;
    if (m_undo)
        m_undo->push(new AddRuleCommand(m_workspace, rule, [this] { reload(); }));
    m_form->clear();
    reload();
    return true;
}

QString RulesPage::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

RuleEditorDialog *RulesPage::editRule(qint64 id)
{
    const std::optional<Rule> rule = RuleStore(m_workspace).find(id);
    if (!rule)
        return nullptr;
    const int row = rowOf(id);
    const QString campaignName = row >= 0 ? m_list->item(row)->data(CampaignNameRole).toString() : QString();
    auto *dialog = new RuleEditorDialog(m_workspace, *rule, campaignName, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, before = *rule] {
        const std::optional<Rule> after = RuleStore(m_workspace).find(before.id);
        if (m_undo && after)
            m_undo->push(new ChangeRuleCommand(m_workspace, tr("Edit rule “%1”").arg(before.name), before, *after,
                                               [this] { reload(); }));
        reload();
    });
    dialog->open();
    return dialog;
}

void RulesPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_list)
        reload();
}

bool RulesPage::eventFilter(QObject *watched, QEvent *event)
{
    // Return (and F2 when the Edit button's shortcut is not reachable) on a
    // row opens the rule editor, as a double-click does.
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_F2 || key == Qt::Key_Return || key == Qt::Key_Enter) {
            editSelected();
            return true;
        }

    }
    return QWidget::eventFilter(watched, event);
}

void RulesPage::editSelected()
{
    QListWidgetItem *item = m_list->currentItem();
    if (item && item->data(RuleIdRole).isValid())
        editRule(item->data(RuleIdRole).toLongLong());
}

bool RulesPage::setRuleEnabled(qint64 id, bool enabled)
{
    QString error;
    const std::optional<Rule> before = RuleStore(m_workspace).find(id);
    const bool ok = RuleStore(m_workspace).setEnabled(id, enabled, &error);
    if (ok && m_undo && before) {
        Rule after = *before;
        after.enabled = enabled;
        m_undo->push(new ChangeRuleCommand(m_workspace,
                                           enabled ? tr("Switch rule “%1” on").arg(before->name)
                                                   : tr("Switch rule “%1” off").arg(before->name),
                                           *before, after, [this] { reload(); }));
    }
    showError(ok ? QString() : tr("The rule was not changed: %1").arg(error));
    reload();
    return ok;
}

void RulesPage::itemChanged(QListWidgetItem *item)
{
    if (!item->data(RuleIdRole).isValid())
        return;
    const qint64 id = item->data(RuleIdRole).toLongLong();
    const bool enabled = item->checkState() == Qt::Checked;
    // Reloading rebuilds the items: let Qt finish with this one first.
    QMetaObject::invokeMethod(this, [this, id, enabled] { setRuleEnabled(id, enabled); }, Qt::QueuedConnection);
}

void RulesPage::removeSelected()
{
    QListWidgetItem *item = m_list->currentItem();
    if (!item || !item->data(RuleIdRole).isValid())
        return;
    QString error;
    const qint64 id = item->data(RuleIdRole).toLongLong();
    const std::optional<Rule> rule = RuleStore(m_workspace).find(id);
    if (!RuleStore(m_workspace).remove(id, &error)) {
        showError(tr("The rule was not deleted: %1").arg(error));
        return;
    }
    if (m_undo && rule)
        m_undo->push(new DeleteRuleCommand(m_workspace, *rule, [this] { reload(); }));
    reload();
}

} // namespace leadtrail
