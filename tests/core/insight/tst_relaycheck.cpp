// The relay "Test" of the settings against the real relay (in-process, port
// 0): a working relay with the right key, the wrong key (401), a relay that is
// gone, and a paired workspace (URL from the settings, key from the secrets).
#include "insighttestsupport.h"

#include "insight/relaycheck.h"
#include "insight/relaypairing.h"
#include "protocol/pairing.h"
#include "relayserver.h"
#include "store/workspace.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace leadtrail;

class TestRelayCheck final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void acceptedKey();
    void refusedKey();
    void unreachable();
    void pairedWorkspace();

private:
    RelayCheck::Result run(const QUrl &url, const QString &key);

    QTemporaryDir m_dir;
    std::unique_ptr<relay::RelayServer> m_relay;
    QUrl m_base;
};

void TestRelayCheck::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_relay = std::make_unique<relay::RelayServer>(insighttest::relayConfig(m_dir.path().toStdString()));
    m_relay->start();
    m_base = QUrl(u"http://127.0.0.1:%1"_s.arg(m_relay->port()));
}

void TestRelayCheck::cleanupTestCase()
{
    if (m_relay)
        m_relay->stop();
}

RelayCheck::Result TestRelayCheck::run(const QUrl &url, const QString &key)
{
    RelayCheck check;
    QSignalSpy finished(&check, &RelayCheck::finished);
    check.start(url, key);
    if (!finished.wait(20000))
        return {};
    return finished.at(0).at(0).value<RelayCheck::Result>();
}

void TestRelayCheck::acceptedKey()
{
    const RelayCheck::Result r = run(m_base, QString::fromStdString(insighttest::apiKey()));
    QVERIFY2(r.outcome == RelayCheck::Outcome::Ok, qPrintable(r.error));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.url, m_base);
    QVERIFY(r.error.isEmpty());
}

void TestRelayCheck::refusedKey()
{
    const RelayCheck::Result r = run(m_base, u"not-the-key"_s);
    QVERIFY2(r.outcome == RelayCheck::Outcome::KeyRefused, qPrintable(r.error));
    QCOMPARE(r.status, 401);
    QVERIFY2(r.error.contains(u"refused the API key"_s), qPrintable(r.error));
    QVERIFY2(!r.error.contains(u"not-the-key"_s), "the key must never appear in a message");
}

void TestRelayCheck::unreachable()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    const RelayCheck::Result r = run(QUrl(u"http://127.0.0.1:%1"_s.arg(port)), QString::fromStdString(insighttest::apiKey()));
    QVERIFY2(r.outcome == RelayCheck::Outcome::Unreachable, qPrintable(r.error));
    QCOMPARE(r.status, 0);
    QVERIFY2(r.error.contains(u"cannot be reached"_s), qPrintable(r.error));
    QVERIFY2(r.networkError.contains(u"refused"_s, Qt::CaseInsensitive), qPrintable(r.networkError));
}

void TestRelayCheck::pairedWorkspace()
{
    QString error;
    const std::unique_ptr<Workspace> ws =
        Workspace::open(m_dir.filePath(u"ws"_s), Workspace::OpenMode::CreateIfMissing, &error);
    QVERIFY2(ws, qPrintable(error));
    RelayCheck check;
    QVERIFY(!check.start(*ws, &error));
    QVERIFY2(error.contains(u"no relay is paired"_s), qPrintable(error));
    QVERIFY(!check.isRunning());

    const protocol::PairingInfo info{m_base.toString().toStdString(), insighttest::signingKey(), insighttest::apiKey()};
    QString url;
    QVERIFY2(RelayPairing::pair(*ws, QString::fromStdString(protocol::formatPairingCode(info)), &url, &error),
             qPrintable(error));
    QSignalSpy finished(&check, &RelayCheck::finished);
    QVERIFY2(check.start(*ws, &error), qPrintable(error));
    QVERIFY(finished.wait(20000));
    const auto r = finished.at(0).at(0).value<RelayCheck::Result>();
    QVERIFY2(r.outcome == RelayCheck::Outcome::Ok, qPrintable(r.error));
    // Looking does not sync: the cursor has not moved.
    QSqlQuery q(ws->database());
    QVERIFY(q.exec(u"SELECT cursor FROM sync_state WHERE id = 1"_s) && q.next());
    QCOMPARE(q.value(0).toLongLong(), qint64(0));
}

QTEST_GUILESS_MAIN(TestRelayCheck)
#include "tst_relaycheck.moc"
