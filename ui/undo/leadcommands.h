#pragma once

#include "store/lead.h"
#include "store/note.h"

#include <QList>
#include <QUndoCommand>

#include <functional>

namespace leadtrail {

class Workspace;

/**
 * Undo commands for edits to leads, in the style of Tiled's
 * addremovelayer.h: one small class per kind of change, holding what it needs
 * to go both ways. Each is pushed after the change was made through the
 * stores (so a refused change never reaches the stack); the first redo() that
 * QUndoStack::push() calls is therefore a no-op. `changed` tells the screens
 * which leads to show again.
 */
using LeadsChanged = std::function<void(const QList<qint64> &leadIds)>;

/** Leads' fields (stage, tags, names, custom fields, ...) from one state to another. */
class ChangeLeadsCommand final : public QUndoCommand
{
public:
    ChangeLeadsCommand(const Workspace &workspace, const QString &text, QList<Lead> before, QList<Lead> after,
                       LeadsChanged changed);

    void undo() override;
    void redo() override;

private:
    void put(const QList<Lead> &leads);

    const Workspace &m_workspace;
    QList<Lead> m_before;
    QList<Lead> m_after;
    LeadsChanged m_changed;
    bool m_done = true;
};

/** A note added to a lead's timeline. */
class AddNoteCommand final : public QUndoCommand
{
public:
    AddNoteCommand(const Workspace &workspace, Note note, LeadsChanged changed);

    void undo() override;
    void redo() override;

private:
    const Workspace &m_workspace;
    Note m_note;
    LeadsChanged m_changed;
    bool m_done = true;
};

} // namespace leadtrail
