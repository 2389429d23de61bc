#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>

#include <memory>

namespace leadtrail::test {

/**
 * A user's desktop session for one test, made of the real parts a user has:
 * a private D-Bus session bus (dbus-daemon), optionally GNOME Keyring as the
 * Secret Service on it (gnome-keyring-daemon, unlocked with a password, or
 * started with no unlocked keyring so that any write asks for one through a
 * real prompt), and optionally an X server (Xvfb) for windows and prompts.
 * Everything lives in a folder the test owns (HOME, XDG_* and the bus socket)
 * and is stopped when the object is destroyed.
 *
 *     DesktopSession session(tempDir.path());
 *     QVERIFY2(session.start({.keyring = DesktopSession::Keyring::Unlocked}, &error), qPrintable(error));
 *     process.setProcessEnvironment(session.environment());
 */
class DesktopSession final
{
public:
    enum class Keyring {
        None,     ///< a bus with no Secret Service and nothing that could be activated as one
        Unlocked, ///< gnome-keyring-daemon with its login keyring unlocked
        Locked,   ///< gnome-keyring-daemon with no unlocked keyring: a write opens a prompt
    };
    struct Options
    {
        Keyring keyring = Keyring::None;
        bool x11 = false; ///< start Xvfb and set DISPLAY (prompts then really show)
    };

    explicit DesktopSession(const QString &workDir);
    ~DesktopSession();
    Q_DISABLE_COPY_MOVE(DesktopSession)

    bool start(const Options &options, QString *error);

    /**
     * The environment of a process in this session: the system's, with the
     * bus, HOME, XDG folders and DISPLAY of the session, and without
     * LEADTRAIL_NO_KEYCHAIN (the path users take).
     */
    QProcessEnvironment environment() const;

    QString display() const { return m_display; }

    /** Runs a program in the session to its end; its exit code, or -1 when it did not finish in time. */
    int run(const QString &program, const QStringList &arguments, QString *output, int timeoutMs = 30000,
            const QByteArray &input = {}) const;

private:
    bool startBus(bool activation, QString *error);
    bool startKeyring(bool unlocked, QString *error);
    bool startX(QString *error);
    bool waitForName(const QString &name, int timeoutMs) const;

    QString m_workDir;
    QString m_address;
    QString m_display;
    std::unique_ptr<QProcess> m_bus;
    std::unique_ptr<QProcess> m_keyring;
    std::unique_ptr<QProcess> m_x;
};

} // namespace leadtrail::test
