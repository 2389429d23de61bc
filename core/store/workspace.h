#pragma once

#include <QMutex>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>

namespace leadtrail {

/**
 * A workspace folder: one SQLite database (`leadtrail.sqlite`, WAL mode,
 * foreign keys on) and one settings file (`settings.ini`).
 *
 * Opening migrates the schema to the latest version (see SchemaMigrator); a
 * database written by a newer Leadtrail is refused and left untouched.
 *
 * Each thread gets its own named QSqlDatabase connection from database(),
 * opened on first use and looked up by name afterwards; connections are never
 * shared across threads. A worker thread calls releaseThreadConnection()
 * before it ends; the Workspace removes whatever is left when it is destroyed,
 * so it must outlive every thread that uses it.
 */
class Workspace final
{
    Q_DISABLE_COPY_MOVE(Workspace)

public:
    enum class OpenMode {
        OpenExisting,     ///< fail when the folder holds no workspace
        CreateIfMissing,  ///< create the folder and an empty, migrated database
    };

    static constexpr const char *DatabaseFileName = "leadtrail.sqlite";
    static constexpr const char *SettingsFileName = "settings.ini";

    /** Opens (or creates) the workspace in `folder`; nullptr and a message in `error` on failure. */
    static std::unique_ptr<Workspace> open(const QString &folder, OpenMode mode, QString *error);

    ~Workspace();

    QString folder() const { return m_folder; }
    QString databasePath() const;
    QString settingsPath() const;

    /** This thread's open connection to the workspace database. */
    QSqlDatabase database() const;

    /** Closes and removes this thread's connection; call it at the end of a worker thread. */
    void releaseThreadConnection() const;

    /** The schema version of the open database (after migration: SchemaMigrator::latestVersion()). */
    int schemaVersion() const;

private:
    explicit Workspace(const QString &folder);
    QString connectionName() const;
    bool openConnection(QSqlDatabase &db, QString *error) const;

    QString m_folder;
    QString m_connectionPrefix;
    mutable QMutex m_mutex;
    mutable QStringList m_connectionNames;
};

} // namespace leadtrail
