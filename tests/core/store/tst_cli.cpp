// leadtrail-cli driven as a real process on temporary workspaces, as scripts and users run it.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

QString fixture(const QString &name)
{
    return QStringLiteral(LEADTRAIL_TEST_DATA) + u"/csv/"_s + name;
}

Run cli(const QStringList &args, const QByteArray &input = {}, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(LEADTRAIL_CLI_PATH), args);
    Run run;
    if (!process.waitForStarted(30000))
        return run;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QJsonArray listJson(const QString &workspace, const QStringList &filters = {})
{
    const Run run = cli(QStringList{u"--workspace"_s, workspace, u"leads"_s, u"list"_s, u"--json"_s} + filters);
    if (run.exitCode != 0)
        qWarning("%s", qPrintable(run.err));
    return QJsonDocument::fromJson(run.out.toUtf8()).array();
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString workspace(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initIsIdempotent()
    {
        const QString ws = workspace(u"init"_s);
        Run run = cli({u"--workspace"_s, ws, u"init"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"Created workspace"_s), qPrintable(run.out));
        QVERIFY(QFile::exists(ws + u"/leadtrail.sqlite"_s));
        QCOMPARE(cli({u"-w"_s, ws, u"leads"_s, u"add"_s, u"--email"_s, u"keep@example.com"_s}).exitCode, 0);
        run = cli({u"--workspace="_s + ws, u"init"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"is ready"_s), qPrintable(run.out));
        QCOMPARE(listJson(ws).size(), 1);
    }

    void workspaceFromTheEnvironment()
    {
        const QString ws = workspace(u"env"_s);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"LEADTRAIL_WORKSPACE"_s, ws);
        QCOMPARE(cli({u"init"_s}, {}, env).exitCode, 0);
        QVERIFY(QFile::exists(ws + u"/leadtrail.sqlite"_s));

        env.remove(u"LEADTRAIL_WORKSPACE"_s);
        const Run run = cli({u"leads"_s, u"list"_s}, {}, env);
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains(u"--workspace"_s), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }

    void importPrintsASummaryWithSkippedLines()
    {
        const QString ws = workspace(u"import"_s);
        QCOMPARE(cli({u"-w"_s, ws, u"init"_s}).exitCode, 0);
        Run run = cli({u"-w"_s, ws, u"leads"_s, u"import"_s, fixture(u"bad_rows.csv"_s), u"--dry-run"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"Would import: 3 new, 0 updated, 6 skipped"_s), qPrintable(run.out));
        QVERIFY(run.out.contains(u"Dry run: nothing was saved."_s));
        QCOMPARE(listJson(ws).size(), 0);

        run = cli({u"-w"_s, ws, u"leads"_s, u"import"_s, fixture(u"bad_rows.csv"_s)});
        QCOMPARE(run.exitCode, 0); // skipped rows are not a failure
        QVERIFY2(run.out.contains(u"Imported: 3 new, 0 updated, 6 skipped"_s), qPrintable(run.out));
        QVERIFY(run.out.contains(u"line 3: missing email"_s));
        QVERIFY(run.out.contains(u"line 7: duplicate of line 2"_s));
        QVERIFY(run.out.contains(u"line 12: invalid email \"no-domain@localhost\""_s));

        run = cli({u"-w"_s, ws, u"leads"_s, u"import"_s, fixture(u"windows1252_semicolon.csv"_s)});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"Windows-1252, separator ';'"_s), qPrintable(run.out));
        const QJsonArray jose = listJson(ws, {u"--search"_s, u"Núñez"_s});
        QCOMPARE(jose.size(), 1);
        QCOMPARE(jose.at(0)[u"first_name"_s].toString(), u"José"_s);
        QCOMPARE(jose.at(0)[u"custom_fields"_s][u"Budget"_s].toString(), u"250 000 €"_s);
    }

    void importFailuresExitNonZero()
    {
        const QString ws = workspace(u"importfail"_s);
        QCOMPARE(cli({u"-w"_s, ws, u"init"_s}).exitCode, 0);
        Run run = cli({u"-w"_s, ws, u"leads"_s, u"import"_s, fixture(u"no_email_column.csv"_s)});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"no email column"_s), qPrintable(run.err));
        run = cli({u"-w"_s, ws, u"leads"_s, u"import"_s, m_dir.filePath(u"absent.csv"_s)});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"absent.csv"_s), qPrintable(run.err));
        run = cli({u"-w"_s, ws, u"leads"_s, u"import"_s, fixture(u"custom_map.csv"_s), u"--map"_s, u"Contact Handle"_s});
        QCOMPARE(run.exitCode, 2);
        run = cli({u"-w"_s, ws, u"leads"_s, u"import"_s, fixture(u"custom_map.csv"_s), u"--map"_s,
                   u"Contact Handle=email"_s, u"--map"_s, u"Given=first_name"_s});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(listJson(ws).at(0)[u"first_name"_s].toString(), u"Hal"_s);
        // Importing into a folder that is not a workspace fails and creates nothing.
        run = cli({u"-w"_s, workspace(u"never-created"_s), u"leads"_s, u"import"_s, fixture(u"quoted.csv"_s)});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(!QDir(workspace(u"never-created"_s)).exists());
    }

    void addListFilterAndJson()
    {
        const QString ws = workspace(u"list"_s);
        QCOMPARE(cli({u"-w"_s, ws, u"init"_s}).exitCode, 0);
        Run run = cli({u"-w"_s, ws, u"leads"_s, u"add"_s, u"--email"_s, u"Bea@Example.com"_s, u"--first-name"_s,
                       u"Bea"_s, u"--category"_s, u"buyer"_s, u"--stage"_s, u"hot"_s, u"--tag"_s, u"vip"_s,
                       u"--tag"_s, u"spring"_s, u"--field"_s, u"Budget=400k"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"Added lead"_s), qPrintable(run.out));
        QCOMPARE(cli({u"-w"_s, ws, u"leads"_s, u"add"_s, u"--email"_s, u"sol@example.com"_s, u"--category"_s,
                      u"seller"_s})
                     .exitCode,
                 0);
        run = cli({u"-w"_s, ws, u"leads"_s, u"add"_s, u"--email"_s, u"bea@example.COM"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"already exists"_s), qPrintable(run.err));
        run = cli({u"-w"_s, ws, u"leads"_s, u"add"_s, u"--email"_s, u"not an email"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"invalid email"_s), qPrintable(run.err));
        QCOMPARE(cli({u"-w"_s, ws, u"leads"_s, u"add"_s}).exitCode, 2);

        const QJsonArray all = listJson(ws);
        QCOMPARE(all.size(), 2);
        const QJsonArray buyers = listJson(ws, {u"--category"_s, u"buyer"_s});
        QCOMPARE(buyers.size(), 1);
        const QJsonObject bea = buyers.at(0).toObject();
        QCOMPARE(bea[u"email"_s].toString(), u"Bea@Example.com"_s);
        QCOMPARE(bea[u"stage"_s].toString(), u"Hot"_s);
        QCOMPARE(bea[u"tags"_s].toArray(), QJsonArray({u"spring"_s, u"vip"_s}));
        QCOMPARE(bea[u"custom_fields"_s][u"Budget"_s].toString(), u"400k"_s);
        QCOMPARE(listJson(ws, {u"--stage"_s, u"New"_s}).size(), 1);
        QCOMPARE(listJson(ws, {u"--tag"_s, u"vip"_s}).size(), 1);
        QCOMPARE(listJson(ws, {u"--tag"_s, u"nope"_s}).size(), 0);

        run = cli({u"-w"_s, ws, u"leads"_s, u"list"_s});
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.at(0).startsWith(u"id\temail"_s));
    }

    void exportImportRoundTripBetweenWorkspaces()
    {
        const QString a = workspace(u"roundtrip-a"_s);
        const QString b = workspace(u"roundtrip-b"_s);
        QCOMPARE(cli({u"-w"_s, a, u"init"_s}).exitCode, 0);
        QCOMPARE(cli({u"-w"_s, b, u"init"_s}).exitCode, 0);
        for (const QString &name : {u"utf8_bom_comma.csv"_s, u"quoted.csv"_s, u"tab_separated.csv"_s})
            QCOMPARE(cli({u"-w"_s, a, u"leads"_s, u"import"_s, fixture(name)}).exitCode, 0);
        const QString file = m_dir.filePath(u"roundtrip.csv"_s);
        Run run = cli({u"-w"_s, a, u"leads"_s, u"export"_s, file});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"Exported 7 leads"_s), qPrintable(run.out));
        run = cli({u"-w"_s, b, u"leads"_s, u"import"_s, file});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"Imported: 7 new, 0 updated, 0 skipped"_s), qPrintable(run.out));

        const auto comparable = [](QJsonArray leads) {
            for (auto value : leads) {
                QJsonObject lead = value.toObject();
                for (const QString &key : {u"id"_s, u"created_at"_s, u"updated_at"_s})
                    lead.remove(key);
                value = lead;
            }
            return leads;
        };
        const QJsonArray fromA = comparable(listJson(a));
        QCOMPARE(fromA.size(), 7);
        QCOMPARE(comparable(listJson(b)), fromA);

        run = cli({u"-w"_s, a, u"leads"_s, u"export"_s, m_dir.filePath(u"sellers.csv"_s), u"--category"_s, u"seller"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"Exported 1 leads"_s), qPrintable(run.out));
    }

    void configSetGetListAndSecrets()
    {
        const QString ws = workspace(u"config"_s);
        QCOMPARE(cli({u"-w"_s, ws, u"init"_s}).exitCode, 0);
        QCOMPARE(cli({u"-w"_s, ws, u"config"_s, u"set"_s, u"smtp.host"_s, u"mail.example.com"_s}).exitCode, 0);
        Run run = cli({u"-w"_s, ws, u"config"_s, u"get"_s, u"smtp.host"_s});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, u"mail.example.com\n"_s);
        run = cli({u"-w"_s, ws, u"config"_s, u"set"_s, u"smtp.security"_s, u"ssl"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"none, starttls, tls"_s), qPrintable(run.err));
        run = cli({u"-w"_s, ws, u"config"_s, u"get"_s, u"smtp.user"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"not set"_s), qPrintable(run.err));

        const QString secret = u"s3cr3t-from-stdin"_s;
        // LEADTRAIL_NO_KEYCHAIN=1: the documented opt-out (tests/app/tst_keychainsession covers the keychain).
        QProcessEnvironment noKeychain = QProcessEnvironment::systemEnvironment();
        noKeychain.insert(u"LEADTRAIL_NO_KEYCHAIN"_s, u"1"_s);
        run = cli({u"-w"_s, ws, u"config"_s, u"set"_s, u"smtp.password"_s, u"-"_s}, secret.toUtf8() + "\n", noKeychain);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"smtp.password stored in the file"_s), qPrintable(run.out));
        QVERIFY2(run.out.contains(u"no system keychain in use"_s), qPrintable(run.out));
        run = cli({u"-w"_s, ws, u"config"_s, u"list"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(u"smtp.host = mail.example.com"_s));
        QVERIFY(run.out.contains(u"smtp.password = (secret, in the file"_s));
        QVERIFY(!run.out.contains(secret));
        QFile settings(ws + u"/settings.ini"_s);
        QVERIFY(settings.open(QIODevice::ReadOnly));
        QVERIFY(!settings.readAll().contains(secret.toUtf8()));
        QFile database(ws + u"/leadtrail.sqlite"_s);
        QVERIFY(database.open(QIODevice::ReadOnly));
        QVERIFY(!database.readAll().contains(secret.toUtf8()));
    }

    void helpAndUsageErrors()
    {
        for (const QStringList &args : {QStringList{u"--help"_s}, {u"init"_s, u"--help"_s}, {u"config"_s, u"--help"_s},
                                        {u"leads"_s, u"--help"_s}, {u"leads"_s, u"import"_s, u"--help"_s},
                                        {u"leads"_s, u"list"_s, u"--help"_s}, {u"leads"_s, u"add"_s, u"--help"_s},
                                        {u"leads"_s, u"export"_s, u"--help"_s}}) {
            const Run run = cli(args);
            QVERIFY2(run.exitCode == 0, qPrintable(args.join(u' ')));
            QVERIFY2(run.out.contains(u"Usage: leadtrail-cli"_s), qPrintable(args.join(u' ') + u": "_s + run.out));
        }
        const Run unknown = cli({u"frobnicate"_s});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains(u"unknown command \"frobnicate\""_s));
        QCOMPARE(cli({}).exitCode, 2);
        QCOMPARE(cli({u"leads"_s, u"list"_s, u"--bogus"_s}).exitCode, 2);
        QCOMPARE(cli({u"leads"_s, u"sort"_s}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
