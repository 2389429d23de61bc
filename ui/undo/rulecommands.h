#pragma once

#include "insight/rule.h"

#include <QUndoCommand>

#include <functional>

namespace leadtrail {

class Workspace;

/**
 * A rule deleted from the Rules page (pushed after the store deleted it; its
 * first redo() is a no-op). Undo puts the same rule back: name, trigger,
 * action, options and whether it was on. Its past applications stay on the
 * leads' timelines either way.
 */
class DeleteRuleCommand final : public QUndoCommand
{
public:
    DeleteRuleCommand(const Workspace &workspace, Rule rule, std::function<void()> changed);

    void undo() override;
    void redo() override;

private:
    const Workspace &m_workspace;
    Rule m_rule;
    std::function<void()> m_changed;
    bool m_done = true;
};

} // namespace leadtrail
