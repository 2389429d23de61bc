// The programs as a user starts them, in a real desktop session: a private
// D-Bus session bus, GNOME Keyring as the Secret Service (or none), an X
// server (Xvfb) where a window or a keychain prompt needs one, and
// LEADTRAIL_NO_KEYCHAIN unset. The desktop used to crash at start on exactly
// this path (QtKeychain jobs on the stack, answered after they were gone).
#include "desktopsession.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using leadtrail::test::DesktopSession;

namespace {

const QString Secret = u"pa55-from-the-test"_s;
const QString FallbackNotice = u"secrets are read from environment variables and 0600 files instead"_s;

QString cliPath() { return QStringLiteral(LEADTRAIL_CLI_PATH); }

/** The workspace id QtKeychain's entries are named after (settings.ini, workspace.id). */
QString workspaceId(const QString &workspace)
{
    QSettings settings(workspace + u"/settings.ini"_s, QSettings::IniFormat);
    return settings.value(u"workspace/id"_s).toString();
}

/** A relay of our own on a free port, with its store in @p dir; its pairing code in @p pairingCode. */
class Relay
{
public:
    bool start(const QString &dir, QString *pairingCode)
    {
        const QString config = dir + u"/relay.conf"_s;
        QProcess init;
        init.start(QStringLiteral(LEADTRAIL_RELAY_PATH),
                   {u"init"_s, u"--public-url"_s, u"http://127.0.0.1:1"_s, u"--config"_s, config});
        if (!init.waitForFinished(60000) || init.exitCode() != 0)
            return false;
        *pairingCode = QString::fromUtf8(init.readAllStandardOutput()).trimmed();
        QFile file(config);
        if (!file.open(QIODevice::ReadOnly))
            return false;
        QString text = QString::fromUtf8(file.readAll());
        file.close();
        text.replace(u"/var/lib/leadtrail-relay/events.sqlite"_s, dir + u"/events.sqlite"_s);
        text.replace(u"/usr/share/leadtrail-relay"_s, QStringLiteral(LEADTRAIL_SOURCE_DIR "/relay/data"));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        file.write(text.toUtf8());
        file.close();
        m_process.start(QStringLiteral(LEADTRAIL_RELAY_PATH), {u"--config"_s, config, u"--port"_s, u"0"_s});
        const QRegularExpression re(u"listening on http://127\\.0\\.0\\.1:(\\d+)\\n"_s);
        QByteArray out;
        for (int i = 0; i < 300 && m_process.state() != QProcess::NotRunning; ++i) {
            m_process.waitForReadyRead(100);
            out += m_process.readAllStandardOutput();
            const auto m = re.match(QString::fromUtf8(out));
            if (m.hasMatch()) {
                m_url = u"http://127.0.0.1:"_s + m.captured(1);
                return true;
            }
        }
        return false;
    }

    QString url() const { return m_url; }

    /** How many API polls the relay answered with 200 (its /metrics). */
    int authenticatedPolls() const
    {
        QProcess curl;
        curl.start(u"curl"_s, {u"-s"_s, m_url + u"/metrics"_s});
        curl.waitForFinished(10000);
        const QString metrics = QString::fromUtf8(curl.readAllStandardOutput());
        const auto m = QRegularExpression(u"leadtrail_relay_requests_total\\{endpoint=\"events\",status=\"200\"\\} (\\d+)"_s)
                           .match(metrics);
        return m.hasMatch() ? m.captured(1).toInt() : 0;
    }

    ~Relay()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished();
    }

private:
    QProcess m_process;
    QString m_url;
};

} // namespace

class TestKeychainSession : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    QString newFolder()
    {
        const QString folder = m_dir.filePath(u"case%1"_s.arg(++m_counter));
        QDir().mkpath(folder);
        return folder;
    }

    /** Runs leadtrail-cli in @p session; the exit code (-1: did not finish or crashed) and its output. */
    static int cli(const DesktopSession &session, const QStringList &arguments, QString *output,
                   const QByteArray &input = {})
    {
        return session.run(cliPath(), arguments, output, 60000, input);
    }

    /**
     * Starts the desktop on @p workspace in @p session (an X session), waits
     * for its window, lets it run @p runMs (its start-up sync included), then
     * quits it with Ctrl+Q as a user would. Its exit code (-1: crashed or hung).
     */
    static int runDesktop(const DesktopSession &session, const QString &workspace, int runMs, QString *output)
    {
        QProcess gui;
        QProcessEnvironment env = session.environment();
        gui.setProcessEnvironment(env);
        gui.setProcessChannelMode(QProcess::MergedChannels);
        gui.start(QStringLiteral(LEADTRAIL_GUI_PATH), {u"--workspace"_s, workspace});
        if (!gui.waitForStarted(10000))
            return -1;
        QString windowId;
        for (int i = 0; i < 60 && windowId.isEmpty() && gui.state() == QProcess::Running; ++i) {
            session.run(u"xdotool"_s, {u"search"_s, u"--onlyvisible"_s, u"--name"_s, u"^Leadtrail$"_s}, &windowId, 5000);
            windowId = windowId.split(u'\n', Qt::SkipEmptyParts).value(0).trimmed();
            if (windowId.isEmpty())
                QThread::msleep(500);
        }
        if (!windowId.isEmpty()) {
            QThread::msleep(runMs);
            QString ignored;
            session.run(u"xdotool"_s,
                        {u"windowfocus"_s, u"--sync"_s, windowId, u"key"_s, u"--clearmodifiers"_s, u"ctrl+q"_s},
                        &ignored, 10000);
        }
        const bool finished = gui.waitForFinished(30000);
        if (!finished) {
            gui.kill();
            gui.waitForFinished();
        }
        *output = QString::fromUtf8(gui.readAll());
        if (windowId.isEmpty())
            output->prepend(u"(no window appeared)\n"_s);
        if (!finished || gui.exitStatus() != QProcess::NormalExit)
            return -1;
        return gui.exitCode();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        for (const QString &tool : {u"dbus-daemon"_s, u"dbus-send"_s, u"gnome-keyring-daemon"_s, u"Xvfb"_s,
                                    u"xdotool"_s, u"secret-tool"_s, u"curl"_s})
            QVERIFY2(!QStandardPaths::findExecutable(tool).isEmpty(),
                     qPrintable(tool + u" is missing: scripts/deps installs it"_s));
    }

    /** A session bus with no Secret Service: secrets go to a 0600 file, said once, nothing hangs. */
    void noSecretServiceFallsBackToAFile()
    {
        const QString folder = newFolder();
        DesktopSession session(folder);
        QString error;
        QVERIFY2(session.start({DesktopSession::Keyring::None, false}, &error), qPrintable(error));
        const QString ws = folder + u"/ws"_s;
        QString out;
        QCOMPARE(cli(session, {u"-w"_s, ws, u"init"_s}, &out), 0);
        QCOMPARE(cli(session, {u"-w"_s, ws, u"config"_s, u"set"_s, u"smtp.password"_s, u"-"_s}, &out,
                     Secret.toUtf8() + "\n"),
                 0);
        QVERIFY2(out.contains(u"stored in the file"_s), qPrintable(out));
        QVERIFY2(out.contains(u"keychain is unavailable"_s), qPrintable(out));
        QCOMPARE(out.count(FallbackNotice), 1);
        QFile file(ws + u"/secrets/smtp.password"_s);
        QVERIFY2(file.exists(), "the secret is in the workspace's 0600 file");
        QCOMPARE(file.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());

        // A command that reads all three secrets says it once, and finds the password.
        QCOMPARE(cli(session, {u"-w"_s, ws, u"config"_s, u"list"_s}, &out), 0);
        QVERIFY2(out.contains(u"smtp.password = (secret, in the file"_s), qPrintable(out));
        QCOMPARE(out.count(FallbackNotice), 1);
        QVERIFY(!out.contains(Secret));
    }

    /** GNOME Keyring, unlocked: the secret lives there, not in a file, and a second process reads it. */
    void realKeychainStoresAndReads()
    {
        const QString folder = newFolder();
        DesktopSession session(folder);
        QString error;
        QVERIFY2(session.start({DesktopSession::Keyring::Unlocked, false}, &error), qPrintable(error));
        const QString ws = folder + u"/ws"_s;
        QString out;
        QCOMPARE(cli(session, {u"-w"_s, ws, u"init"_s}, &out), 0);
        QCOMPARE(cli(session, {u"-w"_s, ws, u"config"_s, u"set"_s, u"smtp.password"_s, u"-"_s}, &out,
                     Secret.toUtf8() + "\n"),
                 0);
        QVERIFY2(out.contains(u"stored in the system keychain"_s), qPrintable(out));
        QVERIFY2(!out.contains(FallbackNotice), qPrintable(out));
        QVERIFY(!QFile::exists(ws + u"/secrets/smtp.password"_s));

        // What GNOME Keyring itself holds, asked with its own tool.
        const QString id = workspaceId(ws);
        QVERIFY(!id.isEmpty());
        QCOMPARE(session.run(u"secret-tool"_s,
                             {u"lookup"_s, u"user"_s, id + u"/smtp.password"_s, u"server"_s, u"Leadtrail"_s, u"type"_s,
                              u"plaintext"_s},
                             &out),
                 0);
        QCOMPARE(out, Secret);

        QCOMPARE(cli(session, {u"-w"_s, ws, u"config"_s, u"list"_s}, &out), 0);
        QVERIFY2(out.contains(u"smtp.password = (secret, in the system keychain"_s), qPrintable(out));
        QVERIFY(!out.contains(Secret));
    }

    /**
     * GNOME Keyring with no unlocked keyring under X: storing a secret opens
     * a real prompt that nobody answers. The CLI gives up on the keychain
     * after its wait, stores the secret in the file, says why once, and
     * exits cleanly while the keychain's answer is still outstanding.
     */
    void keychainThatNeverAnswersFallsBack()
    {
        const QString folder = newFolder();
        DesktopSession session(folder);
        QString error;
        QVERIFY2(session.start({DesktopSession::Keyring::Locked, true}, &error), qPrintable(error));
        const QString ws = folder + u"/ws"_s;
        QString out;
        QCOMPARE(cli(session, {u"-w"_s, ws, u"init"_s}, &out), 0);
        Relay relay;
        QString code;
        QVERIFY(relay.start(folder, &code));
        // Two secrets: the first waits for the keychain, the second is not kept waiting again.
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(cli(session, {u"-w"_s, ws, u"relay"_s, u"pair"_s, u"-"_s}, &out, code.toUtf8() + "\n"), 0);
        QVERIFY2(out.contains(u"did not answer"_s), qPrintable(out));
        QCOMPARE(out.count(FallbackNotice), 1);
        QVERIFY2(timer.elapsed() < 25000, "one wait for the keychain, not one per secret");
        QVERIFY(QFile::exists(ws + u"/secrets/relay.api_key"_s));
        QVERIFY(QFile::exists(ws + u"/secrets/relay.signing_key"_s));
        QCOMPARE(cli(session, {u"-w"_s, ws, u"config"_s, u"set"_s, u"relay.url"_s, relay.url()}, &out), 0);

        // The desktop on that workspace in that session starts, syncs with the key from the file, and quits.
#if defined(__SANITIZE_ADDRESS__)
        QSKIP("the ASan-built desktop under Xvfb reports leaks inside Qt's xcb platform plugin at exit; "
              "the dev stage runs this case");
#endif
        QCOMPARE(runDesktop(session, ws, 3000, &out), 0);
        QVERIFY2(relay.authenticatedPolls() > 0, qPrintable(out));
    }

    /**
     * The crash users hit: a workspace paired inside a session with a real
     * Secret Service, then the desktop started on it. Its start-up sync reads
     * the relay key from the keychain on the sync thread; it must start, poll
     * the relay with that key, and quit cleanly.
     */
    void desktopStartsAndQuitsWithRealKeychain()
    {
        const QString folder = newFolder();
        DesktopSession session(folder);
        QString error;
        QVERIFY2(session.start({DesktopSession::Keyring::Unlocked, true}, &error), qPrintable(error));
        const QString ws = folder + u"/ws"_s;
        QString out;
        QCOMPARE(cli(session, {u"-w"_s, ws, u"init"_s}, &out), 0);
        Relay relay;
        QString code;
        QVERIFY(relay.start(folder, &code));
        QCOMPARE(cli(session, {u"-w"_s, ws, u"relay"_s, u"pair"_s, u"-"_s}, &out, code.toUtf8() + "\n"), 0);
        QVERIFY2(!out.contains(FallbackNotice), qPrintable(out));
        QVERIFY(!QFile::exists(ws + u"/secrets/relay.api_key"_s));
        QCOMPARE(cli(session, {u"-w"_s, ws, u"config"_s, u"set"_s, u"relay.url"_s, relay.url()}, &out), 0);

#if defined(__SANITIZE_ADDRESS__)
        QSKIP("the ASan-built desktop under Xvfb reports leaks inside Qt's xcb platform plugin at exit; "
              "the dev stage runs this case");
#endif
        for (int round = 0; round < 2; ++round) { // a second start reads what the first left
            const int code = runDesktop(session, ws, 3000, &out);
            QVERIFY2(code == 0, qPrintable(out.right(3000)));
            QVERIFY2(!out.contains(FallbackNotice), qPrintable(out));
        }
        QVERIFY2(relay.authenticatedPolls() >= 2, qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(TestKeychainSession)
#include "tst_keychainsession.moc"
