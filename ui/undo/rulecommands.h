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

/** A rule changed (edited in the rule editor, or switched on or off): both states kept. */
class ChangeRuleCommand final : public QUndoCommand
{
public:
    ChangeRuleCommand(const Workspace &workspace, const QString &text, Rule before, Rule after,
                      std::function<void()> changed);

    void undo() override;
    void redo() override;

private:
    void put(Rule rule);

    const Workspace &m_workspace;
    Rule m_before;
    Rule m_after;
    std::function<void()> m_changed;
    bool m_done = true;
};

/** A rule added from the Rules page; undo deletes it again. */
class AddRuleCommand final : public QUndoCommand
{
public:
    AddRuleCommand(const Workspace &workspace, Rule rule, std::function<void()> changed);

    void undo() override;
    void redo() override;

private:
    const Workspace &m_workspace;
    Rule m_rule;
    std::function<void()> m_changed;
    bool m_done = true;
};

} // namespace leadtrail
