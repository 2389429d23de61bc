// The leadtrail-relay program as a user runs it: init / pairing-code /
// rotate-key, clean SIGTERM shutdown, and the durability promise: kill -9
// under concurrent clicks loses no click whose redirect reached a client.
#include "relaytestsupport.h"

#include "protocol/pairing.h"

#include <atomic>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace leadtrail;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runRelay(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(LEADTRAIL_RELAY_PATH), args);
    if (!p.waitForFinished(60000))
        p.kill();
    p.waitForFinished();
    return Run{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

/** Points a config written by init at a store in dir and at the source tree's data files. */
void localise(const QString &configPath, const QString &dir)
{
    QFile f(configPath);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(f.readAll());
    f.close();
    text.replace(u"/var/lib/leadtrail-relay/events.sqlite"_s, dir + u"/events.sqlite"_s);
    text.replace(u"/usr/share/leadtrail-relay"_s, QStringLiteral(LEADTRAIL_SOURCE_DIR "/relay/data"));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text.toUtf8());
}

std::string configValue(const QString &configPath, const QString &key)
{
    QFile f(configPath);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QRegularExpression re(u"^"_s + QRegularExpression::escape(key) + u"\\s*=\\s*(\\S+)\\s*$"_s,
                                QRegularExpression::MultilineOption);
    return re.match(QString::fromUtf8(f.readAll())).captured(1).toStdString();
}

/** A running relay process that reported its port on stdout. */
class RelayProcess final
{
public:
    bool start(const QString &config)
    {
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(QStringLiteral(LEADTRAIL_RELAY_PATH), {u"--config"_s, config, u"--port"_s, u"0"_s});
        if (!m_process.waitForStarted(10000))
            return false;
        QByteArray out;
        const QRegularExpression re(u"listening on http://127\\.0\\.0\\.1:(\\d+)\\n"_s);
        for (int i = 0; i < 300; ++i) {
            m_process.waitForReadyRead(100);
            out += m_process.readAllStandardOutput();
            const auto m = re.match(QString::fromUtf8(out));
            if (m.hasMatch()) {
                port = static_cast<std::uint16_t>(m.captured(1).toUInt());
                return true;
            }
            if (m_process.state() == QProcess::NotRunning)
                break;
        }
        qWarning("relay did not start: %s", m_process.readAllStandardError().constData());
        return false;
    }
    QProcess &process() { return m_process; }
    std::uint16_t port = 0;

private:
    QProcess m_process;
};

/** Runs init in dir, points the config at dir, and returns its path and the pairing info. */
std::pair<QString, protocol::PairingInfo> initRelay(const QTemporaryDir &dir)
{
    const QString config = dir.filePath(u"relay.conf"_s);
    const Run init = runRelay({u"init"_s, u"--public-url"_s, u"https://t.example"_s, u"--config"_s, config});
    if (init.exitCode != 0)
        qFatal("init failed: %s", qPrintable(init.err));
    localise(config, dir.path());
    const auto info = protocol::parsePairingCode(init.out.trimmed().toStdString());
    if (!info)
        qFatal("init printed no pairing code");
    return {config, *info};
}

std::vector<QJsonObject> allEvents(std::uint16_t port, const std::string &apiKey)
{
    std::vector<QJsonObject> events;
    std::int64_t cursor = 0;
    for (;;) {
        const auto r = relaytest::request(port, "GET", "/api/v1/events?limit=5000&after=" + std::to_string(cursor),
                                          {{"Authorization", "Bearer " + apiKey}});
        if (r.status != 200)
            return events;
        const QJsonObject page = QJsonDocument::fromJson(QByteArray::fromStdString(r.body)).object();
        const QJsonArray a = page[u"events"_s].toArray();
        if (a.isEmpty())
            return events;
        for (const QJsonValue &v : a)
            events.push_back(v.toObject());
        cursor = page[u"next"_s].toInteger();
    }
}

} // namespace

class TstRelayProcess final : public QObject
{
    Q_OBJECT

private slots:
    void initWritesPrivateConfigAndPairingCode();
    void initRefusesBadInputAndLosesNothing();
    void rotateKeyKeepsOldTokensWorking();
    void sigtermStopsCleanlyWithEventsKept();
    void sigkillUnderConcurrentClicksLosesNoAnsweredClick();
};

void TstRelayProcess::initWritesPrivateConfigAndPairingCode()
{
    QTemporaryDir dir;
    const QString config = dir.filePath(u"relay.conf"_s);
    const Run init = runRelay({u"init"_s, u"--public-url"_s, u"https://track.example.com"_s, u"--config"_s, config});
    QCOMPARE(init.exitCode, 0);
    struct stat st{};
    QCOMPARE(::stat(QFile::encodeName(config).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, mode_t(0600));
    const QStringList lines = init.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1);
    const auto info = protocol::parsePairingCode(lines[0].toStdString());
    QVERIFY(info);
    QCOMPARE(QString::fromStdString(info->publicUrl), u"https://track.example.com"_s);
    QCOMPARE(info->apiKey, configValue(config, u"relay.api_key"_s));
    QVERIFY(info->signingKey.secret.size() >= 32);
    // The secrets are in the 0600 file, not on stderr.
    QVERIFY(!init.err.contains(QString::fromStdString(info->apiKey)));

    const Run code = runRelay({u"pairing-code"_s, u"--config"_s, config});
    QCOMPARE(code.exitCode, 0);
    QCOMPARE(code.out, lines[0] + u'\n');
    QVERIFY(code.err.isEmpty());

    // Two inits never share keys.
    const QString other = dir.filePath(u"other.conf"_s);
    QCOMPARE(runRelay({u"init"_s, u"--public-url"_s, u"https://track.example.com"_s, u"--config"_s, other}).exitCode, 0);
    QVERIFY(configValue(other, u"relay.api_key"_s) != configValue(config, u"relay.api_key"_s));
    QVERIFY(configValue(other, u"relay.signing.keys"_s) != configValue(config, u"relay.signing.keys"_s));
}

void TstRelayProcess::initRefusesBadInputAndLosesNothing()
{
    QTemporaryDir dir;
    const QString config = dir.filePath(u"relay.conf"_s);
    Run r = runRelay({u"init"_s, u"--public-url"_s, u"ftp://nope"_s, u"--config"_s, config});
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains(u"public-url"_s), qPrintable(r.err));
    QVERIFY(!QFile::exists(config));
    r = runRelay({u"init"_s, u"--config"_s, config});
    QVERIFY(r.exitCode != 0);
    QVERIFY(r.err.contains(u"--public-url"_s));

    QCOMPARE(runRelay({u"init"_s, u"--public-url"_s, u"https://a.example"_s, u"--config"_s, config}).exitCode, 0);
    QFile f(config);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray before = f.readAll();
    f.close();
    // A second init would orphan every email sent: refused, file untouched.
    r = runRelay({u"init"_s, u"--public-url"_s, u"https://b.example"_s, u"--config"_s, config});
    QVERIFY(r.exitCode != 0);
    QVERIFY(r.err.contains(u"already exists"_s));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);

    r = runRelay({u"--config"_s, dir.filePath(u"missing.conf"_s)});
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains(u"does not exist"_s), qPrintable(r.err));
    r = runRelay({u"frobnicate"_s, u"--config"_s, config});
    QVERIFY(r.exitCode != 0);
    QVERIFY(r.err.contains(u"unknown command"_s));
}

void TstRelayProcess::rotateKeyKeepsOldTokensWorking()
{
    QTemporaryDir dir;
    const auto [config, first] = initRelay(dir);
    const protocol::PairingInfo *before = &first;

    QCOMPARE(runRelay({u"rotate-key"_s, u"--config"_s, config}).exitCode, 0);
    const auto after = protocol::parsePairingCode(runRelay({u"pairing-code"_s, u"--config"_s, config}).out.trimmed().toStdString());
    QVERIFY(after);
    QCOMPARE(after->signingKey.id, before->signingKey.id + 1);
    QVERIFY(after->signingKey.secret != before->signingKey.secret);
    QCOMPARE(after->apiKey, before->apiKey);

    RelayProcess relay;
    QVERIFY(relay.start(config));
    for (const auto &key : {before->signingKey, after->signingKey}) {
        const auto r = relaytest::request(relay.port, "GET",
                                          "/c/" + relaytest::token(protocol::TokenKind::Click, "https://dest.example/", 0, key));
        QCOMPARE(r.status, 302);
        QVERIFY(r.header("location").rfind("https://dest.example/?lt_cid=", 0) == 0);
    }
    relay.process().terminate();
    QVERIFY(relay.process().waitForFinished(20000));
}

void TstRelayProcess::sigtermStopsCleanlyWithEventsKept()
{
    QTemporaryDir dir;
    const auto [config, pairing] = initRelay(dir);
    const protocol::PairingInfo *info = &pairing;
    RelayProcess relay;
    QVERIFY(relay.start(config));
    for (int i = 0; i < 5; ++i)
        relaytest::request(relay.port, "GET", "/o/" + relaytest::token(protocol::TokenKind::Open, {}, 0, info->signingKey));
    relay.process().terminate(); // SIGTERM
    QVERIFY(relay.process().waitForFinished(20000));
    QCOMPARE(relay.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(relay.process().exitCode(), 0);

    RelayProcess again;
    QVERIFY(again.start(config));
    QCOMPARE(allEvents(again.port, info->apiKey).size(), std::size_t(5));
    again.process().terminate();
    QVERIFY(again.process().waitForFinished(20000));
}

void TstRelayProcess::sigkillUnderConcurrentClicksLosesNoAnsweredClick()
{
    QTemporaryDir dir;
    const auto [config, pairing] = initRelay(dir);
    const protocol::PairingInfo *info = &pairing;

    std::set<std::string> answered; // click ids from redirects that reached us
    std::mutex answeredMutex;
    std::size_t totalAnswered = 0;
    for (int round = 0; round < 3; ++round) {
        RelayProcess relay;
        QVERIFY(relay.start(config));
        const std::uint16_t port = relay.port;
        std::atomic<bool> stop{false};
        std::vector<std::thread> clients;
        for (int c = 0; c < 8; ++c) {
            clients.emplace_back([&, c] {
                const std::string t = relaytest::token(protocol::TokenKind::Click, "https://dest.example/x?c=" + std::to_string(c),
                                                       std::uint32_t(c), info->signingKey);
                while (!stop) {
                    try {
                        const auto r = relaytest::request(port, "GET", "/c/" + t);
                        const std::string loc = r.header("location");
                        const auto at = loc.find("lt_cid=");
                        if (r.status == 302 && at != std::string::npos) {
                            std::lock_guard lock(answeredMutex);
                            answered.insert(loc.substr(at + 7));
                        }
                    } catch (const Poco::Exception &) {
                        // The relay died mid-request: that click was never answered.
                        if (stop)
                            return;
                        std::this_thread::sleep_for(std::chrono::milliseconds(5));
                    }
                }
            });
        }
        // Let the clicks flow, then kill -9 while they are in flight.
        std::this_thread::sleep_for(std::chrono::milliseconds(700 + 300 * round));
        relay.process().kill(); // SIGKILL
        relay.process().waitForFinished(10000);
        stop = true;
        for (auto &t : clients)
            t.join();
        QCOMPARE(relay.process().exitStatus(), QProcess::CrashExit);
        {
            std::lock_guard lock(answeredMutex);
            QVERIFY2(answered.size() > totalAnswered, "the clients got no answers; the test proves nothing");
            totalAnswered = answered.size();
        }
    }

    RelayProcess restarted;
    QVERIFY(restarted.start(config));
    std::set<std::string> stored;
    for (const QJsonObject &e : allEvents(restarted.port, info->apiKey))
        stored.insert(e[u"cid"_s].toString().toStdString());
    std::size_t missing = 0;
    for (const std::string &cid : answered)
        missing += stored.count(cid) == 0;
    qInfo("answered clicks: %zu, stored events: %zu, answered but missing: %zu", answered.size(), stored.size(), missing);
    QCOMPARE(missing, std::size_t(0));
    QVERIFY(stored.size() >= answered.size());
    restarted.process().terminate();
    QVERIFY(restarted.process().waitForFinished(20000));
}

QTEST_GUILESS_MAIN(TstRelayProcess)
#include "tst_relayprocess.moc"
