// Settings and secrets of a real workspace folder. ctest runs it with no D-Bus
// session (as on a headless machine): the keychain is asked, is absent, and the
// environment and 0600 files serve, which is the headless/CI path users get too.
#include "store/configuration.h"
#include "store/filesecretstore.h"
#include "store/workspace.h"

#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace leadtrail;

namespace {

/** Every byte of every file in the workspace except the secrets folder itself. */
QByteArray workspaceBytesOutsideSecrets(const QString &folder)
{
    QByteArray all;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.contains(u"/secrets/"_s))
            continue;
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

} // namespace

class TestSecrets : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    int m_counter = 0;

private slots:
    void initTestCase()
    {
        QVERIFY(Secrets::keychainEnabled()); // on unless a user opts out
        qputenv("LEADTRAIL_NO_KEYCHAIN", "1");
        QVERIFY(!Secrets::keychainEnabled());
        qputenv("LEADTRAIL_NO_KEYCHAIN", "0");
        QVERIFY(Secrets::keychainEnabled());
        qunsetenv("LEADTRAIL_NO_KEYCHAIN");
    }

    void init()
    {
        QString error;
        m_workspace = Workspace::open(m_dir.filePath(u"ws%1"_s.arg(++m_counter)), Workspace::OpenMode::CreateIfMissing,
                                      &error);
        QVERIFY2(m_workspace, qPrintable(error));
        qunsetenv("LEADTRAIL_SMTP_PASSWORD");
    }

    void cleanup() { m_workspace.reset(); }

    void settingsAreValidatedAndPersist_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("host") << u"smtp.host"_s << u"mail.example.com"_s << true;
        QTest::newRow("port") << u"smtp.port"_s << u"587"_s << true;
        QTest::newRow("port text") << u"smtp.port"_s << u"submission"_s << false;
        QTest::newRow("port range") << u"smtp.port"_s << u"70000"_s << false;
        QTest::newRow("security") << u"smtp.security"_s << u"starttls"_s << true;
        QTest::newRow("security bad") << u"smtp.security"_s << u"ssl"_s << false;
        QTest::newRow("sender") << u"sender.email"_s << u"sales@example.com"_s << true;
        QTest::newRow("sender bad") << u"sender.email"_s << u"sales"_s << false;
        QTest::newRow("relay") << u"relay.url"_s << u"https://t.example.com"_s << true;
        QTest::newRow("relay bad") << u"relay.url"_s << u"ftp://t.example.com"_s << false;
        QTest::newRow("new key") << u"tracking.utm_source"_s << u"leadtrail"_s << true;
        QTest::newRow("bad key") << u"Smtp Host"_s << u"x"_s << false;
        QTest::newRow("secret") << u"smtp.password"_s << u"x"_s << false;
        QTest::newRow("secret file missing") << u"smtp.password_file"_s << u"/nonexistent/pw"_s << false;
    }

    void settingsAreValidatedAndPersist()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(bool, accepted);
        QString error;
        {
            Settings settings(*m_workspace);
            QCOMPARE(settings.setValue(key, value, &error), accepted);
            if (!accepted)
                QVERIFY2(!error.isEmpty(), "a refusal says why");
        }
        // A fresh Settings reads the file again.
        Settings reread(*m_workspace);
        QCOMPARE(reread.value(key).has_value(), accepted);
        if (accepted)
            QCOMPARE(*reread.value(key), value);
    }

    void secretGoesToA0600FileNeverToSettingsOrDatabase()
    {
        const QString secret = u"pa$$-w0rd-9f8e7d"_s;
        Configuration configuration(*m_workspace);
        QString message;
        QString error;
        QVERIFY2(configuration.set(u"smtp.password"_s, secret, &message, &error), qPrintable(error));
        QVERIFY2(message.contains(u"file"_s) && message.contains(u"0600"_s), qPrintable(message));

        const auto path = configuration.settings().value(u"smtp.password_file"_s);
        QVERIFY(path);
        struct stat info {};
        QCOMPARE(::stat(QFile::encodeName(*path).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, mode_t(0600));
        const Secrets::Lookup lookup = configuration.secrets().read(u"smtp.password"_s);
        QCOMPARE(lookup.value.value_or(QString()), secret);
        QVERIFY(lookup.source.contains(*path));

        QString shown;
        QVERIFY(configuration.get(u"smtp.password"_s, &shown, &error));
        QVERIFY(!shown.contains(secret));
        for (const Configuration::Entry &entry : configuration.list())
            QVERIFY2(!entry.value.contains(secret), qPrintable(entry.key));
        QVERIFY(!workspaceBytesOutsideSecrets(m_workspace->folder()).contains(secret.toUtf8()));
    }

    void aSecretFileOthersCanReadIsRefused()
    {
        const QString path = m_dir.filePath(u"loose-password-%1"_s.arg(m_counter));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("hunter2\n");
        }
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
        Configuration configuration(*m_workspace);
        QString error;
        QVERIFY2(configuration.settings().setValue(u"smtp.password_file"_s, path, &error), qPrintable(error));
        Secrets::Lookup lookup = configuration.secrets().read(u"smtp.password"_s);
        QVERIFY(!lookup.value);
        QVERIFY2(lookup.error.contains(u"chmod 600"_s) && lookup.error.contains(u"0644"_s), qPrintable(lookup.error));

        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
        lookup = configuration.secrets().read(u"smtp.password"_s);
        QCOMPARE(lookup.value.value_or(QString()), u"hunter2"_s); // the trailing newline is not part of it
    }

    void environmentVariableIsReadFirst()
    {
        Configuration configuration(*m_workspace);
        QString message;
        QString error;
        QVERIFY(configuration.set(u"smtp.password"_s, u"from-file"_s, &message, &error));
        QCOMPARE(Secrets::environmentVariable(u"relay.signing_key"_s), u"LEADTRAIL_RELAY_SIGNING_KEY"_s);
        qputenv("LEADTRAIL_SMTP_PASSWORD", "from-env");
        const Secrets::Lookup lookup = configuration.secrets().read(u"smtp.password"_s);
        QCOMPARE(lookup.value.value_or(QString()), u"from-env"_s);
        QVERIFY(lookup.source.contains(u"LEADTRAIL_SMTP_PASSWORD"_s));
        QVERIFY(configuration.set(u"smtp.password"_s, u"again"_s, &message, &error));
        QVERIFY2(message.contains(u"is set and is read first"_s), qPrintable(message));
        qunsetenv("LEADTRAIL_SMTP_PASSWORD");
        QCOMPARE(configuration.secrets().read(u"smtp.password"_s).value.value_or(QString()), u"again"_s);
    }

    void unsetSecretSaysWhereItLooked()
    {
        Configuration configuration(*m_workspace);
        QString value;
        QString error;
        QVERIFY(!configuration.get(u"relay.api_key"_s, &value, &error));
        QVERIFY2(error.contains(u"LEADTRAIL_RELAY_API_KEY"_s) && error.contains(u"relay.api_key_file"_s),
                 qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
