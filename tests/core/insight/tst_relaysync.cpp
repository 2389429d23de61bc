// The poller against the leadtrail-relay program as a user runs it: killed
// with SIGKILL in the middle of a sync and started again, a wrong API key
// (401), and a proxy answering garbage. Nothing is lost, nothing doubled,
// and the sync state says what is wrong in words.
#include "insighttestsupport.h"

#include "insight/relaypoller.h"
#include "protocol/pairing.h"
#include "protocol/token.h"
#include "sending/campaignstore.h"
#include "store/leadstore.h"
#include "store/workspace.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace leadtrail;

namespace {

constexpr int leads = 20;

qint64 scalar(const Workspace &ws, const QString &sql)
{
    QSqlQuery q(ws.database());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

class TestRelaySync final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_config;
    protocol::PairingInfo m_pairing;
    QProcess m_relay;
    quint16 m_port = 0;
    std::unique_ptr<Workspace> m_ws;
    QStringList m_deliveries;

    /** Starts the relay program on @p port (0: any) and reads the port it reports. */
    bool startRelay(quint16 port)
    {
        m_relay.setProcessChannelMode(QProcess::SeparateChannels);
        m_relay.start(QStringLiteral(LEADTRAIL_RELAY_PATH),
                      {u"--config"_s, m_config, u"--port"_s, QString::number(port)});
        if (!m_relay.waitForStarted(10000))
            return false;
        const QRegularExpression re(u"listening on http://127\\.0\\.0\\.1:(\\d+)\\n"_s);
        QByteArray out;
        for (int i = 0; i < 300; ++i) {
            m_relay.waitForReadyRead(100);
            out += m_relay.readAllStandardOutput();
            const auto m = re.match(QString::fromUtf8(out));
            if (m.hasMatch()) {
                m_port = static_cast<quint16>(m.captured(1).toUInt());
                return true;
            }
            if (m_relay.state() == QProcess::NotRunning)
                break;
        }
        qWarning("relay did not start: %s", m_relay.readAllStandardError().constData());
        return false;
    }

    QString base() const { return u"http://127.0.0.1:%1"_s.arg(m_port); }

    /** @p perDelivery real opens for every delivery, with tokens signed by the relay's own key. */
    void fireOpens(int perDelivery)
    {
        for (const QString &delivery : std::as_const(m_deliveries)) {
            protocol::TokenFields f;
            f.kind = protocol::TokenKind::Open;
            f.delivery = *protocol::DeliveryId::fromHex(delivery.toStdString());
            f.issuedAt = QDateTime::currentSecsSinceEpoch() - 3600;
            const std::string url = base().toStdString() + "/o/" + protocol::signToken(f, m_pairing.signingKey);
            for (int i = 0; i < perDelivery; ++i)
                QCOMPARE(insighttest::hit("GET", url, insighttest::browserUa).status, 200);
        }
    }

    void configure(RelayPoller &poller, const QString &url, const QString &key)
    {
        poller.setRelay(QUrl(url), key);
        poller.setPageSize(50);
        poller.setBackoff(100, 400);
        poller.setTimeoutMs(5000);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_config = m_dir.filePath(u"relay.conf"_s);
        QProcess init;
        init.start(QStringLiteral(LEADTRAIL_RELAY_PATH),
                   {u"init"_s, u"--public-url"_s, u"https://t.example"_s, u"--config"_s, m_config});
        QVERIFY(init.waitForFinished(60000));
        QCOMPARE(init.exitCode(), 0);
        const auto pairing = protocol::parsePairingCode(init.readAllStandardOutput().trimmed().toStdString());
        QVERIFY(pairing);
        m_pairing = *pairing;
        // The store and the data files in the test's folder and source tree, not /var and /usr.
        QFile file(m_config);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(file.readAll());
        file.close();
        text.replace(u"/var/lib/leadtrail-relay/events.sqlite"_s, m_dir.filePath(u"events.sqlite"_s));
        text.replace(u"/usr/share/leadtrail-relay"_s, QStringLiteral(LEADTRAIL_SOURCE_DIR "/relay/data"));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text.toUtf8());
        file.close();
        QVERIFY(startRelay(0));

        QString error;
        m_ws = Workspace::open(m_dir.filePath(u"ws"_s), Workspace::OpenMode::CreateIfMissing, &error);
        QVERIFY2(m_ws, qPrintable(error));
        LeadStore store(*m_ws);
        for (int i = 0; i < leads; ++i) {
            Lead lead;
            lead.email = u"lead%1@example.org"_s.arg(i);
            QVERIFY2(store.add(lead, &error), qPrintable(error));
        }
        Campaign campaign;
        campaign.name = u"Sync"_s;
        campaign.subject = u"Hello"_s;
        campaign.html = u"<p>Hello</p>"_s;
        CampaignStore campaigns(*m_ws);
        QVERIFY2(campaigns.create(campaign, &error), qPrintable(error));
        QVERIFY2(campaigns.freeze(campaign.id, &error), qPrintable(error));
        for (const Delivery &d : campaigns.deliveries(campaign.id))
            m_deliveries.append(d.deliveryId);
        QCOMPARE(m_deliveries.size(), leads);
    }

    void relayKilledInTheMiddleOfASync()
    {
        fireOpens(30); // 600 events: 12 pages of 50
        RelayPoller poller(*m_ws);
        configure(poller, base(), QString::fromStdString(m_pairing.apiKey));
        poller.setMaxFailures(0); // keep trying until the relay is back
        QStringList errors;
        connect(&poller, &RelayPoller::stateChanged, this, [&errors](const SyncState &s) {
            if (!s.error.isEmpty())
                errors.append(s.error);
        });
        int pages = 0;
        const quint16 port = m_port;
        connect(&poller, &RelayPoller::pageIngested, this, [&](const IngestResult &) {
            if (++pages != 2)
                return;
            m_relay.kill(); // SIGKILL, mid-sync: ten pages still to come
            m_relay.waitForFinished(10000);
            QTimer::singleShot(1500, this, [&] { QVERIFY(startRelay(port)); });
        });
        QSignalSpy finished(&poller, &RelayPoller::finished);
        poller.start(RelayPoller::Mode::UntilCaughtUp);
        QVERIFY(finished.wait(60000));
        QVERIFY(finished.at(0).at(0).toBool());
        QCOMPARE(m_port, port);
        QVERIFY2(!errors.isEmpty(), "the outage was not reported");
        QVERIFY2(errors.constFirst().contains(u"cannot be reached"_s), qPrintable(errors.constFirst()));

        QCOMPARE(scalar(*m_ws, u"SELECT count(*) FROM events"_s), qint64(600));
        QCOMPARE(scalar(*m_ws, u"SELECT count(DISTINCT delivery_row) FROM events"_s), qint64(leads));
        QCOMPARE(scalar(*m_ws, u"SELECT max(n) FROM (SELECT count(*) AS n FROM events GROUP BY delivery_row)"_s), qint64(30));
        QCOMPARE(scalar(*m_ws, u"SELECT min(n) FROM (SELECT count(*) AS n FROM events GROUP BY delivery_row)"_s), qint64(30));
        const SyncState state = RelayPoller::storedState(*m_ws);
        QCOMPARE(state.cursor, scalar(*m_ws, u"SELECT max(id) FROM events"_s));
        QVERIFY(state.error.isEmpty());
        QVERIFY(state.lastSuccess.isValid());
        QCOMPARE(poller.totals().ingested + poller.totals().duplicates, 600);

        // New events after the restart arrive on the next sync, once.
        fireOpens(5);
        RelayPoller again(*m_ws);
        configure(again, base(), QString::fromStdString(m_pairing.apiKey));
        QSignalSpy done(&again, &RelayPoller::finished);
        again.start(RelayPoller::Mode::UntilCaughtUp);
        QVERIFY(done.wait(60000));
        QVERIFY(done.at(0).at(0).toBool());
        QCOMPARE(again.totals().ingested, leads * 5);
        QCOMPARE(scalar(*m_ws, u"SELECT count(*) FROM events"_s), qint64(700));
    }

    void wrongApiKeyIsSaidInWords()
    {
        const qint64 cursor = RelayPoller::storedState(*m_ws).cursor;
        RelayPoller poller(*m_ws);
        configure(poller, base(), u"not-the-key"_s);
        poller.setMaxFailures(2);
        QSignalSpy finished(&poller, &RelayPoller::finished);
        poller.start(RelayPoller::Mode::UntilCaughtUp);
        QVERIFY(finished.wait(30000));
        QVERIFY(!finished.at(0).at(0).toBool());
        QVERIFY2(poller.state().error.contains(u"refused the API key (HTTP 401)"_s), qPrintable(poller.state().error));
        const SyncState stored = RelayPoller::storedState(*m_ws);
        QCOMPARE(stored.error, poller.state().error);
        QCOMPARE(stored.cursor, cursor);
        QVERIFY2(!stored.error.contains(u"not-the-key"_s), "the key must never be echoed");
    }

    void garbageFromAProxyMovesNothing()
    {
        // A misconfigured proxy in front of the relay: 200 with an HTML page. The relay itself cannot be
        // made to do this, so a socket that speaks HTTP plays the proxy.
        QTcpServer proxy;
        QVERIFY(proxy.listen(QHostAddress::LocalHost, 0));
        connect(&proxy, &QTcpServer::newConnection, this, [&proxy] {
            QTcpSocket *socket = proxy.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                socket->readAll();
                const QByteArray body = "<html><body>502 Bad Gateway</body></html>";
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\nContent-Length: "
                              + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                socket->disconnectFromHost();
            });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        });
        const qint64 cursor = RelayPoller::storedState(*m_ws).cursor;
        RelayPoller poller(*m_ws);
        configure(poller, u"http://127.0.0.1:%1"_s.arg(proxy.serverPort()), QString::fromStdString(m_pairing.apiKey));
        poller.setMaxFailures(2);
        QSignalSpy finished(&poller, &RelayPoller::finished);
        poller.start(RelayPoller::Mode::UntilCaughtUp);
        QVERIFY(finished.wait(30000));
        QVERIFY(!finished.at(0).at(0).toBool());
        QVERIFY2(poller.state().error.contains(u"not an event page"_s), qPrintable(poller.state().error));
        QCOMPARE(RelayPoller::storedState(*m_ws).cursor, cursor);
        QCOMPARE(scalar(*m_ws, u"SELECT count(*) FROM events"_s), qint64(700));
    }

    void cleanupTestCase()
    {
        if (m_relay.state() != QProcess::NotRunning) {
            m_relay.terminate();
            if (!m_relay.waitForFinished(10000))
                m_relay.kill();
        }
        m_ws.reset();
    }
};

QTEST_GUILESS_MAIN(TestRelaySync)
#include "tst_relaysync.moc"
