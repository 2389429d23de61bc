#pragma once

#include "store/lead.h"
#include "store/leadpage.h"
#include "store/leadquery.h"
#include "store/note.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace leadtrail {

class Workspace;

/**
 * Reads and writes the leads of one workspace: paged, filtered queries for
 * list views, single-lead edits, the stage list, tags and notes.
 *
 * Cheap to construct; holds no connection of its own but asks the workspace
 * for the calling thread's connection on every call, so one LeadStore can be
 * used from any thread. Methods that change data return false and a
 * human-readable message in `error` when they refuse or fail.
 */
class LeadStore final
{
public:
    explicit LeadStore(const Workspace &workspace);

    /** Number of leads matching `filter`. */
    qint64 count(const LeadFilter &filter = {}) const;

    /** One page of leads in the requested order; `next` is set when more may follow. */
    LeadPage page(const LeadQuery &query) const;

    std::optional<Lead> find(qint64 id) const;
    std::optional<Lead> findByEmail(const QString &email) const;

    /** Saves a new lead; sets its id and timestamps. Fails on an invalid or already used email. */
    bool add(Lead &lead, QString *error = nullptr);
    /** Saves every field of an existing lead (found by id); bumps updatedAt. */
    bool update(Lead &lead, QString *error = nullptr);
    bool remove(qint64 id, QString *error = nullptr);

    bool setStage(qint64 id, const QString &stage, QString *error = nullptr);
    bool setTags(qint64 id, const QStringList &tags, QString *error = nullptr);

    /** The categories in use, sorted. */
    QStringList categories() const;
    /** Every tag in use, sorted. */
    QStringList tags() const;

    /** The workspace's stages, in pipeline order. */
    QStringList stages() const;
    /** Replaces the stage list; refuses to drop a stage that leads are still in. */
    bool setStages(const QStringList &stages, QString *error = nullptr);

    /** Adds a note (now) to a lead's timeline; returns it with id and time set. */
    std::optional<Note> addNote(qint64 leadId, const QString &text, QString *error = nullptr);
    /** A lead's notes, oldest first. */
    QList<Note> notes(qint64 leadId) const;
    /** Removes one note (to undo adding it). */
    bool removeNote(qint64 noteId, QString *error = nullptr);

private:
    const Workspace &m_workspace;
};

} // namespace leadtrail
