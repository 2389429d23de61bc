// Workspace opening and schema migrations, on real SQLite files.
#include "store/leadstore.h"
#include "store/schemamigrator.h"
#include "store/workspace.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace leadtrail;

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/** Runs SQL on a file through a plain connection of its own, as another program would. */
void rawExec(const QString &path, const QStringList &statements)
{
    const QString name = u"raw-%1"_s.arg(quintptr(&statements));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        for (const QString &statement : statements)
            QVERIFY2(query.exec(statement), qPrintable(query.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QVariant pragma(const Workspace &workspace, const QString &name)
{
    QSqlQuery query(workspace.database());
    if (!query.exec(u"PRAGMA "_s + name) || !query.next())
        return {};
    return query.value(0);
}

} // namespace

class TestWorkspace : public QObject
{
    Q_OBJECT

private slots:
    void createsAndMigratesAnEmptyFolder()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(u"new/workspace"_s);
        QString error;
        auto workspace = Workspace::open(folder, Workspace::OpenMode::CreateIfMissing, &error);
        QVERIFY2(workspace, qPrintable(error));
        QVERIFY(QFile::exists(folder + u"/leadtrail.sqlite"_s));
        QCOMPARE(workspace->schemaVersion(), SchemaMigrator::latestVersion());
        QVERIFY(SchemaMigrator::latestVersion() >= 1);
        QCOMPARE(pragma(*workspace, u"journal_mode"_s).toString(), u"wal"_s);
        QCOMPARE(pragma(*workspace, u"foreign_keys"_s).toInt(), 1);
        QCOMPARE(pragma(*workspace, u"application_id"_s).toInt(), SchemaMigrator::ApplicationId);
        QCOMPARE(LeadStore(*workspace).stages(),
                 QStringList({u"New"_s, u"Contacted"_s, u"Engaged"_s, u"Hot"_s, u"Customer"_s, u"Lost"_s}));
    }

    void reopeningKeepsDataAndVersion()
    {
        QTemporaryDir dir;
        QString error;
        {
            auto workspace = Workspace::open(dir.path(), Workspace::OpenMode::CreateIfMissing, &error);
            QVERIFY2(workspace, qPrintable(error));
            Lead lead;
            lead.email = u"keep@example.com"_s;
            QVERIFY2(LeadStore(*workspace).add(lead, &error), qPrintable(error));
        }
        auto again = Workspace::open(dir.path(), Workspace::OpenMode::OpenExisting, &error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(again->schemaVersion(), SchemaMigrator::latestVersion());
        QVERIFY(LeadStore(*again).findByEmail(u"KEEP@example.com"_s).has_value());
        // Creating over an existing workspace is idempotent and loses nothing.
        again.reset();
        auto created = Workspace::open(dir.path(), Workspace::OpenMode::CreateIfMissing, &error);
        QVERIFY2(created, qPrintable(error));
        QCOMPARE(LeadStore(*created).count(), 1);
    }

    void openingAMissingWorkspaceSaysHowToCreateOne()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(!Workspace::open(dir.filePath(u"nothing-here"_s), Workspace::OpenMode::OpenExisting, &error));
        QVERIFY2(error.contains(u"init"_s), qPrintable(error));
        QVERIFY(!QFile::exists(dir.filePath(u"nothing-here"_s)));
    }

    void newerSchemaIsRefusedAndLeftUntouched()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(Workspace::open(dir.path(), Workspace::OpenMode::CreateIfMissing, &error));
        const QString path = dir.filePath(u"leadtrail.sqlite"_s);
        const int newer = SchemaMigrator::latestVersion() + 1;
        // A later Leadtrail switched the file back to a rollback journal and added its own table.
        rawExec(path, {u"PRAGMA journal_mode = DELETE"_s, u"CREATE TABLE future_things (x)"_s,
                       u"PRAGMA user_version = %1"_s.arg(newer)});
        const QByteArray before = fileBytes(path);
        QVERIFY(!before.isEmpty());

        QVERIFY(!Workspace::open(dir.path(), Workspace::OpenMode::OpenExisting, &error));
        QVERIFY2(error.contains(u"newer version"_s), qPrintable(error));
        QVERIFY2(error.contains(QString::number(newer)), qPrintable(error));
        QVERIFY(!Workspace::open(dir.path(), Workspace::OpenMode::CreateIfMissing, &error));
        QCOMPARE(fileBytes(path), before);
        QVERIFY(!QFile::exists(path + u"-wal"_s));
    }

    void aForeignDatabaseIsRefusedAndLeftUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"leadtrail.sqlite"_s);
        rawExec(path, {u"CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)"_s});
        const QByteArray before = fileBytes(path);
        QString error;
        QVERIFY(!Workspace::open(dir.path(), Workspace::OpenMode::CreateIfMissing, &error));
        QVERIFY2(error.contains(u"not a Leadtrail workspace"_s), qPrintable(error));
        QCOMPARE(fileBytes(path), before);
    }

    void aFailingMigrationStepRollsBackCompletely()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"leadtrail.sqlite"_s);
        // Ours (application id set) at version 0, but with a `notes` table in the
        // way: step 1 creates leads and stages first and then fails on notes.
        rawExec(path, {u"PRAGMA application_id = %1"_s.arg(SchemaMigrator::ApplicationId),
                       u"CREATE TABLE notes (x)"_s});
        QString error;
        QVERIFY(!Workspace::open(dir.path(), Workspace::OpenMode::OpenExisting, &error));
        QVERIFY2(error.contains(u"rolled back"_s), qPrintable(error));
        QVERIFY2(error.contains(u"version 1"_s), qPrintable(error));

        const QString name = u"check"_s;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(u"PRAGMA user_version"_s) && query.next());
            QCOMPARE(query.value(0).toInt(), 0);
            QVERIFY(query.exec(u"SELECT group_concat(name) FROM sqlite_master WHERE type = 'table'"_s) && query.next());
            QCOMPARE(query.value(0).toString(), u"notes"_s);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }

    // A workspace of schema 6 recorded the deliveries a cancel found queued as
    // failed ("campaign cancelled"). Opened now, those become cancelled; real
    // failures and sent ones stay, nothing that hangs off a delivery is lost,
    // and the table takes 'cancelled' but still refuses a state it does not know.
    void cancelledDeliveriesAreMigratedFromFailed()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"leadtrail.sqlite"_s);
        const QString name = u"v6"_s;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(u"PRAGMA foreign_keys = ON"_s));
            for (const SchemaStep &step : SchemaMigrator::steps()) {
                if (step.version > 6)
                    break;
                QString error;
                QVERIFY2(step.apply(db, &error), qPrintable(error));
            }
            for (const QString &sql : {
                     u"PRAGMA user_version = 6"_s,
                     u"PRAGMA application_id = %1"_s.arg(SchemaMigrator::ApplicationId),
                     u"INSERT INTO leads (id, email, email_key, created_at, updated_at) VALUES"
                     " (1, 'a@x.org', 'a@x.org', 0, 0), (2, 'b@x.org', 'b@x.org', 0, 0), (3, 'c@x.org', 'c@x.org', 0, 0)"_s,
                     u"INSERT INTO campaigns (id, name, subject, html, state, created_at)"
                     " VALUES (1, 'Old', 'Hi', '<p>x</p>', 'cancelled', 0)"_s,
                     u"INSERT INTO deliveries (id, delivery_id, campaign_id, lead_id, email, state, failure_reason) VALUES"
                     " (1, '%1', 1, 1, 'a@x.org', 'sent', ''),"
                     " (2, '%2', 1, 2, 'b@x.org', 'failed', 'unsubscribed'),"
                     " (3, '%3', 1, 3, 'c@x.org', 'failed', 'campaign cancelled')"_s.arg(
                         QString(32, u'a'), QString(32, u'b'), QString(32, u'c')),
                     u"INSERT INTO delivery_activity (delivery_row, campaign_id, human_opens) VALUES (1, 1, 2), (3, 1, 0)"_s}) {
                QVERIFY2(query.exec(sql), qPrintable(query.lastError().text() + u" in "_s + sql));
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);

        QString error;
        auto workspace = Workspace::open(dir.path(), Workspace::OpenMode::OpenExisting, &error);
        QVERIFY2(workspace, qPrintable(error));
        QCOMPARE(workspace->schemaVersion(), SchemaMigrator::latestVersion());
        QSqlQuery query(workspace->database());
        QVERIFY(query.exec(u"SELECT group_concat(state, ',') FROM (SELECT state FROM deliveries ORDER BY id)"_s) && query.next());
        QCOMPARE(query.value(0).toString(), u"sent,failed,cancelled"_s);
        QVERIFY(query.exec(u"SELECT count(*) FROM delivery_activity"_s) && query.next());
        QCOMPARE(query.value(0).toInt(), 2);
        QVERIFY(query.exec(u"PRAGMA integrity_check"_s) && query.next());
        QCOMPARE(query.value(0).toString(), u"ok"_s);
        QVERIFY(query.exec(u"PRAGMA foreign_key_check"_s));
        QVERIFY(!query.next());
        QVERIFY2(query.exec(u"UPDATE deliveries SET state = 'cancelled' WHERE id = 2"_s), qPrintable(query.lastError().text()));
        QVERIFY(!query.exec(u"UPDATE deliveries SET state = 'lost' WHERE id = 2"_s));
    }

    void eachThreadGetsItsOwnNamedConnection()
    {
        QTemporaryDir dir;
        QString error;
        auto workspace = Workspace::open(dir.path(), Workspace::OpenMode::CreateIfMissing, &error);
        QVERIFY2(workspace, qPrintable(error));
        Lead lead;
        lead.email = u"thread@example.com"_s;
        QVERIFY(LeadStore(*workspace).add(lead, &error));

        const QString mainName = workspace->database().connectionName();
        QCOMPARE(workspace->database().connectionName(), mainName); // looked up, not re-created
        QString workerName;
        qint64 workerCount = -1;
        Lead added;
        added.email = u"from-worker@example.com"_s;
        bool workerAdded = false;
        QThread *worker = QThread::create([&] {
            workerName = workspace->database().connectionName();
            LeadStore store(*workspace);
            workerCount = store.count();
            workerAdded = store.add(added);
            workspace->releaseThreadConnection();
        });
        worker->start();
        QVERIFY(worker->wait(30000));
        delete worker;
        QVERIFY(!workerName.isEmpty());
        QVERIFY(workerName != mainName);
        QCOMPARE(workerCount, 1);
        QVERIFY(workerAdded);
        QVERIFY(!QSqlDatabase::contains(workerName));
        QCOMPARE(LeadStore(*workspace).count(), 2);
    }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
