#include "desktopsession.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QThread>

using namespace Qt::StringLiterals;

namespace leadtrail::test {

namespace {

void stopProcess(std::unique_ptr<QProcess> &process)
{
    if (!process)
        return;
    if (process->state() != QProcess::NotRunning) {
        process->terminate();
        if (!process->waitForFinished(3000)) {
            process->kill();
            process->waitForFinished(3000);
        }
    }
    process.reset();
}

/** Reads lines from @p process until one is not empty; empty when none came in time. */
QString firstLine(QProcess &process, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (process.canReadLine()) {
            const QString line = QString::fromUtf8(process.readLine()).trimmed();
            if (!line.isEmpty())
                return line;
            continue;
        }
        if (process.state() == QProcess::NotRunning)
            return {};
        process.waitForReadyRead(100);
    }
    return {};
}

} // namespace

DesktopSession::DesktopSession(const QString &workDir)
    : m_workDir(workDir)
{
}

DesktopSession::~DesktopSession()
{
    stopProcess(m_keyring);
    stopProcess(m_bus);
    stopProcess(m_x);
}

bool DesktopSession::start(const Options &options, QString *error)
{
    QDir dir(m_workDir);
    for (const QString &sub : {u"home"_s, u"runtime"_s, u"data"_s, u"config"_s, u"cache"_s})
        dir.mkpath(sub);
    QFile::setPermissions(dir.filePath(u"runtime"_s), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    if (options.x11 && !startX(error))
        return false;
    if (!startBus(options.keyring != Keyring::None, error))
        return false;
    if (options.keyring != Keyring::None && !startKeyring(options.keyring == Keyring::Unlocked, error))
        return false;
    return true;
}

QProcessEnvironment DesktopSession::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"LEADTRAIL_NO_KEYCHAIN"_s);
    const QDir dir(m_workDir);
    env.insert(u"HOME"_s, dir.filePath(u"home"_s));
    env.insert(u"XDG_RUNTIME_DIR"_s, dir.filePath(u"runtime"_s));
    env.insert(u"XDG_DATA_HOME"_s, dir.filePath(u"data"_s));
    env.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"config"_s));
    env.insert(u"XDG_CACHE_HOME"_s, dir.filePath(u"cache"_s));
    if (!m_address.isEmpty())
        env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, m_address);
    if (m_display.isEmpty()) {
        env.remove(u"DISPLAY"_s);
    } else {
        env.insert(u"DISPLAY"_s, m_display);
        env.insert(u"QT_QPA_PLATFORM"_s, u"xcb"_s);
    }
    return env;
}

int DesktopSession::run(const QString &program, const QStringList &arguments, QString *output, int timeoutMs,
                        const QByteArray &input) const
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        return -1;
    process.write(input);
    process.closeWriteChannel();
    const bool finished = process.waitForFinished(timeoutMs);
    if (!finished) {
        process.kill();
        process.waitForFinished(3000);
    }
    if (output)
        *output = QString::fromUtf8(process.readAll());
    if (!finished || process.exitStatus() != QProcess::NormalExit)
        return -1;
    return process.exitCode();
}

bool DesktopSession::startBus(bool activation, QString *error)
{
    // A session bus of our own. Without activation nothing can be started on
    // demand, so no Secret Service can appear: the "no keychain" desktop.
    const QString config = QDir(m_workDir).filePath(u"bus.conf"_s);
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = u"cannot write %1"_s.arg(config);
        return false;
    }
    file.write(QByteArrayLiteral(
        "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
        " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
        "<busconfig>\n  <type>session</type>\n  <listen>unix:dir="));
    file.write(QDir(m_workDir).filePath(u"runtime"_s).toUtf8());
    file.write(QByteArrayLiteral("</listen>\n  <auth>EXTERNAL</auth>\n"));
    if (activation)
        file.write(QByteArrayLiteral("  <standard_session_servicedirs/>\n"));
    file.write(QByteArrayLiteral("  <policy context=\"default\">\n"
                                 "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
                                 "    <allow eavesdrop=\"true\"/>\n"
                                 "    <allow own=\"*\"/>\n"
                                 "  </policy>\n</busconfig>\n"));
    file.close();

    m_bus = std::make_unique<QProcess>();
    m_bus->setProcessEnvironment(environment());
    m_bus->setProcessChannelMode(QProcess::SeparateChannels);
    m_bus->setStandardErrorFile(QDir(m_workDir).filePath(u"dbus.log"_s));
    m_bus->start(u"dbus-daemon"_s, {u"--config-file"_s, config, u"--nofork"_s, u"--print-address=1"_s});
    if (!m_bus->waitForStarted(10000)) {
        *error = u"dbus-daemon did not start: %1"_s.arg(m_bus->errorString());
        return false;
    }
    m_address = firstLine(*m_bus, 10000);
    if (m_address.isEmpty()) {
        *error = u"dbus-daemon printed no address (see %1/dbus.log)"_s.arg(m_workDir);
        return false;
    }
    return true;
}

bool DesktopSession::startKeyring(bool unlocked, QString *error)
{
    m_keyring = std::make_unique<QProcess>();
    m_keyring->setProcessEnvironment(environment());
    m_keyring->setProcessChannelMode(QProcess::MergedChannels);
    m_keyring->setStandardOutputFile(QDir(m_workDir).filePath(u"keyring.log"_s));
    QStringList arguments{u"--foreground"_s, u"--components=secrets"_s};
    if (unlocked)
        arguments << u"--unlock"_s; // creates the login keyring with the password on stdin
    m_keyring->start(u"gnome-keyring-daemon"_s, arguments);
    if (!m_keyring->waitForStarted(10000)) {
        *error = u"gnome-keyring-daemon did not start: %1"_s.arg(m_keyring->errorString());
        return false;
    }
    if (unlocked) {
        m_keyring->write("keyring-password-of-the-test");
        m_keyring->waitForBytesWritten(5000);
    }
    m_keyring->closeWriteChannel();
    if (!waitForName(u"org.freedesktop.secrets"_s, 15000)) {
        *error = u"gnome-keyring-daemon did not take org.freedesktop.secrets (see %1/keyring.log)"_s.arg(m_workDir);
        return false;
    }
    return true;
}

bool DesktopSession::startX(QString *error)
{
    m_x = std::make_unique<QProcess>();
    m_x->setStandardErrorFile(QDir(m_workDir).filePath(u"xvfb.log"_s));
    m_x->start(u"Xvfb"_s, {u"-displayfd"_s, u"1"_s, u"-screen"_s, u"0"_s, u"1280x800x24"_s, u"-nolisten"_s, u"tcp"_s});
    if (!m_x->waitForStarted(10000)) {
        *error = u"Xvfb did not start: %1"_s.arg(m_x->errorString());
        return false;
    }
    const QString number = firstLine(*m_x, 15000);
    if (number.isEmpty()) {
        *error = u"Xvfb printed no display number (see %1/xvfb.log)"_s.arg(m_workDir);
        return false;
    }
    m_display = u":"_s + number;
    return true;
}

bool DesktopSession::waitForName(const QString &name, int timeoutMs) const
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        QString output;
        const int code = run(u"dbus-send"_s,
                             {u"--session"_s, u"--print-reply"_s, u"--dest=org.freedesktop.DBus"_s,
                              u"/org/freedesktop/DBus"_s, u"org.freedesktop.DBus.NameHasOwner"_s, u"string:"_s + name},
                             &output, 5000);
        if (code == 0 && output.contains(u"boolean true"_s))
            return true;
        QThread::msleep(100);
    }
    return false;
}

} // namespace leadtrail::test
