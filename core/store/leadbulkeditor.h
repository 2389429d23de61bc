#pragma once

#include <QList>
#include <QString>

#include <functional>

namespace leadtrail {

struct Lead;
class Workspace;

/**
 * Changes many leads at once, as the lead table's multi-selection asks: move
 * them to a stage, add a tag, remove a tag. Each call is one transaction (all
 * leads change or none), and each lead goes through LeadWriter like a single
 * edit does, so the same validation applies and a stage change lands in the
 * lead's history (and timeline) "by hand", exactly as LeadStore::setStage.
 */
class LeadBulkEditor final
{
public:
    explicit LeadBulkEditor(const Workspace &workspace);

    /**
     * Each call returns the number of leads that actually changed (a lead
     * already in the stage, or already carrying the tag, is left alone), or -1
     * with a message in `error`, in which case nothing was written.
     */
    int setStage(const QList<qint64> &leadIds, const QString &stage, QString *error = nullptr);
    int addTag(const QList<qint64> &leadIds, const QString &tag, QString *error = nullptr);
    int removeTag(const QList<qint64> &leadIds, const QString &tag, QString *error = nullptr);
    /**
     * Puts leads back as they were in @p snapshots (every field a person can
     * edit: names, company, category, stage, tags, custom fields...), in one
     * transaction: how an edit is undone. Stage moves are recorded like any other.
     */
    int restore(const QList<Lead> &snapshots, QString *error = nullptr);

private:
    /** Applies `change` (false: nothing to do for that lead) to every lead in one transaction. */
    int apply(const QList<qint64> &leadIds, const std::function<bool(Lead &)> &change, QString *error);

    const Workspace &m_workspace;
};

} // namespace leadtrail
