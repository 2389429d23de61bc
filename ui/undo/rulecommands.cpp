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

} // namespace leadtrail
