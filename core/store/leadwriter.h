#pragma once

#include "store/lead.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <optional>

namespace leadtrail {

/**
 * The write path for leads on one connection: validation and normalisation
 * (email, stage, tags), insert, update and tag replacement, each through a
 * statement prepared once and reused. LeadStore uses it for single edits and
 * LeadImporter for bulk imports inside one transaction, so both apply the
 * same rules. Not thread-safe: one writer per connection, i.e. per thread.
 */
class LeadWriter final
{
    Q_DISABLE_COPY_MOVE(LeadWriter)

public:
    enum class StagePolicy {
        RequireKnown, ///< an unknown stage is an error
        AddUnknown,   ///< an unknown stage is appended to the workspace's stage list
    };

    explicit LeadWriter(const QSqlDatabase &db);

    /**
     * Checks and normalises a lead in place: trims the email and refuses an
     * invalid one, maps the stage to its stored spelling (empty → the first
     * stage), normalises tags. `newStage` receives a stage that was added.
     */
    bool normalize(Lead &lead, StagePolicy policy, QString *error, QString *newStage = nullptr);

    std::optional<Lead> findByEmail(const QString &email, QString *error = nullptr);
    /** Inserts a normalised lead; sets id and timestamps. */
    bool insert(Lead &lead, QString *error);
    /** Updates every field of a normalised lead by id; bumps updatedAt. */
    bool update(Lead &lead, QString *error);
    bool replaceTags(qint64 leadId, const QStringList &tags, QString *error);
    /** Adds tags to a lead that has none yet (a new one). */
    bool insertTags(qint64 leadId, const QStringList &tags, QString *error);

    /** The stage list in order (cached for the writer's lifetime). */
    QStringList stages();

private:
    bool prepare(QSqlQuery &query, const QString &sql, QString *error);
    void bindData(QSqlQuery &query, const Lead &lead);
    bool execSave(QSqlQuery &query, const Lead &lead, QString *error);

    QSqlDatabase m_db;
    QSqlQuery m_find;
    QSqlQuery m_insert;
    QSqlQuery m_update;
    QSqlQuery m_deleteTags;
    QSqlQuery m_insertTag;
    std::optional<QStringList> m_stages;
};

} // namespace leadtrail
