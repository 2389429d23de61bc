#pragma once

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>

#include <memory>

#include <unistd.h>

/**
 * A real PostgreSQL server for one test: initdb into a temporary directory and
 * pg_ctl start on a free loopback port, as an unprivileged user (nobody, when
 * the tests run as root: PostgreSQL refuses to run as root). Stopped and
 * removed on destruction. available() is false, with the reason in error(),
 * when Debian's postgresql binaries are not installed.
 */
class PostgresServer final
{
public:
    PostgresServer()
    {
        const QString bin = findBin();
        if (bin.isEmpty()) {
            m_error = QStringLiteral("PostgreSQL server binaries (initdb, pg_ctl from Debian's postgresql package, "
                                     "installed by scripts/deps) not found under /usr/lib/postgresql/*/bin");
            return;
        }
        m_pgCtl = bin + QStringLiteral("/pg_ctl");
        if (!m_dir.isValid()) {
            m_error = QStringLiteral("no temporary directory");
            return;
        }
        if (::geteuid() == 0 && !giveToNobody()) {
            m_error = QStringLiteral("cannot hand the temporary directory to the user nobody");
            return;
        }
        m_port = freePort();
        const QString data = m_dir.filePath(QStringLiteral("data"));
        if (!run(bin + QStringLiteral("/initdb"), {QStringLiteral("-D"), data, QStringLiteral("-A"), QStringLiteral("trust"),
                                                  QStringLiteral("-U"), QStringLiteral("relay"), QStringLiteral("-E"),
                                                  QStringLiteral("UTF8"), QStringLiteral("--no-sync")})) {
            return;
        }
        const QString options = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1").arg(m_port).arg(m_dir.path());
        if (!run(m_pgCtl, {QStringLiteral("-D"), data, QStringLiteral("-o"), options, QStringLiteral("-l"),
                           m_dir.filePath(QStringLiteral("server.log")), QStringLiteral("-w"), QStringLiteral("start")})) {
            return;
        }
        m_started = true;
    }

    ~PostgresServer()
    {
        if (m_started)
            run(m_pgCtl, {QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")), QStringLiteral("-m"),
                          QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("stop")});
    }

    PostgresServer(const PostgresServer &) = delete;
    PostgresServer &operator=(const PostgresServer &) = delete;

    bool available() const { return m_started; }
    QString error() const { return m_error; }
    /** A libpq connection string for the server's "postgres" database. */
    std::string connection() const
    {
        return "host=127.0.0.1 port=" + std::to_string(m_port) + " dbname=postgres user=relay";
    }

private:
    static QString findBin()
    {
        const QDir root(QStringLiteral("/usr/lib/postgresql"));
        QStringList versions = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
            const QString bin = root.filePath(*it + QStringLiteral("/bin"));
            if (QFileInfo(bin + QStringLiteral("/initdb")).isExecutable() && QFileInfo(bin + QStringLiteral("/pg_ctl")).isExecutable())
                return bin;
        }
        return {};
    }

    static int freePort()
    {
        Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
        return socket.address().port();
    }

    bool giveToNobody()
    {
        QProcess chown;
        chown.start(QStringLiteral("chown"), {QStringLiteral("nobody:"), m_dir.path()});
        return chown.waitForFinished(10000) && chown.exitCode() == 0;
    }

    bool run(const QString &program, const QStringList &arguments)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        if (::geteuid() == 0)
            p.start(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--"), program} + arguments);
        else
            p.start(program, arguments);
        if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            m_error = program + QStringLiteral(" failed: ") + QString::fromLocal8Bit(p.readAll());
            return false;
        }
        return true;
    }

    QTemporaryDir m_dir;
    QString m_pgCtl;
    QString m_error;
    int m_port = 0;
    bool m_started = false;
};
