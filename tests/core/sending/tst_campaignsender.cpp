#include "campaign/smtptransport.h"
#include "sending/campaignsender.h"
#include "sending/campaignstore.h"
#include "sending/finaldotjournal.h"
#include "store/leadstore.h"
#include "store/workspace.h"

#include "smtptestserver.h"
#include "testpython.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <utility>

#include <dlfcn.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace leadtrail;
using leadtrail::test::SmtpTestServer;

namespace {

std::atomic<bool> failJournalSyncs{false};

} // namespace

/**
 * fdatasync as this test program sees it (its own definition comes before
 * libc's): while failJournalSyncs is set, syncing a final-dot journal fails
 * with EIO, as on a dying disk, which a real disk cannot be made to do on
 * demand. Every other call goes to libc's.
 */
extern "C" int fdatasync(int fd) noexcept
{
    using Real = int (*)(int);
    static const auto real = reinterpret_cast<Real>(dlsym(RTLD_NEXT, "fdatasync"));
    if (failJournalSyncs.load()) {
        char link[64];
        char target[4096];
        std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
        const ssize_t n = ::readlink(link, target, sizeof target - 1);
        if (n > 0) {
            target[n] = '\0';
            if (std::strstr(target, ".journal")) {
                errno = EIO;
                return -1;
            }
        }
    }
    return real(fd);
}

namespace {

QString leadAddress(int i)
{
    return u"lead%1@example.org"_s.arg(i, 4, 10, QChar(u'0'));
}

/**
 * A real SmtpTransport that, at the moment its final dot would go out, reads
 * the final-dot journals from disk as a restart would and notes which rows
 * they list: proof that the sender journals each message before its dot.
 */
class JournalReadingTransport final : public MailTransport
{
public:
    struct Seen
    {
        QString recipient;
        FinalDotJournal::Attempts journaled;
    };

    JournalReadingTransport(const SmtpSettings &smtp, QString folder, qint64 campaignId, std::mutex &mutex,
                            QList<Seen> &seen)
        : m_inner(smtp)
        , m_folder(std::move(folder))
        , m_campaignId(campaignId)
        , m_mutex(mutex)
        , m_seen(seen)
    {
    }

    Result send(const QString &envelopeFrom, const QString &recipient, const QByteArray &message) override
    {
        m_inner.setBeforeFinalDot([&] {
            if (!beforeFinalDot()) // the sender's own hook: journal and sync
                return false;
            QString error;
            const auto journaled = FinalDotJournal::readAll(m_folder, m_campaignId, &error);
            std::lock_guard lock(m_mutex);
            m_seen.append({recipient, journaled.value_or(FinalDotJournal::Attempts())});
            return true;
        });
        return m_inner.send(envelopeFrom, recipient, message);
    }
    void close() override { m_inner.close(); }

private:
    SmtpTransport m_inner;
    QString m_folder;
    qint64 m_campaignId;
    std::mutex &m_mutex;
    QList<Seen> &m_seen;
};

} // namespace

/**
 * CampaignStore and CampaignSender against a real workspace database and the
 * real aiosmtpd server on loopback; what counts is what the server stored.
 */
class TestCampaignSender final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<SmtpTestServer> m_server;

    void openWorkspace()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        m_workspace = Workspace::open(m_dir.filePath(u"ws"_s), Workspace::OpenMode::CreateIfMissing, &error);
        QVERIFY2(m_workspace, qPrintable(error));
    }

    void startServer(const QStringList &faults = {})
    {
        m_server = std::make_unique<SmtpTestServer>(m_dir.filePath(u"smtp"_s));
        SmtpTestServer::Options options;
        options.faults = faults;
        QString error;
        QVERIFY2(m_server->start(options, &error), qPrintable(error));
    }

    void addLeads(int count, const QString &category = u"buyer"_s)
    {
        LeadStore leads(*m_workspace);
        for (int i = 0; i < count; ++i) {
            Lead lead;
            lead.email = leadAddress(i);
            lead.firstName = u"Lead%1"_s.arg(i);
            lead.category = category;
            lead.score = i;
            QString error;
            QVERIFY2(leads.add(lead, &error), qPrintable(error));
        }
    }

    qint64 createCampaign(const QString &audience = u"all"_s)
    {
        Campaign campaign;
        campaign.name = u"Spring offer"_s;
        campaign.subject = u"Hello {{first_name|there}}"_s;
        campaign.html = u"<html><body><p>Hi {{first_name}}, see <a href=\"https://example.com/offer?a=1&amp;b=2\">"
                        "the offer</a>.</p></body></html>"_s;
        campaign.audience = audience;
        QString error;
        if (!CampaignStore(*m_workspace).create(campaign, &error))
            qWarning("%s", qPrintable(error));
        return campaign.id;
    }

    SenderConfig config(int connections = 2) const
    {
        SenderConfig c;
        c.smtp.host = u"127.0.0.1"_s;
        c.smtp.port = m_server ? m_server->port() : 1;
        c.smtp.security = SmtpSettings::Security::None;
        c.smtp.replyTimeoutMs = 10000;
        c.connections = connections;
        c.retryBaseMs = 50;
        c.relayUrl = u"https://t.example.net"_s;
        c.signingKey = {7, std::string(32, 'k')};
        c.senderName = u"Sales"_s;
        c.senderEmail = u"sales@example.com"_s;
        return c;
    }

    /** The final-dot journals in the workspace. */
    QStringList journalFiles() const
    {
        return QDir(m_workspace->folder() + u"/sending"_s).entryList({u"*.journal"_s}, QDir::Files);
    }

    /** Leaves @p bytes as connection @p connection's journal of campaign @p id, as a dead sender would. */
    void leaveJournal(qint64 id, int connection, const QByteArray &bytes)
    {
        const QString path = FinalDotJournal::path(m_workspace->folder(), id, connection);
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(bytes), bytes.size());
    }

    /** Runs the sender to its end; returns the state it ended in. */
    CampaignState runToEnd(CampaignSender &sender, qint64 id, QString *message = nullptr)
    {
        QSignalSpy finished(&sender, &CampaignSender::finished);
        QString error;
        if (!sender.start(id, &error)) {
            qWarning("start: %s", qPrintable(error));
            return CampaignState::Draft;
        }
        if (!finished.wait(120000))
            return CampaignState::Draft;
        if (message)
            *message = finished.at(0).at(2).toString();
        return finished.at(0).at(1).value<CampaignState>();
    }

    /**
     * Starts @p sender on @p id and, once the server has @p received
     * messages, runs @p interruption (a pause, a cancel, a failing disk).
     * The state the send then ended in, and its message; Draft when it
     * ended before the interruption or did not end.
     */
    std::pair<CampaignState, QString> interrupt(CampaignSender &sender, qint64 id, int received,
                                                const std::function<void()> &interruption)
    {
        QSignalSpy finished(&sender, &CampaignSender::finished);
        QString error;
        if (!sender.start(id, &error)) {
            qWarning("start: %s", qPrintable(error));
            return {CampaignState::Draft, error};
        }
        QElapsedTimer timer;
        timer.start();
        while (m_server->messages().size() < received && finished.isEmpty() && timer.elapsed() < 60000)
            QTest::qWait(5);
        if (!finished.isEmpty()) {
            qWarning("the send ended before it could be interrupted; more leads needed");
            return {CampaignState::Draft, QString()};
        }
        interruption();
        if (!finished.wait(30000))
            return {CampaignState::Draft, QString()};
        return {finished.at(0).at(1).value<CampaignState>(), finished.at(0).at(2).toString()};
    }

private slots:
    void init()
    {
        openWorkspace();
    }

    void cleanup()
    {
        m_server.reset();
        m_workspace.reset();
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
    }

    void createRefusesBadInput()
    {
        CampaignStore store(*m_workspace);
        Campaign c;
        c.name = u"x"_s;
        c.subject = u"Hi {{frist_name}}"_s;
        c.html = u"<p>x</p>"_s;
        QString error;
        QVERIFY(!store.create(c, &error));
        QVERIFY2(error.contains(u"frist_name"_s), qPrintable(error));
        c.subject = u"Hi"_s;
        c.audience = u"colour=blue"_s;
        QVERIFY(!store.create(c, &error));
        QVERIFY2(error.contains(u"colour"_s), qPrintable(error));
        QVERIFY(store.list().isEmpty());
        c.audience = u"Category=buyer, score >= 3"_s;
        QVERIFY2(store.create(c, &error), qPrintable(error));
        QCOMPARE(store.find(c.id)->audience, u"category=buyer,score>=3"_s);
    }

    void freezeKeepsExcludedLeadsAsFailed()
    {
        addLeads(6);
        LeadStore leads(*m_workspace);
        Lead seller;
        seller.email = u"seller@example.org"_s;
        seller.category = u"seller"_s;
        seller.score = 50;
        QVERIFY(leads.add(seller));
        Lead unsubscribed = *leads.findByEmail(leadAddress(3));
        unsubscribed.unsubscribedAt = QDateTime::currentDateTimeUtc();
        QVERIFY(leads.update(unsubscribed));
        Lead bounced = *leads.findByEmail(leadAddress(4));
        bounced.bounced = true;
        QVERIFY(leads.update(bounced));
        // An address stored by an older version, which today's checks refuse.
        QSqlQuery q(m_workspace->database());
        QVERIFY(q.exec(u"UPDATE leads SET email = 'not an address' WHERE email_key = '%1'"_s.arg(leadAddress(5))));

        const qint64 id = createCampaign(u"category=buyer,score>=1"_s);
        CampaignStore store(*m_workspace);
        QString error;
        const std::optional<qint64> total = store.freeze(id, &error);
        QVERIFY2(total, qPrintable(error));
        QCOMPARE(*total, 5); // leads 1..5: lead 0 has score 0, the seller is no buyer
        const DeliveryCounts counts = store.counts(id);
        QCOMPARE(counts.queued, 2);
        QCOMPARE(counts.failed, 3);
        QCOMPARE(store.findDelivery(id, leadAddress(3))->failureReason, u"unsubscribed"_s);
        QCOMPARE(store.findDelivery(id, leadAddress(4))->failureReason, u"bounced"_s);
        QCOMPARE(store.findDelivery(id, u"not an address"_s)->failureReason, u"invalid address"_s);
        QVERIFY(!store.findDelivery(id, u"seller@example.org"_s));
        QCOMPARE(store.find(id)->state, CampaignState::Sending);
        // Distinct 128-bit ids.
        QSet<QString> ids;
        for (const Delivery &d : store.deliveries(id))
            ids.insert(d.deliveryId);
        QCOMPARE(ids.size(), 5);
        // A second freeze is refused and changes nothing.
        QVERIFY(!store.freeze(id, &error));
        QCOMPARE(store.counts(id).total(), 5);
    }

    void everyLeadReceivesExactlyOnce()
    {
        startServer();
        addLeads(300);
        const qint64 id = createCampaign();
        CampaignSender sender(*m_workspace, config(4));
        QCOMPARE(runToEnd(sender, id), CampaignState::Sent);

        CampaignStore store(*m_workspace);
        const DeliveryCounts counts = store.counts(id);
        QCOMPARE(counts.sent, 300);
        QCOMPARE(counts.total(), 300);
        const auto messages = m_server->messages();
        QCOMPARE(messages.size(), 300);
        for (int i = 0; i < 300; ++i)
            QCOMPARE(m_server->countFor(leadAddress(i)), 1);
        // Connections are reused: at most 4 distinct client ports for 300 messages.
        QSet<quint16> ports;
        for (const auto &m : messages)
            ports.insert(m.peerPort);
        QVERIFY2(ports.size() <= 4, qPrintable(QString::number(ports.size())));
        // Rendered per lead, tracked through the relay, with its Message-ID recorded.
        const Delivery first = *store.findDelivery(id, leadAddress(7));
        const auto it = std::find_if(messages.cbegin(), messages.cend(),
                                     [](const auto &m) { return m.recipients.contains(leadAddress(7)); });
        QVERIFY(it != messages.cend());
        QVERIFY(it->data.contains("Subject: Hello Lead7"));
        QVERIFY(it->data.contains("List-Unsubscribe: <https://t.example.net/u/"));
        QVERIFY(it->data.contains((u"Message-ID: <"_s + first.messageId + u">"_s).toUtf8()));
        QVERIFY(!it->data.contains("https://example.com/offer"));
        QCOMPARE(first.attempts, 1);
        QCOMPARE(first.replyCode, 250);
        QVERIFY(first.sentAt.isValid());
    }

    // Without a rate cap, each connection takes and renders its next job
    // while the server answers; a pause must hand that job back, so that
    // the resumed send delivers it, once, like every other.
    void pauseAndResumeDeliverEachLeadOnce()
    {
        startServer();
        addLeads(300);
        const qint64 id = createCampaign();
        {
            CampaignSender sender(*m_workspace, config(4));
            QCOMPARE(interrupt(sender, id, 60, [&] { sender.pause(); }).first, CampaignState::Paused);
        }
        CampaignStore store(*m_workspace);
        const DeliveryCounts paused = store.counts(id);
        QCOMPARE(paused.sending, 0);
        QCOMPARE(paused.unknown, 0);
        QCOMPARE(int(m_server->messages().size()), paused.sent);
        QVERIFY(paused.sent < 300);
        QCOMPARE(paused.remaining(), 300 - paused.sent);

        CampaignSender resumed(*m_workspace, config(4));
        QCOMPARE(runToEnd(resumed, id), CampaignState::Sent);
        QCOMPARE(store.counts(id).sent, 300);
        QCOMPARE(int(m_server->messages().size()), 300);
        for (int i = 0; i < 300; ++i)
            QCOMPARE(m_server->countFor(leadAddress(i)), 1);
    }

    // Cancelling in the middle: the messages in flight finish, every lead
    // still queued (and a job taken ahead) is cancelled, not failed: it was
    // never handed to the server. Nothing is left sending or unknown, what
    // the server received is exactly what is recorded as sent, and the
    // campaign cannot be sent again.
    void cancelInTheMiddleCancelsTheRest()
    {
        constexpr int leads = 300;
        startServer();
        addLeads(leads);
        const qint64 id = createCampaign();
        CampaignSender sender(*m_workspace, config(4));
        QSignalSpy progress(&sender, &CampaignSender::progressChanged);
        QCOMPARE(interrupt(sender, id, 40, [&] { sender.cancel(); }).first, CampaignState::Cancelled);

        CampaignStore store(*m_workspace);
        const DeliveryCounts counts = store.counts(id);
        QCOMPARE(counts.queued, 0);
        QCOMPARE(counts.sending, 0);
        QCOMPARE(counts.unknown, 0);
        QCOMPARE(counts.failed, 0); // nobody was refused: cancelling is not a failure
        QVERIFY(counts.cancelled > 0);
        QCOMPARE(counts.sent + counts.cancelled, qint64(leads));
        QVERIFY(counts.sent < leads);
        // The server's side and the records agree, lead by lead.
        QCOMPARE(int(m_server->messages().size()), counts.sent);
        for (const Delivery &d : store.deliveries(id, DeliveryState::Sent))
            QCOMPARE(m_server->countFor(d.email), 1);
        const QList<Delivery> cancelled = store.deliveries(id, DeliveryState::Cancelled);
        QCOMPARE(cancelled.size(), counts.cancelled);
        for (const Delivery &d : cancelled) {
            QCOMPARE(m_server->countFor(d.email), 0);
            QVERIFY(!d.sentAt.isValid());
        }
        QVERIFY(store.deliveries(id, DeliveryState::Failed).isEmpty());
        // The last progress the sender reported says the same.
        QVERIFY(!progress.isEmpty());
        const auto last = progress.last().at(0).value<SendProgress>();
        QCOMPARE(last.cancelled, counts.cancelled);
        QCOMPARE(last.failed, 0);
        QCOMPARE(last.sent, counts.sent);
        QCOMPARE(store.find(id)->state, CampaignState::Cancelled);
        QCOMPARE(journalFiles(), QStringList()); // settled: nothing left for a restart to read
        QString error;
        QVERIFY(!sender.start(id, &error));
        QVERIFY2(error.contains(u"cancelled"_s), qPrintable(error));
    }

    // "Send to the leads not reached": a copy of the cancelled campaign whose
    // audience is exactly its cancelled leads; sent, it reaches each of them
    // once and nobody the original reached. A second copy finds nobody left.
    void unreachedCopyReachesOnlyTheCancelledLeads()
    {
        constexpr int leads = 300;
        startServer({u"rcpt:%1:550"_s.arg(leadAddress(0))}); // one real failure, first in line
        addLeads(leads);
        const qint64 id = createCampaign();
        {
            Campaign c = *CampaignStore(*m_workspace).find(id);
            c.trackOpens = false;
            c.utm = true;
            c.fromName = u"Ann Sales"_s;
            QString error;
            QVERIFY2(CampaignStore(*m_workspace).update(c, &error), qPrintable(error));
        }
        CampaignStore store(*m_workspace);
        QString error;
        QVERIFY(!store.createUnreachedCopy(id, u"too early"_s, &error)); // a draft has reached nobody yet
        QVERIFY2(error.contains(u"draft"_s), qPrintable(error));
        {
            CampaignSender sender(*m_workspace, config(4));
            QCOMPARE(interrupt(sender, id, 40, [&] { sender.cancel(); }).first, CampaignState::Cancelled);
        }
        const DeliveryCounts before = store.counts(id);
        QCOMPARE(before.failed, 1);
        QVERIFY(before.cancelled > 0);
        QSet<QString> cancelledEmails;
        for (const Delivery &d : store.deliveries(id, DeliveryState::Cancelled))
            cancelledEmails.insert(d.email);
        QCOMPARE(store.unreachedLeadIds(id).size(), before.cancelled);
        const int receivedBefore = int(m_server->messages().size());

        const std::optional<Campaign> copy = store.createUnreachedCopy(id, u"Spring offer (not reached)"_s, &error);
        QVERIFY2(copy, qPrintable(error));
        const Campaign original = *store.find(id);
        QCOMPARE(copy->state, CampaignState::Draft);
        QCOMPARE(copy->subject, original.subject);
        QCOMPARE(copy->html, original.html);
        QCOMPARE(copy->fromName, u"Ann Sales"_s);
        QCOMPARE(copy->trackOpens, false);
        QCOMPARE(copy->utm, true);
        QCOMPARE(copy->audience, u"unreached=%1"_s.arg(id));

        CampaignSender sender(*m_workspace, config(4));
        QCOMPARE(runToEnd(sender, copy->id), CampaignState::Sent);
        const DeliveryCounts after = store.counts(copy->id);
        QCOMPARE(after.total(), before.cancelled);
        QCOMPARE(after.sent, before.cancelled);
        QCOMPARE(int(m_server->messages().size()) - receivedBefore, int(before.cancelled));
        for (int i = 0; i < leads; ++i) {
            const QString email = leadAddress(i);
            // Each lead got the campaign at most once over both, and every lead not refused got it.
            QCOMPARE(m_server->countFor(email), email == leadAddress(0) ? 0 : 1);
            QCOMPARE(store.findDelivery(copy->id, email).has_value(), cancelledEmails.contains(email));
        }
        // The original is as it was; nobody is left to reach, so no second copy.
        QCOMPARE(store.counts(id).cancelled, before.cancelled);
        QVERIFY(store.unreachedLeadIds(id).isEmpty());
        QVERIFY(!store.createUnreachedCopy(id, u"again"_s, &error));
        QVERIFY2(error.contains(u"no lead left"_s), qPrintable(error));
    }

    void transientRepliesAreRetried()
    {
        startServer({u"rcpt:%1:451:2"_s.arg(leadAddress(1)), u"rcpt:%1:452:9"_s.arg(leadAddress(2))});
        addLeads(4);
        const qint64 id = createCampaign();
        SenderConfig c = config();
        c.maxAttempts = 4;
        CampaignSender sender(*m_workspace, c);
        QCOMPARE(runToEnd(sender, id), CampaignState::Sent);
        CampaignStore store(*m_workspace);
        const Delivery retried = *store.findDelivery(id, leadAddress(1));
        QCOMPARE(retried.state, DeliveryState::Sent);
        QCOMPARE(retried.attempts, 3);
        QCOMPARE(m_server->countFor(leadAddress(1)), 1);
        const Delivery gaveUp = *store.findDelivery(id, leadAddress(2));
        QCOMPARE(gaveUp.state, DeliveryState::Failed);
        QCOMPARE(gaveUp.attempts, 4);
        QCOMPARE(gaveUp.replyCode, 452);
        QVERIFY2(gaveUp.failureReason.contains(u"gave up after 4 attempts"_s), qPrintable(gaveUp.failureReason));
        QCOMPARE(m_server->countFor(leadAddress(2)), 0);
        QCOMPARE(m_server->countFor(leadAddress(0)), 1);
    }

    void permanentRepliesFailAtOnce()
    {
        startServer({u"rcpt:%1:550"_s.arg(leadAddress(1)), u"data:%1:554"_s.arg(leadAddress(2))});
        addLeads(3);
        const qint64 id = createCampaign();
        CampaignSender sender(*m_workspace, config());
        QCOMPARE(runToEnd(sender, id), CampaignState::Sent);
        CampaignStore store(*m_workspace);
        const Delivery rcpt = *store.findDelivery(id, leadAddress(1));
        QCOMPARE(rcpt.state, DeliveryState::Failed);
        QCOMPARE(rcpt.attempts, 1);
        QCOMPARE(rcpt.replyCode, 550);
        QVERIFY2(rcpt.failureReason.contains(u"Mailbox unavailable"_s), qPrintable(rcpt.failureReason));
        const Delivery data = *store.findDelivery(id, leadAddress(2));
        QCOMPARE(data.state, DeliveryState::Failed);
        QCOMPARE(data.replyCode, 554);
        QVERIFY2(data.failureReason.contains(u"message refused"_s), qPrintable(data.failureReason));
        QCOMPARE(m_server->messages().size(), 1);
    }

    void dropAfterDataIsUnknownAndNotResent()
    {
        startServer({u"data:%1:drop"_s.arg(leadAddress(1))});
        addLeads(3);
        const qint64 id = createCampaign();
        CampaignSender sender(*m_workspace, config(1));
        QCOMPARE(runToEnd(sender, id), CampaignState::Sent);
        CampaignStore store(*m_workspace);
        const Delivery dropped = *store.findDelivery(id, leadAddress(1));
        QCOMPARE(dropped.state, DeliveryState::Unknown);
        QCOMPARE(dropped.attempts, 1);
        QCOMPARE(store.counts(id).sent, 2);
        // Starting again sends nothing: the campaign is done and unknown stays unknown.
        QString error;
        QVERIFY(!sender.start(id, &error));
        QCOMPARE(store.findDelivery(id, leadAddress(1))->state, DeliveryState::Unknown);
        QCOMPARE(m_server->messages().size(), 2);
    }

    void restartSettlesInterruptedDeliveries()
    {
        startServer();
        addLeads(3);
        const qint64 id = createCampaign();
        CampaignStore store(*m_workspace);
        QVERIFY(store.freeze(id, nullptr));
        // What a sender killed mid-transaction leaves behind: one row before
        // the final dot, one after it.
        const Delivery before = *store.findDelivery(id, leadAddress(0));
        const Delivery after = *store.findDelivery(id, leadAddress(1));
        QVERIFY(store.markSending(before.rowId, u"a@example.com"_s, nullptr));
        QVERIFY(store.markSending(after.rowId, u"b@example.com"_s, nullptr));
        QVERIFY(store.markFinalDot(after.rowId, nullptr));

        CampaignSender sender(*m_workspace, config());
        QCOMPARE(runToEnd(sender, id), CampaignState::Sent);
        QCOMPARE(store.findDelivery(id, leadAddress(0))->state, DeliveryState::Sent);
        QCOMPARE(store.findDelivery(id, leadAddress(0))->attempts, 1);
        QCOMPARE(store.findDelivery(id, leadAddress(1))->state, DeliveryState::Unknown);
        QCOMPARE(m_server->countFor(leadAddress(0)), 1);
        QCOMPARE(m_server->countFor(leadAddress(1)), 0);
        QCOMPARE(m_server->countFor(leadAddress(2)), 1);
    }

    void everyFinalDotIsJournaledBeforeItGoesOut()
    {
        startServer({u"rcpt:%1:451:1"_s.arg(leadAddress(3))});
        addLeads(20);
        const qint64 id = createCampaign();
        std::mutex mutex;
        QList<JournalReadingTransport::Seen> seen;
        const QString folder = m_workspace->folder();
        const SmtpSettings smtp = config().smtp;
        CampaignSender sender(*m_workspace, config(3), [&] {
            return std::make_unique<JournalReadingTransport>(smtp, folder, id, mutex, seen);
        });
        QCOMPARE(runToEnd(sender, id), CampaignState::Sent);

        // 20 final dots (the 451 came at RCPT, before DATA), each listed on
        // disk with its attempt at the moment it went out.
        CampaignStore store(*m_workspace);
        QCOMPARE(seen.size(), 20);
        for (const JournalReadingTransport::Seen &s : std::as_const(seen)) {
            const Delivery d = *store.findDelivery(id, s.recipient);
            QCOMPARE(d.state, DeliveryState::Sent);
            QVERIFY2(s.journaled.count(d.rowId), qPrintable(s.recipient));
            QCOMPARE(s.journaled.at(d.rowId), d.attempts);
        }
        QCOMPARE(store.findDelivery(id, leadAddress(3))->attempts, 2);
        // A clean end: everything is in the database, synced; the journals are gone.
        QCOMPARE(journalFiles(), QStringList());
    }

    void journaledDeliveriesAreUnknownAndNeverSent()
    {
        startServer();
        addLeads(5);
        const qint64 id = createCampaign();
        CampaignStore store(*m_workspace);
        QVERIFY(store.freeze(id, nullptr));
        const qint64 beforeDot = store.findDelivery(id, leadAddress(0))->rowId;
        const qint64 afterDot = store.findDelivery(id, leadAddress(1))->rowId;
        const qint64 markLost = store.findDelivery(id, leadAddress(2))->rowId;
        const qint64 answered = store.findDelivery(id, leadAddress(3))->rowId;
        // What a dead sender leaves: a row marked `sending` whose dot never
        // went out (not journaled); one whose dot went out (journaled); one
        // whose `sending` mark a power cut took back while its synced journal
        // record stayed (queued, attempts 0, journaled attempt 1); one whose
        // dot got a 451 answer that was recorded (queued, attempts 1).
        QVERIFY(store.markSending(beforeDot, u"a@example.com"_s, nullptr));
        QVERIFY(store.markSending(afterDot, u"b@example.com"_s, nullptr));
        QVERIFY(store.markSending(answered, u"d@example.com"_s, nullptr));
        QVERIFY(store.markRetry(answered, 451, u"try later"_s, QDateTime::currentDateTimeUtc(), nullptr));
        {
            FinalDotJournal journal;
            QString error;
            QVERIFY2(journal.open(FinalDotJournal::path(m_workspace->folder(), id, 0), &error), qPrintable(error));
            QVERIFY2(journal.append(afterDot, 1, &error), qPrintable(error));
            QVERIFY2(journal.append(answered, 1, &error), qPrintable(error));
            FinalDotJournal other;
            QVERIFY2(other.open(FinalDotJournal::path(m_workspace->folder(), id, 1), &error), qPrintable(error));
            QVERIFY2(other.append(markLost, 1, &error), qPrintable(error));
        }

        CampaignSender sender(*m_workspace, config());
        QCOMPARE(runToEnd(sender, id), CampaignState::Sent);
        const Delivery sentOnce = *store.findDelivery(id, leadAddress(0));
        QCOMPARE(sentOnce.state, DeliveryState::Sent);
        QCOMPARE(sentOnce.attempts, 1);
        QCOMPARE(m_server->countFor(leadAddress(0)), 1);
        for (int lead : {1, 2}) {
            const Delivery d = *store.findDelivery(id, leadAddress(lead));
            QCOMPARE(d.state, DeliveryState::Unknown);
            QVERIFY2(d.failureReason.contains(u"may have been delivered"_s), qPrintable(d.failureReason));
            QCOMPARE(m_server->countFor(leadAddress(lead)), 0);
        }
        const Delivery retried = *store.findDelivery(id, leadAddress(3));
        QCOMPARE(retried.state, DeliveryState::Sent);
        QCOMPARE(retried.attempts, 2);
        QCOMPARE(m_server->countFor(leadAddress(3)), 1);
        QCOMPARE(m_server->countFor(leadAddress(4)), 1);
        QCOMPARE(journalFiles(), QStringList());
    }

    // The disk fails the journal's sync, when a connection opens its journal
    // and later, in the middle of the send: no final dot may go out unsynced.
    // Each time the campaign pauses saying why, nothing is sent twice or left
    // unknown, and once the disk is well a resume delivers everyone once.
    void aJournalThatCannotBeSyncedStopsTheDots()
    {
        constexpr int leads = 200;
        startServer();
        addLeads(leads);
        const qint64 id = createCampaign();
        CampaignStore store(*m_workspace);
        const QString eio = QString::fromLocal8Bit(std::strerror(EIO));
        const auto checkPaused = [&](const QString &message) {
            QVERIFY2(message.contains(u"final-dot journal"_s) && message.contains(eio), qPrintable(message));
            QCOMPARE(store.find(id)->stateMessage, message);
            const DeliveryCounts counts = store.counts(id);
            QCOMPARE(counts.unknown, 0);
            QCOMPARE(counts.sending, 0);
            QCOMPARE(int(m_server->messages().size()), counts.sent);
            for (int i = 0; i < leads; ++i)
                QVERIFY(m_server->countFor(leadAddress(i)) <= 1);
        };

        // 1. Already when the journals are created (their zeros are synced).
        failJournalSyncs = true;
        QString message;
        {
            CampaignSender sender(*m_workspace, config(2));
            const CampaignState state = runToEnd(sender, id, &message);
            failJournalSyncs = false;
            QCOMPARE(state, CampaignState::Paused);
        }
        checkPaused(message);
        QCOMPARE(m_server->messages().size(), 0);

        // 2. Mid-send: the sync before a final dot fails.
        {
            CampaignSender sender(*m_workspace, config(2));
            const auto [state, said] = interrupt(sender, id, 20, [] { failJournalSyncs = true; });
            failJournalSyncs = false;
            QCOMPARE(state, CampaignState::Paused);
            message = said;
        }
        checkPaused(message);
        QVERIFY(store.counts(id).sent < leads);

        CampaignSender resumed(*m_workspace, config(2));
        QCOMPARE(runToEnd(resumed, id), CampaignState::Sent);
        QCOMPARE(store.counts(id).sent, leads);
        for (int i = 0; i < leads; ++i)
            QCOMPARE(m_server->countFor(leadAddress(i)), 1);
    }

    void aTornLastRecordIsIgnored()
    {
        startServer();
        addLeads(4);
        const qint64 id = createCampaign();
        CampaignStore store(*m_workspace);
        QVERIFY(store.freeze(id, nullptr));
        qint64 rows[3];
        for (int i = 0; i < 3; ++i) {
            rows[i] = store.findDelivery(id, leadAddress(i))->rowId;
            QVERIFY(store.markSending(rows[i], u"m%1@example.com"_s.arg(i), nullptr));
        }
        // Connection 0 synced lead 0's record, then died writing lead 1's:
        // 9 of its 16 bytes reached the disk. Connection 1 died with lead 2's
        // record garbled in its preallocated zeros. Neither sync finished, so
        // neither dot went out.
        leaveJournal(id, 0, FinalDotJournal::record(rows[0], 1) + FinalDotJournal::record(rows[1], 1).left(9));
        QByteArray garbled = FinalDotJournal::record(rows[2], 1);
        garbled[3] = char(garbled[3] ^ 0x40);
        leaveJournal(id, 1, garbled + QByteArray(64, '\0'));

        CampaignSender sender(*m_workspace, config());
        QCOMPARE(runToEnd(sender, id), CampaignState::Sent);
        QCOMPARE(store.findDelivery(id, leadAddress(0))->state, DeliveryState::Unknown);
        QCOMPARE(m_server->countFor(leadAddress(0)), 0);
        for (int lead : {1, 2, 3}) {
            QCOMPARE(store.findDelivery(id, leadAddress(lead))->state, DeliveryState::Sent);
            QCOMPARE(store.findDelivery(id, leadAddress(lead))->attempts, 1);
            QCOMPARE(m_server->countFor(leadAddress(lead)), 1);
        }
    }

    void aDamagedJournalStopsTheStartAndChangesNothing()
    {
        startServer();
        addLeads(3);
        const qint64 id = createCampaign();
        CampaignStore store(*m_workspace);
        QVERIFY(store.freeze(id, nullptr));
        const qint64 a = store.findDelivery(id, leadAddress(0))->rowId;
        const qint64 b = store.findDelivery(id, leadAddress(1))->rowId;
        QVERIFY(store.markSending(a, u"a@example.com"_s, nullptr));
        QVERIFY(store.markSending(b, u"b@example.com"_s, nullptr));
        // A bad record with a good one after it: no crash leaves that, and
        // what the bad one said (maybe lead 1's dot) is lost.
        leaveJournal(id, 0, FinalDotJournal::record(a, 1) + QByteArray(16, 'x') + FinalDotJournal::record(b, 1));

        CampaignSender sender(*m_workspace, config());
        QString error;
        QVERIFY(!sender.start(id, &error));
        QVERIFY2(error.contains(u"is damaged at byte 16"_s) && error.contains(u"campaign-%1-0.journal"_s.arg(id)),
                 qPrintable(error));
        QCOMPARE(store.findDelivery(id, leadAddress(0))->state, DeliveryState::Sending);
        QCOMPARE(store.findDelivery(id, leadAddress(1))->state, DeliveryState::Sending);
        QCOMPARE(store.findDelivery(id, leadAddress(2))->state, DeliveryState::Queued);
        QCOMPARE(journalFiles().size(), 1);
        QCOMPARE(m_server->messages().size(), 0);
    }

    void slidingWindowCapHoldsAtTheServer()
    {
        startServer();
        addLeads(16);
        const qint64 id = createCampaign();
        SenderConfig c = config(3);
        c.limits.perMinute = 4;
        c.limits.minuteMs = 1000; // a one-second "minute" keeps the test short
        CampaignSender sender(*m_workspace, c);
        QCOMPARE(runToEnd(sender, id), CampaignState::Sent);
        // The server writes NNNNNN.json before its 250: its mtime is when it accepted.
        QList<qint64> accepted;
        for (const QFileInfo &info : QDir(m_server->mailDir()).entryInfoList({u"*.json"_s}, QDir::Files))
            accepted.append(info.lastModified().toMSecsSinceEpoch());
        std::sort(accepted.begin(), accepted.end());
        QCOMPARE(accepted.size(), 16);
        for (qsizetype i = 0; i < accepted.size(); ++i) {
            const qsizetype inWindow = std::count_if(accepted.cbegin() + i, accepted.cend(),
                                                     [&](qint64 t) { return t < accepted[i] + 1000; });
            QVERIFY2(inWindow <= 4, qPrintable(u"%1 messages within one window"_s.arg(inWindow)));
        }
        QVERIFY(accepted.last() - accepted.first() >= 3000); // 16 at 4 per second cannot take less
    }

    void dailyCapPausesWithAMessage()
    {
        startServer();
        addLeads(5);
        const qint64 id = createCampaign();
        SenderConfig c = config();
        c.limits.perDay = 3;
        CampaignSender sender(*m_workspace, c);
        QString message;
        QCOMPARE(runToEnd(sender, id, &message), CampaignState::Paused);
        QVERIFY2(message.contains(u"daily cap of 3"_s), qPrintable(message));
        CampaignStore store(*m_workspace);
        QCOMPARE(store.counts(id).sent, 3);
        QCOMPARE(store.counts(id).queued, 2);
        QCOMPARE(store.find(id)->state, CampaignState::Paused);
        QCOMPARE(m_server->messages().size(), 3);
    }

    void dailyCapResumesByItselfWhenTheWindowHasRoom()
    {
        startServer();
        addLeads(5);
        const qint64 id = createCampaign();
        SenderConfig c = config();
        c.limits.perDay = 3;
        c.limits.dayMs = 1500; // a 1.5-second "day" keeps the test short
        CampaignSender sender(*m_workspace, c);
        QSignalSpy scheduled(&sender, &CampaignSender::resumeScheduled);
        QSignalSpy finished(&sender, &CampaignSender::finished);
        QString error;
        QVERIFY2(sender.start(id, &error), qPrintable(error));

        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.at(0).at(1).value<CampaignState>(), CampaignState::Paused);
        QCOMPARE(scheduled.size(), 1);
        QVERIFY(sender.isResumeScheduled());
        CampaignStore store(*m_workspace);
        QCOMPARE(store.counts(id).sent, 3);
        QCOMPARE(store.find(id)->state, CampaignState::Paused);

        // Nobody resumes it: the sender goes on by itself once the day has room.
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
        QCOMPARE(finished.at(1).at(1).value<CampaignState>(), CampaignState::Sent);
        QCOMPARE(store.counts(id).sent, 5);
        QCOMPARE(m_server->messages().size(), 5);
        QVERIFY(!sender.isResumeScheduled());
    }

    void pauseDuringTheDailyCapWaitKeepsItPaused()
    {
        startServer();
        addLeads(5);
        const qint64 id = createCampaign();
        SenderConfig c = config();
        c.limits.perDay = 3;
        c.limits.dayMs = 1500;
        CampaignSender sender(*m_workspace, c);
        QSignalSpy finished(&sender, &CampaignSender::finished);
        QString error;
        QVERIFY2(sender.start(id, &error), qPrintable(error));
        QVERIFY(finished.wait(30000));
        QVERIFY(sender.isResumeScheduled());
        sender.pause();
        QVERIFY(!sender.isResumeScheduled());
        QTest::qWait(2500); // longer than the "day"
        CampaignStore store(*m_workspace);
        QCOMPARE(store.find(id)->state, CampaignState::Paused);
        QCOMPARE(store.counts(id).sent, 3);
        QCOMPARE(m_server->messages().size(), 3);
    }

    void aCampaignThatCannotRenderIsRefusedBeforeFreezing()
    {
        startServer();
        addLeads(4);
        const qint64 id = createCampaign();
        SenderConfig c = config();
        c.relayUrl = u"http://track.example.net"_s; // public relay without TLS: no RFC 8058 unsubscribe
        CampaignSender sender(*m_workspace, c);
        QString error;
        QVERIFY(!sender.start(id, &error));
        QVERIFY2(error.contains(u"cannot be rendered"_s) && error.contains(u"unsubscribe URL"_s),
                 qPrintable(error));
        CampaignStore store(*m_workspace);
        QCOMPARE(store.find(id)->state, CampaignState::Draft); // not frozen, nothing failed
        QCOMPARE(store.counts(id).total(), 0);
        QCOMPARE(m_server->messages().size(), 0);

        // With the settings fixed, the same campaign goes out to everyone.
        CampaignSender fixed(*m_workspace, config());
        QCOMPARE(runToEnd(fixed, id), CampaignState::Sent);
        QCOMPARE(store.counts(id).sent, 4);
    }

    void testSendDoesNotCount()
    {
        startServer();
        addLeads(2);
        const qint64 id = createCampaign();
        SmtpTransport transport(config().smtp);
        QString error;
        const auto lead = LeadStore(*m_workspace).findByEmail(leadAddress(1));
        const MailTransport::Result result = CampaignSender::sendTest(*m_workspace, config(), transport, id,
                                                                      u"me@example.com"_s, lead, &error);
        QVERIFY2(result.outcome == MailTransport::Outcome::Sent, qPrintable(error));
        QCOMPARE(m_server->countFor(u"me@example.com"_s), 1);
        QVERIFY(m_server->messages().at(0).data.contains("Subject: [Test] Hello Lead1"));
        CampaignStore store(*m_workspace);
        QCOMPARE(store.counts(id).total(), 0);
        QCOMPARE(store.find(id)->state, CampaignState::Draft);
    }

    void textPartListsTrackedLinksAndTheUnsubscribeLink_data()
    {
        QTest::addColumn<QString>("footer");
        QTest::newRow("footer added by the renderer") << QString();
        QTest::newRow("placed by the author") << u"<p><a href=\"{{unsubscribe_url}}\">Leave the list</a></p>"_s;
    }

    // The text part is derived from the tracked HTML: a click there is tracked
    // too, so it shows the relay URL, and the way out is always in it.
    void textPartListsTrackedLinksAndTheUnsubscribeLink()
    {
        QFETCH(QString, footer);
        startServer();
        addLeads(1);
        Campaign campaign;
        campaign.name = u"Text part"_s;
        campaign.subject = u"Hello"_s;
        campaign.html = u"<html><body><p>See <a href=\"https://example.com/offer\">the offer</a>.</p>"_s + footer
            + u"</body></html>"_s;
        QString error;
        QVERIFY2(CampaignStore(*m_workspace).create(campaign, &error), qPrintable(error));
        SmtpTransport transport(config().smtp);
        const auto lead = LeadStore(*m_workspace).findByEmail(leadAddress(0));
        const MailTransport::Result result = CampaignSender::sendTest(*m_workspace, config(), transport, campaign.id,
                                                                      u"me@example.com"_s, lead, &error);
        QVERIFY2(result.outcome == MailTransport::Outcome::Sent, qPrintable(error));
        const QByteArray parsed = test::TestPython::run(u"mimecheck.py"_s, {}, m_server->messages().at(0).data, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QJsonArray parts = QJsonDocument::fromJson(parsed).object().value(u"parts"_s).toArray();
        QCOMPARE(parts.size(), 2);
        QCOMPARE(parts[0].toObject().value(u"content_type"_s).toString(), u"text/plain"_s);
        const QString text = parts[0].toObject().value(u"content"_s).toString();
        QVERIFY2(text.contains(u"the offer (https://t.example.net/c/"_s), qPrintable(text));
        QVERIFY2(!text.contains(u"https://example.com/offer"_s), qPrintable(text)); // only the tracked URL
        QVERIFY2(text.contains(u"https://t.example.net/u/"_s), qPrintable(text));
        if (!footer.isEmpty())
            QVERIFY2(text.contains(u"Leave the list (https://t.example.net/u/"_s), qPrintable(text));
        // The one in the text part is the one in the headers: the same way out.
        const QString html = parts[1].toObject().value(u"content"_s).toString();
        const qsizetype at = text.indexOf(u"https://t.example.net/u/"_s);
        const QString unsubscribe = text.mid(at).section(QRegularExpression(u"[\\s)]"_s), 0, 0);
        QVERIFY(html.contains(unsubscribe));
    }
};

QTEST_GUILESS_MAIN(TestCampaignSender)
#include "tst_campaignsender.moc"
