#pragma once

#include "store/schemastep.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <vector>

namespace leadtrail {

/**
 * Brings a workspace database to the latest schema version, one numbered
 * step at a time, each in its own transaction that rolls back on error.
 * The version lives in `PRAGMA user_version`; `PRAGMA application_id` marks
 * the file as a Leadtrail workspace.
 *
 * To change the schema, append a step to the list in schemasteps.cpp (never
 * edit a step that has shipped).
 */
class SchemaMigrator final
{
public:
    static constexpr int ApplicationId = 0x4C54524C; // "LTRL"

    /** The ordered list of steps; versions are 1, 2, 3, ... without gaps. */
    static const std::vector<SchemaStep> &steps();
    static int latestVersion();

    /** Reads the version without changing anything; -1 and a message when the file is not ours. */
    static int currentVersion(const QSqlDatabase &db, QString *error);

    /** Applies the missing steps; false (and the database as it was before the failing step) on error. */
    static bool migrate(QSqlDatabase &db, QString *error);

    /** Runs each statement in order; stops at the first failure with the statement and driver text in `error`. */
    static bool execStatements(QSqlDatabase &db, const QStringList &statements, QString *error);
};

} // namespace leadtrail
