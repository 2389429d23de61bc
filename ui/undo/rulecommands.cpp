#include "undo/rulecommands.h"

#include "insight/rulestore.h"

#include <QCoreApplication>

namespace leadtrail {

DeleteRuleCommand::DeleteRuleCommand(const Workspace &workspace, Rule rule, std::function<void()> changed)
    : QUndoCommand(QCoreApplication::translate("leadtrail::RuleCommands", "Delete rule “%1”").arg(rule.name)),
      m_workspace(workspace), m_rule(std::move(rule)), m_changed(std::move(changed))
{
}

void DeleteRuleCommand::undo()
{
    Rule again = m_rule;
    again.id = 0;
    if (RuleStore(m_workspace).add(again, nullptr))
        m_rule.id = again.id; // the id it has now, for redo
    else
        setObsolete(true);
    if (m_changed)
        m_changed();
}

void DeleteRuleCommand::redo()
{
    if (m_done) {
        m_done = false;
        return;
    }
    RuleStore(m_workspace).remove(m_rule.id, nullptr);
    if (m_changed)
        m_changed();
}

ChangeRuleCommand::ChangeRuleCommand(const Workspace &workspace, const QString &text, Rule before, Rule after,
                                     std::function<void()> changed)
    : QUndoCommand(text), m_workspace(workspace), m_before(std::move(before)), m_after(std::move(after)),
      m_changed(std::move(changed))
{
}

void ChangeRuleCommand::undo()
{
    put(m_before);
}

void ChangeRuleCommand::redo()
{
    if (m_done) {
        m_done = false;
        return;
    }
    put(m_after);
}

void ChangeRuleCommand::put(Rule rule)
{
    if (!RuleStore(m_workspace).update(rule, nullptr))
        setObsolete(true); // deleted meanwhile
    if (m_changed)
        m_changed();
}

AddRuleCommand::AddRuleCommand(const Workspace &workspace, Rule rule, std::function<void()> changed)
    : QUndoCommand(QCoreApplication::translate("leadtrail::RuleCommands", "Add rule “%1”").arg(rule.name)),
      m_workspace(workspace), m_rule(std::move(rule)), m_changed(std::move(changed))
{
}

void AddRuleCommand::undo()
{
    RuleStore(m_workspace).remove(m_rule.id, nullptr);
    if (m_changed)
        m_changed();
}

void AddRuleCommand::redo()
{
    if (m_done) {
        m_done = false;
        return;
    }
    Rule again = m_rule;
    again.id = 0;
    if (RuleStore(m_workspace).add(again, nullptr))
        m_rule.id = again.id;
    else
        setObsolete(true);
    if (m_changed)
        m_changed();
}

} // namespace leadtrail
