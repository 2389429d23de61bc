#include "smtptestserver.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "testpython.h"

namespace leadtrail::test {

namespace {

bool runOpenssl(const QStringList &arguments, const QString &dir, QString *error)
{
    QProcess openssl;
    openssl.setWorkingDirectory(dir);
    openssl.start(QStringLiteral("openssl"), arguments);
    if (!openssl.waitForFinished(60000) || openssl.exitStatus() != QProcess::NormalExit || openssl.exitCode() != 0) {
        *error = QStringLiteral("openssl %1 failed: %2 %3")
                     .arg(arguments.join(u' '), openssl.errorString(), QString::fromUtf8(openssl.readAllStandardError()));
        return false;
    }
    return true;
}

} // namespace

SmtpTestServer::SmtpTestServer(const QString &workDir)
    : m_workDir(workDir)
    , m_mailDir(workDir + QStringLiteral("/maildir"))
{
}

SmtpTestServer::~SmtpTestServer()
{
    stop();
}

bool SmtpTestServer::makeCertificates(const QString &dir, QString *error)
{
    QFile ext(dir + QStringLiteral("/server.ext"));
    if (!ext.open(QIODevice::WriteOnly)) {
        *error = ext.errorString();
        return false;
    }
    ext.write("subjectAltName=DNS:localhost,IP:127.0.0.1\n"
              "basicConstraints=CA:FALSE\n"
              "keyUsage=critical,digitalSignature,keyEncipherment\n"
              "extendedKeyUsage=serverAuth\n");
    ext.close();
    const QStringList ec{QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                         QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
    return runOpenssl(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ec
                          + QStringList{QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
                                        QStringLiteral("ca.pem"), QStringLiteral("-days"), QStringLiteral("2"),
                                        QStringLiteral("-subj"), QStringLiteral("/CN=Leadtrail Test CA"),
                                        QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
                                        QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")},
                      dir, error)
        && runOpenssl(QStringList{QStringLiteral("req")} + ec
                          + QStringList{QStringLiteral("-keyout"), QStringLiteral("server.key"), QStringLiteral("-out"),
                                        QStringLiteral("server.csr"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost")},
                      dir, error)
        && runOpenssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("server.csr"),
                       QStringLiteral("-CA"), QStringLiteral("ca.pem"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                       QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), QStringLiteral("server.pem"),
                       QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"), QStringLiteral("server.ext")},
                      dir, error);
}

bool SmtpTestServer::start(const Options &options, QString *error)
{
    const QString python = TestPython::interpreter();
    if (python.isEmpty()) {
        *error = QStringLiteral("no python3 interpreter found");
        return false;
    }
    QStringList arguments{TestPython::script(QStringLiteral("smtpserver.py")), QStringLiteral("--maildir"), m_mailDir};
    if (options.starttls || options.implicitTls) {
        if (!makeCertificates(m_workDir, error))
            return false;
        m_caFile = m_workDir + QStringLiteral("/ca.pem");
        arguments << QStringLiteral("--tls-cert") << m_workDir + QStringLiteral("/server.pem")
                  << QStringLiteral("--tls-key") << m_workDir + QStringLiteral("/server.key");
        arguments << (options.implicitTls ? QStringLiteral("--implicit-tls") : QStringLiteral("--starttls"));
        if (options.requireStarttls)
            arguments << QStringLiteral("--require-starttls");
    }
    if (!options.authUser.isEmpty())
        arguments << QStringLiteral("--auth-user") << options.authUser << QStringLiteral("--auth-password") << options.authPassword;
    for (const QString &fault : options.faults)
        arguments << QStringLiteral("--fault") << fault;
    if (options.pipelining)
        arguments << QStringLiteral("--pipelining");

    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start(python, arguments);
    if (!m_process.waitForStarted()) {
        *error = QStringLiteral("could not start %1: %2").arg(python, m_process.errorString());
        return false;
    }
    QByteArray output;
    const QDeadlineTimer deadline(20000);
    while (!output.contains('\n') && !deadline.hasExpired()) {
        if (!m_process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            break;
        output += m_process.readAllStandardOutput();
    }
    const QByteArray line = output.left(output.indexOf('\n')).trimmed();
    bool ok = false;
    if (line.startsWith("PORT "))
        m_port = line.mid(5).toUShort(&ok);
    if (!ok) {
        *error = QStringLiteral("the SMTP server did not report its port: %1 %2")
                     .arg(QString::fromUtf8(output), QString::fromUtf8(m_process.readAllStandardError()));
        stop();
        return false;
    }
    return true;
}

void SmtpTestServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.closeWriteChannel();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished();
    }
}

QVector<SmtpTestServer::Received> SmtpTestServer::messages() const
{
    QVector<Received> result;
    const QDir dir(m_mailDir);
    const QStringList metas = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &name : metas) {
        QFile meta(dir.filePath(name));
        QFile eml(dir.filePath(name.chopped(5) + QStringLiteral(".eml")));
        if (!meta.open(QIODevice::ReadOnly) || !eml.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject json = QJsonDocument::fromJson(meta.readAll()).object();
        Received r;
        r.mailFrom = json.value(QStringLiteral("mail_from")).toString();
        for (const QJsonValue v : json.value(QStringLiteral("rcpt_tos")).toArray())
            r.recipients.append(v.toString());
        r.tls = json.value(QStringLiteral("tls")).toBool();
        r.authUser = json.value(QStringLiteral("auth_user")).toString();
        r.peerPort = quint16(json.value(QStringLiteral("peer")).toArray().at(1).toInt());
        r.data = eml.readAll();
        result.append(r);
    }
    return result;
}

int SmtpTestServer::countFor(const QString &recipient) const
{
    int count = 0;
    for (const Received &r : messages()) {
        for (const QString &to : r.recipients)
            count += to.compare(recipient, Qt::CaseInsensitive) == 0;
    }
    return count;
}

} // namespace leadtrail::test
