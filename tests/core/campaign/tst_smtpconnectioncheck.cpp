#include <QDir>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include "campaign/smtpconnectioncheck.h"
#include "smtptestserver.h"
#include "store/configuration.h"
#include "store/workspace.h"

#include <memory>

using namespace Qt::StringLiterals;
using leadtrail::Configuration;
using leadtrail::SmtpConnectionCheck;
using leadtrail::SmtpSettings;
using leadtrail::Workspace;
using leadtrail::test::SmtpTestServer;

/**
 * "Test connection" against the real aiosmtpd server: STARTTLS, implicit TLS,
 * AUTH with a typed or a stored password, a wrong password, an untrusted
 * certificate and a port nobody listens on. The check must never leave a
 * message on the server.
 */
class TestSmtpConnectionCheck final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void startTlsWithLoginSucceedsAndSendsNothing();
    void implicitTlsWithStoredPassword();
    void wrongPasswordGivesTheServersReply();
    void untrustedCertificateIsRefused();
    void nothingListening();
    void missingValuesAreNamed();

private:
    std::unique_ptr<Workspace> openWorkspace();
    SmtpConnectionCheck::Result check(const SmtpConnectionCheck::Form &form);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
};

void TestSmtpConnectionCheck::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QString error;
    m_ws = Workspace::open(m_dir->filePath(u"ws"_s), Workspace::OpenMode::CreateIfMissing, &error);
    QVERIFY2(m_ws, qPrintable(error));
}

void TestSmtpConnectionCheck::cleanup()
{
    m_ws.reset();
    m_dir.reset();
}

SmtpConnectionCheck::Result TestSmtpConnectionCheck::check(const SmtpConnectionCheck::Form &form)
{
    QString error;
    const std::optional<SmtpSettings> settings = SmtpConnectionCheck::settingsFor(*m_ws, form, &error);
    if (!settings) {
        SmtpConnectionCheck::Result r;
        r.error = u"settingsFor: "_s + error;
        return r;
    }
    return SmtpConnectionCheck::run(*settings);
}

void TestSmtpConnectionCheck::startTlsWithLoginSucceedsAndSendsNothing()
{
    QVERIFY(QDir().mkpath(m_dir->filePath(u"smtp"_s)));
    SmtpTestServer server(m_dir->filePath(u"smtp"_s));
    QString error;
    QVERIFY2(server.start({true, true, false, u"sales"_s, u"s3cret"_s, {}, false}, &error), qPrintable(error));
    Configuration configuration(*m_ws);
    QVERIFY2(configuration.settings().setValue(u"smtp.ca_file"_s, server.caFile(), &error), qPrintable(error));

    const SmtpConnectionCheck::Result r = check({u"localhost"_s, server.port(), u"starttls"_s, u"sales"_s, u"s3cret"_s});
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.user, u"sales"_s);
    QCOMPARE(r.host, u"localhost"_s);
    QCOMPARE(r.port, server.port());
    QCOMPARE(r.security, SmtpSettings::Security::StartTls);
    QVERIFY(server.messages().isEmpty());
}

void TestSmtpConnectionCheck::implicitTlsWithStoredPassword()
{
    QVERIFY(QDir().mkpath(m_dir->filePath(u"smtp"_s)));
    SmtpTestServer server(m_dir->filePath(u"smtp"_s));
    QString error;
    QVERIFY2(server.start({false, false, true, u"sales"_s, u"from-the-store"_s, {}, false}, &error), qPrintable(error));
    Configuration configuration(*m_ws);
    QString where;
    QVERIFY2(configuration.settings().setValue(u"smtp.ca_file"_s, server.caFile(), &error), qPrintable(error));
    QVERIFY2(configuration.set(u"smtp.password"_s, u"from-the-store"_s, &where, &error), qPrintable(error));

    // No password typed: the stored secret is used.
    const SmtpConnectionCheck::Result r = check({u"localhost"_s, server.port(), u"tls"_s, u"sales"_s, QString()});
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.security, SmtpSettings::Security::ImplicitTls);
    QCOMPARE(r.user, u"sales"_s);
    QVERIFY(server.messages().isEmpty());
}

void TestSmtpConnectionCheck::wrongPasswordGivesTheServersReply()
{
    QVERIFY(QDir().mkpath(m_dir->filePath(u"smtp"_s)));
    SmtpTestServer server(m_dir->filePath(u"smtp"_s));
    QString error;
    QVERIFY2(server.start({false, false, false, u"sales"_s, u"right"_s, {}, false}, &error), qPrintable(error));

    const SmtpConnectionCheck::Result r = check({u"127.0.0.1"_s, server.port(), u"none"_s, u"sales"_s, u"wrong"_s});
    QVERIFY(!r.ok);
    QCOMPARE(r.code, 535);
    QVERIFY2(r.error.contains(u"535 5.7.8 Authentication credentials invalid"_s), qPrintable(r.error));
    QVERIFY2(!r.error.contains(u"wrong"_s), "the password must never appear in a message");
    QVERIFY(server.messages().isEmpty());
}

void TestSmtpConnectionCheck::untrustedCertificateIsRefused()
{
    QVERIFY(QDir().mkpath(m_dir->filePath(u"smtp"_s)));
    SmtpTestServer server(m_dir->filePath(u"smtp"_s));
    QString error;
    QVERIFY2(server.start({true, true, false, {}, {}, {}, false}, &error), qPrintable(error));
    // No smtp.ca_file: the throwaway CA is not trusted, as for a real send.
    const SmtpConnectionCheck::Result r = check({u"localhost"_s, server.port(), u"starttls"_s, {}, {}});
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(u"certificate"_s, Qt::CaseInsensitive), qPrintable(r.error));

    // The same server once its CA is trusted (smtp.ca_file, as sending reads it): connected, no login asked.
    Configuration configuration(*m_ws);
    QVERIFY2(configuration.settings().setValue(u"smtp.ca_file"_s, server.caFile(), &error), qPrintable(error));
    const SmtpConnectionCheck::Result trusted = check({u"localhost"_s, server.port(), u"starttls"_s, {}, {}});
    QVERIFY2(trusted.ok, qPrintable(trusted.error));
    QVERIFY(trusted.user.isEmpty());
}

void TestSmtpConnectionCheck::nothingListening()
{
    // A port that was free a moment ago: bound by the kernel's choice, then released.
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    const SmtpConnectionCheck::Result r = check({u"127.0.0.1"_s, port, u"none"_s, {}, {}});
    QVERIFY(!r.ok);
    QCOMPARE(r.code, 0);
    QVERIFY2(r.error.contains(u"Connection refused"_s), qPrintable(r.error));
}

void TestSmtpConnectionCheck::missingValuesAreNamed()
{
    QString error;
    QVERIFY(!SmtpConnectionCheck::settingsFor(*m_ws, {QString(), 587, u"starttls"_s, {}, {}}, &error));
    QVERIFY2(error.contains(u"host"_s), qPrintable(error));
    error.clear();
    QVERIFY(!SmtpConnectionCheck::settingsFor(*m_ws, {u"smtp.example.com"_s, 587, u"starttls"_s, u"sales"_s, {}},
                                              &error));
    QVERIFY2(error.contains(u"no SMTP password is stored"_s), qPrintable(error));
    error.clear();
    QVERIFY(!SmtpConnectionCheck::settingsFor(*m_ws, {u"smtp.example.com"_s, 587, u"ssl3"_s, {}, {}}, &error));
    QVERIFY2(error.contains(u"ssl3"_s), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestSmtpConnectionCheck)
#include "tst_smtpconnectioncheck.moc"
