#include <QTemporaryDir>
#include <QTest>

#include "campaign/smtptransport.h"
#include "smtptestserver.h"

using leadtrail::MailTransport;
using leadtrail::SmtpSettings;
using leadtrail::SmtpTransport;
using leadtrail::test::SmtpTestServer;
using Outcome = leadtrail::MailTransport::Outcome;

namespace {

const QString fromAddress = QStringLiteral("sales@example.com");

QByteArray message(const QString &to, const QByteArray &body = "Hello.\r\n")
{
    return "From: Sales <sales@example.com>\r\nTo: " + to.toLatin1() + "\r\nSubject: Test\r\n\r\n" + body;
}

SmtpSettings plainSettings(const SmtpTestServer &server)
{
    SmtpSettings s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = server.port();
    s.security = SmtpSettings::Security::None;
    s.heloName = QStringLiteral("client.test");
    s.replyTimeoutMs = 10000;
    return s;
}

SmtpSettings tlsSettings(const SmtpTestServer &server, SmtpSettings::Security security)
{
    SmtpSettings s = plainSettings(server);
    s.host = QStringLiteral("localhost");
    s.security = security;
    s.caFile = server.caFile();
    return s;
}

const char *describe(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Sent: return "Sent";
    case Outcome::Transient: return "Transient";
    case Outcome::Permanent: return "Permanent";
    case Outcome::Unknown: return "Unknown";
    case Outcome::ConnectionFailed: return "ConnectionFailed";
    }
    return "?";
}

#define START_SERVER(server, options)                                                                               \
    do {                                                                                                            \
        QString startError;                                                                                         \
        QVERIFY2((server).start((options), &startError), qPrintable(startError));                                   \
    } while (false)

// Evaluates the send exactly once, then explains any mismatch.
#define EXPECT_OUTCOME(send, expected)                                                                              \
    do {                                                                                                            \
        const MailTransport::Result outcomeResult = (send);                                                        \
        QVERIFY2(outcomeResult.outcome == (expected),                                                               \
                 qPrintable(QStringLiteral("%1 (%2 %3)")                                                            \
                                .arg(QLatin1String(describe(outcomeResult.outcome)))                                \
                                .arg(outcomeResult.code)                                                            \
                                .arg(outcomeResult.reply)));                                                        \
    } while (false)

} // namespace

/** The SMTP transport against a real aiosmtpd server on loopback, one outcome per test. */
class TestSmtpTransport final : public QObject
{
    Q_OBJECT

private slots:
    void sendsManyMessagesOverOneConnection()
    {
        QTemporaryDir dir;
        SmtpTestServer server(dir.path());
        START_SERVER(server, SmtpTestServer::Options{});
        SmtpTransport transport(plainSettings(server));
        // Lines that start with dots, and a lone dot, must arrive as written;
        // so must a message that needs no stuffing (sent without a copy).
        const QByteArray tricky = "line one\r\n.starts with a dot\r\n.\r\n..two dots\r\nlast line without newline";
        const QByteArray plain = "line one\r\nline. two\r\n";
        const auto bodyOf = [&](int i) { return i % 2 ? plain : tricky; };
        QStringList sent;
        for (int i = 0; i < 20; ++i) {
            const QString to = QStringLiteral("lead%1@example.org").arg(i);
            const auto result = transport.send(fromAddress, to, message(to, bodyOf(i)));
            EXPECT_OUTCOME(result, Outcome::Sent);
            QCOMPARE(result.code, 250);
            sent.append(to);
        }
        QCOMPARE(transport.connectionsOpened(), 1);
        const auto received = server.messages();
        QCOMPARE(received.size(), 20);
        for (int i = 0; i < 20; ++i) {
            QCOMPARE(received[i].recipients, QStringList{sent[i]});
            QCOMPARE(received[i].mailFrom, fromAddress);
            // aiosmtpd keeps the final CRLF the client had to add before the dot.
            const QByteArray expected = message(sent[i], bodyOf(i));
            QCOMPARE(received[i].data, expected.endsWith("\r\n") ? expected : expected + "\r\n");
            QCOMPARE(received[i].peerPort, received[0].peerPort); // one TCP connection for all
        }
    }

    void transientRecipientReplyIsRetryableAndKeepsTheConnection()
    {
        QTemporaryDir dir;
        SmtpTestServer server(dir.path());
        START_SERVER(server, (SmtpTestServer::Options{false, false, false, {}, {}, {QStringLiteral("rcpt:busy@example.org:451")}}));
        SmtpTransport transport(plainSettings(server));
        const auto busy = transport.send(fromAddress, QStringLiteral("busy@example.org"), message(QStringLiteral("busy@example.org")));
        EXPECT_OUTCOME(busy, Outcome::Transient);
        QCOMPARE(busy.code, 451);
        QVERIFY(busy.reply.contains(QStringLiteral("try again later")));
        QVERIFY(busy.safeToRetry());
        const auto next = transport.send(fromAddress, QStringLiteral("ok@example.org"), message(QStringLiteral("ok@example.org")));
        EXPECT_OUTCOME(next, Outcome::Sent);
        QCOMPARE(transport.connectionsOpened(), 1);
        QCOMPARE(server.countFor(QStringLiteral("busy@example.org")), 0);
        QCOMPARE(server.countFor(QStringLiteral("ok@example.org")), 1);
    }

    void transientCodes_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<int>("code");
        for (const int code : {421, 450, 451, 452, 454})
            QTest::newRow(qPrintable(QString::number(code))) << QStringLiteral("rcpt:x@example.org:%1").arg(code) << code;
        QTest::newRow("451 after data") << QStringLiteral("data:x@example.org:451") << 451;
    }

    void transientCodes()
    {
        QFETCH(QString, fault);
        QFETCH(int, code);
        QTemporaryDir dir;
        SmtpTestServer server(dir.path());
        START_SERVER(server, (SmtpTestServer::Options{false, false, false, {}, {}, {fault}}));
        SmtpTransport transport(plainSettings(server));
        const auto result = transport.send(fromAddress, QStringLiteral("x@example.org"), message(QStringLiteral("x@example.org")));
        EXPECT_OUTCOME(result, Outcome::Transient);
        QCOMPARE(result.code, code);
        QCOMPARE(transport.isConnected(), code != 421); // 421 means the server is closing
        QCOMPARE(server.messages().size(), 0);
    }

    void permanentFailureCarriesTheServersReason_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("reason");
        QTest::newRow("550 rcpt") << QStringLiteral("rcpt:gone@example.org:550") << 550 << QStringLiteral("no such user");
        QTest::newRow("553 rcpt") << QStringLiteral("rcpt:gone@example.org:553") << 553 << QStringLiteral("not allowed");
        QTest::newRow("554 data") << QStringLiteral("data:gone@example.org:554") << 554 << QStringLiteral("message refused");
    }

    void permanentFailureCarriesTheServersReason()
    {
        QFETCH(QString, fault);
        QFETCH(int, code);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        SmtpTestServer server(dir.path());
        START_SERVER(server, (SmtpTestServer::Options{false, false, false, {}, {}, {fault}}));
        SmtpTransport transport(plainSettings(server));
        const auto result = transport.send(fromAddress, QStringLiteral("gone@example.org"), message(QStringLiteral("gone@example.org")));
        EXPECT_OUTCOME(result, Outcome::Permanent);
        QCOMPARE(result.code, code);
        QVERIFY2(result.reply.contains(reason), qPrintable(result.reply));
        QVERIFY(!result.safeToRetry());
        QCOMPARE(server.messages().size(), 0);
        // The session is reset and stays usable.
        EXPECT_OUTCOME(transport.send(fromAddress, QStringLiteral("b@example.org"), message(QStringLiteral("b@example.org"))), Outcome::Sent);
        QCOMPARE(transport.connectionsOpened(), 1);
    }

    void connectionDroppedAfterTheFinalDotIsUnknown()
    {
        QTemporaryDir dir;
        SmtpTestServer server(dir.path());
        START_SERVER(server, (SmtpTestServer::Options{false, false, false, {}, {}, {QStringLiteral("data:lost@example.org:drop")}}));
        SmtpTransport transport(plainSettings(server));
        const auto lost = transport.send(fromAddress, QStringLiteral("lost@example.org"), message(QStringLiteral("lost@example.org")));
        EXPECT_OUTCOME(lost, Outcome::Unknown);
        QVERIFY(!lost.safeToRetry());
        QVERIFY(!transport.isConnected());
        // The transport itself never resends it; the next message opens a new connection.
        const auto next = transport.send(fromAddress, QStringLiteral("ok@example.org"), message(QStringLiteral("ok@example.org")));
        EXPECT_OUTCOME(next, Outcome::Sent);
        QCOMPARE(transport.connectionsOpened(), 2);
        QCOMPARE(server.countFor(QStringLiteral("lost@example.org")), 0);
        QCOMPARE(server.countFor(QStringLiteral("ok@example.org")), 1);
    }

    void aFailedFinalReplyResetsTheSessionForTheNextMessage()
    {
        // aiosmtpd answers "500 Error" when its handler fails and keeps the
        // envelope; without an RSET the next MAIL FROM gets "503 nested MAIL".
        QTemporaryDir dir;
        SmtpTestServer server(dir.path());
        START_SERVER(server, (SmtpTestServer::Options{false, false, false, {}, {}, {QStringLiteral("data:broken@example.org:crash")}}));
        SmtpTransport transport(plainSettings(server));
        const auto broken = transport.send(fromAddress, QStringLiteral("broken@example.org"),
                                           message(QStringLiteral("broken@example.org")));
        QCOMPARE(broken.code, 500);
        for (const QString &to : {QStringLiteral("c@example.org"), QStringLiteral("d@example.org")})
            EXPECT_OUTCOME(transport.send(fromAddress, to, message(to)), Outcome::Sent);
        QCOMPARE(transport.connectionsOpened(), 1);
        QCOMPARE(server.countFor(QStringLiteral("c@example.org")), 1);
        QCOMPARE(server.countFor(QStringLiteral("d@example.org")), 1);
    }

    void startTlsWithAuth_data()
    {
        QTest::addColumn<int>("auth");
        QTest::newRow("LOGIN") << int(SmtpSettings::Auth::Login);
        QTest::newRow("PLAIN") << int(SmtpSettings::Auth::Plain);
    }

    void startTlsWithAuth()
    {
        QFETCH(int, auth);
        QTemporaryDir dir;
        SmtpTestServer server(dir.path());
        START_SERVER(server, (SmtpTestServer::Options{true, true, false, QStringLiteral("team"), QStringLiteral("s3cret pass"), {}}));
        SmtpSettings settings = tlsSettings(server, SmtpSettings::Security::StartTls);
        settings.auth = SmtpSettings::Auth(auth);
        settings.username = QStringLiteral("team");
        settings.password = QStringLiteral("s3cret pass");
        SmtpTransport transport(settings);
        for (int i = 0; i < 3; ++i) {
            const QString to = QStringLiteral("t%1@example.org").arg(i);
            EXPECT_OUTCOME(transport.send(fromAddress, to, message(to)), Outcome::Sent);
        }
        const auto received = server.messages();
        QCOMPARE(received.size(), 3);
        for (const auto &r : received) {
            QVERIFY(r.tls);
            QCOMPARE(r.authUser, QStringLiteral("team"));
        }
        QCOMPARE(transport.connectionsOpened(), 1);
    }

    void implicitTls()
    {
        QTemporaryDir dir;
        SmtpTestServer server(dir.path());
        START_SERVER(server, (SmtpTestServer::Options{false, false, true, {}, {}, {}}));
        SmtpTransport transport(tlsSettings(server, SmtpSettings::Security::ImplicitTls));
        EXPECT_OUTCOME(transport.send(fromAddress, QStringLiteral("a@example.org"), message(QStringLiteral("a@example.org"))), Outcome::Sent);
        QCOMPARE(server.messages().size(), 1);
        QVERIFY(server.messages().at(0).tls);
    }

    void certificateIsVerifiedByDefault()
    {
        QTemporaryDir dir;
        SmtpTestServer server(dir.path());
        START_SERVER(server, (SmtpTestServer::Options{true, true, false, {}, {}, {}}));

        SmtpSettings untrusted = tlsSettings(server, SmtpSettings::Security::StartTls);
        untrusted.caFile.clear(); // the system's CAs do not know the test CA
        SmtpTransport first(untrusted);
        const auto refused = first.send(fromAddress, QStringLiteral("a@example.org"), message(QStringLiteral("a@example.org")));
        EXPECT_OUTCOME(refused, Outcome::ConnectionFailed);

        SmtpSettings wrongName = tlsSettings(server, SmtpSettings::Security::StartTls);
        wrongName.tlsServerName = QStringLiteral("mail.example.com"); // trusted CA, but not this name
        SmtpTransport second(wrongName);
        EXPECT_OUTCOME(second.send(fromAddress, QStringLiteral("a@example.org"), message(QStringLiteral("a@example.org"))),
                       Outcome::ConnectionFailed);

        SmtpSettings lab = untrusted;
        lab.verifyCertificate = false; // the explicit opt-out still works
        SmtpTransport third(lab);
        EXPECT_OUTCOME(third.send(fromAddress, QStringLiteral("b@example.org"), message(QStringLiteral("b@example.org"))), Outcome::Sent);
        QCOMPARE(server.countFor(QStringLiteral("a@example.org")), 0);
        QCOMPARE(server.countFor(QStringLiteral("b@example.org")), 1);
    }

    void wrongPasswordFailsTheConnectionNotTheMessage()
    {
        QTemporaryDir dir;
        SmtpTestServer server(dir.path());
        START_SERVER(server, (SmtpTestServer::Options{true, true, false, QStringLiteral("team"), QStringLiteral("right"), {}}));
        SmtpSettings settings = tlsSettings(server, SmtpSettings::Security::StartTls);
        settings.auth = SmtpSettings::Auth::Login;
        settings.username = QStringLiteral("team");
        settings.password = QStringLiteral("wrong-password");
        SmtpTransport transport(settings);
        const auto result = transport.send(fromAddress, QStringLiteral("a@example.org"), message(QStringLiteral("a@example.org")));
        EXPECT_OUTCOME(result, Outcome::ConnectionFailed);
        QVERIFY2(result.code == 535, qPrintable(result.reply));
        QVERIFY(!result.reply.contains(QStringLiteral("wrong-password")));
        QCOMPARE(server.messages().size(), 0);
    }

    void unreachableServer()
    {
        quint16 port = 0;
        {
            QTemporaryDir dir;
            SmtpTestServer server(dir.path());
            START_SERVER(server, SmtpTestServer::Options{});
            port = server.port();
        } // stopped: nothing listens there now
        SmtpSettings settings;
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = port;
        settings.security = SmtpSettings::Security::None;
        SmtpTransport transport(settings);
        const auto result = transport.send(fromAddress, QStringLiteral("a@example.org"), message(QStringLiteral("a@example.org")));
        EXPECT_OUTCOME(result, Outcome::ConnectionFailed);
        QVERIFY(result.safeToRetry());
    }

    void pipelinedEnvelopeKeepsEveryOutcomeHonest_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<bool>("keepsConnection");
        QTest::newRow("451 rcpt") << QStringLiteral("rcpt:x@example.org:451") << int(Outcome::Transient) << 451
                                  << QStringLiteral("try again later") << true;
        QTest::newRow("421 rcpt") << QStringLiteral("rcpt:x@example.org:421") << int(Outcome::Transient) << 421
                                  << QString() << false;
        QTest::newRow("550 rcpt") << QStringLiteral("rcpt:x@example.org:550") << int(Outcome::Permanent) << 550
                                  << QStringLiteral("no such user") << true;
        QTest::newRow("554 data") << QStringLiteral("data:x@example.org:554") << int(Outcome::Permanent) << 554
                                  << QStringLiteral("message refused") << true;
        QTest::newRow("drop after data") << QStringLiteral("data:x@example.org:drop") << int(Outcome::Unknown) << 0
                                         << QString() << false;
    }

    // MAIL, RCPT and DATA in one write: a refused recipient still fails that
    // delivery with the server's own words (not DATA's "need RCPT"), nothing
    // is delivered, and the session goes on for the next message.
    void pipelinedEnvelopeKeepsEveryOutcomeHonest()
    {
        QFETCH(QString, fault);
        QFETCH(int, outcome);
        QFETCH(int, code);
        QFETCH(QString, reason);
        QFETCH(bool, keepsConnection);
        QTemporaryDir dir;
        SmtpTestServer server(dir.path());
        SmtpTestServer::Options options;
        options.pipelining = true;
        options.faults = {fault};
        START_SERVER(server, options);
        SmtpTransport transport(plainSettings(server));
        const QByteArray tricky = "line one\r\n.starts with a dot\r\n.\r\n..two dots\r\n";
        EXPECT_OUTCOME(transport.send(fromAddress, QStringLiteral("a@example.org"), message(QStringLiteral("a@example.org"), tricky)),
                       Outcome::Sent);
        QVERIFY(transport.pipelining());
        const auto result = transport.send(fromAddress, QStringLiteral("x@example.org"), message(QStringLiteral("x@example.org")));
        EXPECT_OUTCOME(result, Outcome(outcome));
        if (code)
            QCOMPARE(result.code, code);
        QVERIFY2(result.reply.contains(reason), qPrintable(result.reply));
        QCOMPARE(transport.isConnected(), keepsConnection);
        EXPECT_OUTCOME(transport.send(fromAddress, QStringLiteral("b@example.org"), message(QStringLiteral("b@example.org"))),
                       Outcome::Sent);
        QCOMPARE(transport.connectionsOpened(), keepsConnection ? 1 : 2);
        QCOMPARE(server.countFor(QStringLiteral("x@example.org")), 0);
        const auto received = server.messages();
        QCOMPARE(received.size(), 2);
        QCOMPARE(received[0].data, message(QStringLiteral("a@example.org"), tricky));
        QCOMPARE(received[1].recipients, QStringList{QStringLiteral("b@example.org")});
    }

    void pipeliningOnlyWhenOfferedAndAllowed()
    {
        QTemporaryDir dir;
        SmtpTestServer plain(dir.path() + QStringLiteral("/plain"));
        START_SERVER(plain, SmtpTestServer::Options{});
        SmtpTransport notOffered(plainSettings(plain));
        EXPECT_OUTCOME(notOffered.send(fromAddress, QStringLiteral("a@example.org"), message(QStringLiteral("a@example.org"))),
                       Outcome::Sent);
        QVERIFY(!notOffered.pipelining());

        SmtpTestServer offering(dir.path() + QStringLiteral("/offering"));
        SmtpTestServer::Options options;
        options.pipelining = true;
        START_SERVER(offering, options);
        SmtpSettings settings = plainSettings(offering);
        settings.pipelining = false;
        SmtpTransport declined(settings);
        EXPECT_OUTCOME(declined.send(fromAddress, QStringLiteral("a@example.org"), message(QStringLiteral("a@example.org"))),
                       Outcome::Sent);
        QVERIFY(!declined.pipelining());
        QCOMPARE(offering.countFor(QStringLiteral("a@example.org")), 1);
    }

    void noDelayIsSetOnTheSocketInUse_data()
    {
        QTest::addColumn<int>("security");
        QTest::newRow("plain") << int(SmtpSettings::Security::None);
        QTest::newRow("STARTTLS") << int(SmtpSettings::Security::StartTls);
        QTest::newRow("implicit TLS") << int(SmtpSettings::Security::ImplicitTls);
    }

    // Asked of the kernel (getsockopt) on the socket the session writes to,
    // after any TLS handshake replaced the stream: Nagle's algorithm would
    // otherwise hold back each command and cut throughput by forty times.
    void noDelayIsSetOnTheSocketInUse()
    {
        QFETCH(int, security);
        QTemporaryDir dir;
        SmtpTestServer server(dir.path());
        SmtpTestServer::Options options;
        options.starttls = security == int(SmtpSettings::Security::StartTls);
        options.implicitTls = security == int(SmtpSettings::Security::ImplicitTls);
        START_SERVER(server, options);
        SmtpTransport transport(security == int(SmtpSettings::Security::None)
                                    ? plainSettings(server)
                                    : tlsSettings(server, SmtpSettings::Security(security)));
        QVERIFY(!transport.noDelay());
        EXPECT_OUTCOME(transport.send(fromAddress, QStringLiteral("a@example.org"), message(QStringLiteral("a@example.org"))),
                       Outcome::Sent);
        QVERIFY(transport.noDelay());
        QCOMPARE(server.messages().at(0).tls, security != int(SmtpSettings::Security::None));
    }

    void invalidAddressesNeverReachTheServer()
    {
        QTemporaryDir dir;
        SmtpTestServer server(dir.path());
        START_SERVER(server, SmtpTestServer::Options{});
        SmtpTransport transport(plainSettings(server));
        const auto result = transport.send(fromAddress, QStringLiteral("a@example.org>\r\nRCPT TO:<b@example.org"),
                                           message(QStringLiteral("x")));
        EXPECT_OUTCOME(result, Outcome::Permanent);
        QCOMPARE(transport.connectionsOpened(), 0);
        QCOMPARE(server.messages().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSmtpTransport)
#include "tst_smtptransport.moc"
