#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QVector>

namespace leadtrail::test {

/**
 * A real SMTP server for one test: tests/support/smtpserver.py (aiosmtpd)
 * started as a child process on 127.0.0.1, port 0, storing what it accepts
 * in a directory the test owns. Optional STARTTLS or implicit TLS with a
 * certificate for `localhost`/127.0.0.1 signed by a throwaway CA made with
 * openssl at start (trust it with caFile()), optional AUTH, and a fault
 * table (see smtpserver.py --fault) to answer chosen recipients with 4xx/5xx
 * or drop the connection after DATA.
 *
 *     SmtpTestServer server(tempDir.path());
 *     QVERIFY2(server.start({}, &error), qPrintable(error));
 *     ... send to 127.0.0.1:server.port() ...
 *     QCOMPARE(server.countFor("a@example.org"), 1);
 *
 * The server stops when the object is destroyed (its stdin is closed).
 */
class SmtpTestServer final
{
public:
    struct Options
    {
        bool starttls = false;
        bool requireStarttls = false;
        bool implicitTls = false;
        QString authUser;     ///< AUTH required when set
        QString authPassword;
        QStringList faults;   ///< "rcpt:ADDRESS:451", "data:ADDRESS:drop", "rcpt:ADDRESS:451:2", …
        bool pipelining = false; ///< advertise PIPELINING in the EHLO reply
    };

    /** One accepted message, as stored by the server. */
    struct Received
    {
        QString mailFrom;
        QStringList recipients;
        QByteArray data; ///< the DATA bytes, dot-unstuffed
        bool tls = false;
        QString authUser;
        quint16 peerPort = 0; ///< the client's port: equal ports mean one reused connection
    };

    /** @p workDir (e.g. a QTemporaryDir) holds the mail directory and certificates. */
    explicit SmtpTestServer(const QString &workDir);
    ~SmtpTestServer();
    Q_DISABLE_COPY_MOVE(SmtpTestServer)

    /** Starts the server and waits for its port; false with @p error on failure. */
    bool start(const Options &options, QString *error);
    void stop();

    quint16 port() const { return m_port; }
    /** The CA certificate (PEM) that signed the server's certificate; set when TLS is on. */
    QString caFile() const { return m_caFile; }
    QString mailDir() const { return m_mailDir; }

    /** Every accepted message so far, in the order they were accepted. */
    QVector<Received> messages() const;
    /** How many accepted messages were addressed to @p recipient (case-insensitive). */
    int countFor(const QString &recipient) const;

    /** Writes a CA and a server certificate for localhost/127.0.0.1 into @p dir. */
    static bool makeCertificates(const QString &dir, QString *error);

private:
    QString m_workDir;
    QString m_mailDir;
    QString m_caFile;
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace leadtrail::test
