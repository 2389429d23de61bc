#include "undo/leadcommands.h"

#include "store/leadbulkeditor.h"
#include "store/leadstore.h"

#include <QCoreApplication>

namespace leadtrail {

namespace {
QList<qint64> idsOf(const QList<Lead> &leads)
{
    QList<qint64> ids;
    for (const Lead &lead : leads)
        ids.append(lead.id);
    return ids;
}
} // namespace

ChangeLeadsCommand::ChangeLeadsCommand(const Workspace &workspace, const QString &text, QList<Lead> before,
                                       QList<Lead> after, LeadsChanged changed)
    : QUndoCommand(text), m_workspace(workspace), m_before(std::move(before)), m_after(std::move(after)),
      m_changed(std::move(changed))
{
}

void ChangeLeadsCommand::undo()
{
    put(m_before);
}

void ChangeLeadsCommand::redo()
{
    if (m_done) { // pushed after the change was made
        m_done = false;
        return;
    }
    put(m_after);
}

void ChangeLeadsCommand::put(const QList<Lead> &leads)
{
    // A lead deleted meanwhile (another process) cannot come back: the rest still does.
    QList<Lead> present;
    LeadStore store(m_workspace);
    for (const Lead &lead : leads) {
        if (store.find(lead.id))
            present.append(lead);
    }
    if (!present.isEmpty() && LeadBulkEditor(m_workspace).restore(present) < 0)
        setObsolete(true);
    if (m_changed)
        m_changed(idsOf(leads));
}

AddNoteCommand::AddNoteCommand(const Workspace &workspace, Note note, LeadsChanged changed)
    : QUndoCommand(QCoreApplication::translate("leadtrail::LeadCommands", "Add note")), m_workspace(workspace),
      m_note(std::move(note)), m_changed(std::move(changed))
{
}

void AddNoteCommand::undo()
{
    LeadStore(m_workspace).removeNote(m_note.id);
    if (m_changed)
        m_changed({m_note.leadId});
}

void AddNoteCommand::redo()
{
    if (m_done) {
        m_done = false;
        return;
    }
    if (const std::optional<Note> again = LeadStore(m_workspace).addNote(m_note.leadId, m_note.text))
        m_note = *again;
    if (m_changed)
        m_changed({m_note.leadId});
}

} // namespace leadtrail
