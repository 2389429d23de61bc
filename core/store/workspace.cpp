#include "store/workspace.h"

#include "store/schemamigrator.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QMutexLocker>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {

const QString SqliteDriver = u"QSQLITE"_s;

QAtomicInteger<quint64> s_instanceCounter;

/**
 * Reads the schema version through a read-only connection, so that a file we
 * are going to refuse (newer schema, not ours) is not modified in any way:
 * a read-write open would switch it to WAL mode and rewrite its header.
 */
int peekVersion(const QString &path, const QString &connectionName, QString *error)
{
    int version = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(SqliteDriver, connectionName);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (!db.open()) {
            *error = u"Cannot open %1: %2"_s.arg(path, db.lastError().text());
        } else {
            version = SchemaMigrator::currentVersion(db, error);
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connectionName);
    return version;
}

} // namespace

Workspace::Workspace(const QString &folder)
    : m_folder(folder)
    , m_connectionPrefix(u"leadtrail-ws%1"_s.arg(s_instanceCounter.fetchAndAddRelaxed(1)))
{
}

Workspace::~Workspace()
{
    QMutexLocker locker(&m_mutex);
    for (const QString &name : std::as_const(m_connectionNames)) {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.isOpen())
                db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
}

std::unique_ptr<Workspace> Workspace::open(const QString &folder, OpenMode mode, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    if (folder.trimmed().isEmpty()) {
        *error = u"No workspace folder given (use --workspace DIR or LEADTRAIL_WORKSPACE)."_s;
        return nullptr;
    }
    const QString absolute = QDir(folder).absolutePath();
    const QString dbPath = QDir(absolute).filePath(QString::fromLatin1(DatabaseFileName));
    const QFileInfo dbInfo(dbPath);

    if (dbInfo.exists()) {
        const QString peekName = u"leadtrail-peek%1"_s.arg(s_instanceCounter.fetchAndAddRelaxed(1));
        const int version = peekVersion(dbPath, peekName, error);
        if (version < 0)
            return nullptr;
        if (version > SchemaMigrator::latestVersion()) {
            *error = u"The workspace %1 was written by a newer version of Leadtrail "
                     "(schema version %2; this version knows up to %3). Upgrade Leadtrail to open it; "
                     "the workspace was left untouched."_s
                         .arg(absolute)
                         .arg(version)
                         .arg(SchemaMigrator::latestVersion());
            return nullptr;
        }
    } else if (mode == OpenMode::OpenExisting) {
        *error = u"%1 is not a Leadtrail workspace (no %2 in it); create one with `leadtrail-cli --workspace %1 init`."_s
                     .arg(absolute, QString::fromLatin1(DatabaseFileName));
        return nullptr;
    } else if (!QDir().mkpath(absolute)) {
        *error = u"Cannot create the workspace folder %1."_s.arg(absolute);
        return nullptr;
    }

    std::unique_ptr<Workspace> workspace(new Workspace(absolute));
    QSqlDatabase db = workspace->database();
    if (!db.isOpen()) {
        *error = u"Cannot open %1: %2"_s.arg(dbPath, db.lastError().text());
        return nullptr;
    }
    if (!SchemaMigrator::migrate(db, error))
        return nullptr;
    return workspace;
}

QString Workspace::databasePath() const
{
    return QDir(m_folder).filePath(QString::fromLatin1(DatabaseFileName));
}

QString Workspace::settingsPath() const
{
    return QDir(m_folder).filePath(QString::fromLatin1(SettingsFileName));
}

QString Workspace::connectionName() const
{
    // Not the OS thread id: the system reuses those, and a new thread must never
    // be handed a connection that a finished thread opened.
    static QAtomicInteger<quint64> threadCounter;
    thread_local const quint64 threadToken = threadCounter.fetchAndAddRelaxed(1) + 1;
    return m_connectionPrefix + u"-thread"_s + QString::number(threadToken);
}

QSqlDatabase Workspace::database() const
{
    const QString name = connectionName();
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name, false);

    QSqlDatabase db = QSqlDatabase::addDatabase(SqliteDriver, name);
    {
        QMutexLocker locker(&m_mutex);
        m_connectionNames.append(name);
    }
    QString error;
    if (!openConnection(db, &error))
        qWarning("Leadtrail: %s", qPrintable(error));
    return db;
}

bool Workspace::openConnection(QSqlDatabase &db, QString *error) const
{
    db.setDatabaseName(databasePath());
    // Another thread or process may hold the write lock for a moment (an import);
    // wait for it rather than failing at once.
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
    if (!db.open()) {
        *error = db.lastError().text();
        return false;
    }
    QSqlQuery query(db);
    // WAL lets readers (the GUI) proceed while a writer (an import, a sync) works;
    // NORMAL is durable in WAL mode except for the last commits on power loss.
    for (const QString &pragma : {u"PRAGMA journal_mode = WAL"_s, u"PRAGMA synchronous = NORMAL"_s,
                                  u"PRAGMA foreign_keys = ON"_s}) {
        if (!query.exec(pragma)) {
            *error = u"%1: %2"_s.arg(pragma, query.lastError().text());
            return false;
        }
    }
    return true;
}

void Workspace::releaseThreadConnection() const
{
    const QString name = connectionName();
    {
        QMutexLocker locker(&m_mutex);
        if (!m_connectionNames.removeOne(name))
            return;
    }
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

int Workspace::schemaVersion() const
{
    QString error;
    return SchemaMigrator::currentVersion(database(), &error);
}

} // namespace leadtrail
