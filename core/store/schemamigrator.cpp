#include "store/schemamigrator.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {

std::optional<qint64> pragmaValue(const QSqlDatabase &db, const QString &pragma, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(u"PRAGMA "_s + pragma) || !query.next()) {
        *error = u"Cannot read %1 from %2: %3"_s.arg(pragma, db.databaseName(), query.lastError().text());
        return std::nullopt;
    }
    return query.value(0).toLongLong();
}

} // namespace

int SchemaMigrator::latestVersion()
{
    return steps().empty() ? 0 : steps().back().version;
}

int SchemaMigrator::currentVersion(const QSqlDatabase &db, QString *error)
{
    const auto applicationId = pragmaValue(db, u"application_id"_s, error);
    const auto version = pragmaValue(db, u"user_version"_s, error);
    if (!applicationId || !version)
        return -1;
    if (*applicationId == ApplicationId)
        return int(*version);
    // An empty SQLite file (or a new one) is ours to set up; anything else is not.
    QSqlQuery query(db);
    if (*applicationId == 0 && *version == 0 && query.exec(u"SELECT count(*) FROM sqlite_master"_s)
        && query.next() && query.value(0).toInt() == 0) {
        return 0;
    }
    *error = u"%1 is not a Leadtrail workspace database (it is another SQLite database); "
             "it was left untouched."_s
                 .arg(db.databaseName());
    return -1;
}

bool SchemaMigrator::migrate(QSqlDatabase &db, QString *error)
{
    const int from = currentVersion(db, error);
    if (from < 0)
        return false;
    if (from > latestVersion()) {
        *error = u"Schema version %1 is newer than this Leadtrail knows (%2)."_s.arg(from).arg(latestVersion());
        return false;
    }
    for (const SchemaStep &step : steps()) {
        if (step.version <= from)
            continue;
        if (!db.transaction()) {
            *error = u"Cannot start the migration transaction: %1"_s.arg(db.lastError().text());
            return false;
        }
        QString stepError;
        bool ok = step.apply(db, &stepError);
        QSqlQuery query(db);
        // PRAGMA values cannot be bound; both are integers we control.
        if (ok && !query.exec(u"PRAGMA user_version = %1"_s.arg(step.version))) {
            stepError = query.lastError().text();
            ok = false;
        }
        if (ok && !query.exec(u"PRAGMA application_id = %1"_s.arg(ApplicationId))) {
            stepError = query.lastError().text();
            ok = false;
        }
        if (ok && !db.commit()) {
            stepError = db.lastError().text();
            ok = false;
        }
        if (!ok) {
            db.rollback();
            *error = u"Migration to schema version %1 (%2) failed and was rolled back: %3"_s
                         .arg(step.version)
                         .arg(QString::fromUtf8(step.description), stepError);
            return false;
        }
    }
    return true;
}

bool SchemaMigrator::execStatements(QSqlDatabase &db, const QStringList &statements, QString *error)
{
    QSqlQuery query(db);
    for (const QString &statement : statements) {
        if (!query.exec(statement)) {
            *error = u"%1 — in: %2"_s.arg(query.lastError().text(), statement.simplified());
            return false;
        }
    }
    return true;
}

} // namespace leadtrail
