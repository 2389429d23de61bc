#include "insight/sampleworkspace.h"

#include "campaign/linkrewriter.h"
#include "campaign/signedtrackinglinks.h"
#include "insight/eventingestor.h"
#include "insight/insightconfig.h"
#include "insight/insightengine.h"
#include "insight/relayevent.h"
#include "insight/rulestore.h"
#include "protocol/token.h"
#include "sending/campaignstore.h"
#include "store/leadimporter.h"
#include "store/settings.h"
#include "store/workspace.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

#include <algorithm>
#include <optional>
#include <random>

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {

constexpr qint64 minuteMs = 60'000;
constexpr qint64 hourMs = 60 * minuteMs;

constexpr const char *mailClientUa = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:115.0) Gecko/20100101 Thunderbird/115.10.1";
constexpr const char *browserUa = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                                  " Chrome/124.0.0.0 Safari/537.36";
constexpr const char *phoneUa = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15"
                                " (KHTML, like Gecko) Mobile/15E148";
constexpr const char *scannerUa = "Mozilla/5.0 (compatible; Barracuda Sentinel (EE))";

QByteArray readResource(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"the sample data %1 is missing from this build: %2"_s.arg(path, file.errorString());
        return {};
    }
    return file.readAll();
}

/**
 * Builds the relay events of one delivery from tokens signed for it, as the
 * relay would after verifying them: the delivery id, link index and
 * destination come out of the token, not from the sample's own tables.
 */
class SampleEvents final
{
public:
    SampleEvents(const QString &html, const LinkRewriter::Options &options, const protocol::SigningKey &key)
        : m_html(html), m_options(options), m_key(key)
    {
    }

    /** The signed links of @p delivery; false when signing failed. */
    bool sign(const Delivery &delivery, qint64 sentAtMs, QString *error)
    {
        const auto id = protocol::DeliveryId::fromHex(delivery.deliveryId.toStdString());
        if (!id) {
            *error = u"delivery %1 has no valid id"_s.arg(delivery.rowId);
            return false;
        }
        m_delivery = delivery;
        m_sentAtMs = sentAtMs;
        SignedTrackingLinks links(u"https://track.sample.invalid"_s, *id, m_key, sentAtMs / 1000);
        if (!links.error().isEmpty()) {
            *error = links.error();
            return false;
        }
        m_clicks.clear();
        for (const LinkRewriter::Link &link : LinkRewriter::rewrite(m_html, m_options, links).links)
            m_clicks.append(verified(link.href));
        m_open = verified(links.openPixelUrl());
        m_unsubscribe = verified(links.unsubscribeUrl());
        m_decoy = verified(links.decoyUrl());
        if (m_clicks.size() < 3 || m_open.delivery != id) {
            *error = u"the sample template did not sign as expected"_s;
            return false;
        }
        return true;
    }

    void open(qint64 afterMs, const char *userAgent, bool appleMpp = false)
    {
        RelayEvent e = event(EventType::Open, m_open, afterMs, userAgent);
        e.appleMpp = appleMpp;
        m_page.events.append(e);
    }

    /** A click on the @p index-th link (0-based); returns its click id. */
    QString click(int index, qint64 afterMs, const char *userAgent, bool head = false, const QString &scanner = {})
    {
        RelayEvent e = event(EventType::Click, m_clicks.value(index), afterMs, userAgent);
        e.head = head;
        e.method = head ? u"HEAD"_s : u"GET"_s;
        e.scanner = scanner;
        e.clickId = u"sample-%1"_s.arg(e.id);
        m_page.events.append(e);
        return e.clickId;
    }

    void decoy(qint64 afterMs, const char *userAgent, const QString &scanner)
    {
        RelayEvent e = event(EventType::Decoy, m_decoy, afterMs, userAgent);
        e.scanner = scanner;
        m_page.events.append(e);
    }

    void unsubscribe(qint64 afterMs)
    {
        RelayEvent e = event(EventType::Unsubscribe, m_unsubscribe, afterMs, browserUa);
        e.method = u"POST"_s;
        m_page.events.append(e);
    }

    void convert(const QString &clickId, qint64 afterMs, const QString &value, const QString &currency,
                 const QString &name)
    {
        RelayEvent e = event(EventType::Conversion, m_open, afterMs, "sample-landing-page/1.0");
        e.clickId = clickId;
        e.value = value;
        e.currency = currency;
        e.conversion = name;
        e.link = 0;
        e.url.clear();
        m_page.events.append(e);
    }

    /** Everything played so far, oldest first with ids in that order (as the relay pages them). */
    RelayEventPage page()
    {
        RelayEventPage sorted = m_page;
        std::stable_sort(sorted.events.begin(), sorted.events.end(),
                         [](const RelayEvent &a, const RelayEvent &b) { return a.timeMs < b.timeMs; });
        QHash<QString, QString> renamed;
        for (qsizetype i = 0; i < sorted.events.size(); ++i) {
            RelayEvent &e = sorted.events[i];
            e.id = i + 1;
            if (e.type == EventType::Click) {
                const QString cid = u"c%1"_s.arg(e.id, 6, 10, QChar(u'0'));
                renamed.insert(e.clickId, cid);
                e.clickId = cid;
            }
        }
        for (RelayEvent &e : sorted.events) {
            if (e.type == EventType::Conversion)
                e.clickId = renamed.value(e.clickId);
        }
        sorted.next = sorted.events.size();
        return sorted;
    }

private:
    struct Fields
    {
        std::optional<protocol::DeliveryId> delivery;
        std::uint32_t link = 0;
        QString url;
        qint64 issuedAt = 0;
    };

    Fields verified(const QString &url) const
    {
        protocol::Keyring ring;
        ring.add(m_key);
        const protocol::VerifyResult result = protocol::verifyToken(url.section(u'/', -1).toStdString(), ring);
        if (!result.ok())
            return {};
        return {result.fields.delivery, result.fields.linkIndex, QString::fromStdString(result.fields.url),
                result.fields.issuedAt};
    }

    RelayEvent event(EventType type, const Fields &fields, qint64 afterMs, const char *userAgent)
    {
        RelayEvent e;
        e.id = ++m_lastId;
        e.type = type;
        e.delivery = fields.delivery ? QString::fromStdString(fields.delivery->toHex()) : QString();
        e.link = fields.link;
        e.url = fields.url;
        e.timeMs = m_sentAtMs + afterMs;
        e.ageSeconds = e.timeMs / 1000 - fields.issuedAt;
        e.method = u"GET"_s;
        e.ip = u"203.0.113.%1"_s.arg(10 + m_delivery.rowId % 200);
        e.userAgent = QString::fromLatin1(userAgent);
        return e;
    }

    QString m_html;
    LinkRewriter::Options m_options;
    protocol::SigningKey m_key;
    Delivery m_delivery;
    qint64 m_sentAtMs = 0;
    QList<Fields> m_clicks;
    Fields m_open, m_unsubscribe, m_decoy;
    RelayEventPage m_page;
    qint64 m_lastId = 0;
};

} // namespace

QString SampleWorkspace::defaultFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(u"sample"_s);
}

QString SampleWorkspace::campaignName()
{
    return u"New listings this week"_s;
}

std::unique_ptr<Workspace> SampleWorkspace::open(const QString &folder, QString *error)
{
    const QDir dir(folder);
    if (dir.exists(QString::fromLatin1(Workspace::DatabaseFileName)))
        return Workspace::open(folder, Workspace::OpenMode::OpenExisting, error);

    // Built beside its place and moved there when complete: a failure or a
    // crash half way leaves no half-made sample behind to be opened later.
    const QString building = QDir::cleanPath(folder) + u".building"_s;
    QDir(building).removeRecursively();
    {
        auto workspace = Workspace::open(building, Workspace::OpenMode::CreateIfMissing, error);
        if (!workspace)
            return nullptr;
        if (!populate(*workspace, QDateTime::currentMSecsSinceEpoch(), error)) {
            workspace.reset();
            QDir(building).removeRecursively();
            return nullptr;
        }
    }
    if (dir.exists() && !QDir(folder).removeRecursively()) {
        *error = u"cannot replace the folder %1 with the sample workspace"_s.arg(QDir::toNativeSeparators(folder));
        return nullptr;
    }
    QDir().mkpath(QFileInfo(QDir::cleanPath(folder)).absolutePath());
    if (!QDir().rename(building, folder)) {
        *error = u"cannot move the sample workspace into %1"_s.arg(QDir::toNativeSeparators(folder));
        QDir(building).removeRecursively();
        return nullptr;
    }
    return Workspace::open(folder, Workspace::OpenMode::OpenExisting, error);
}

bool SampleWorkspace::populate(const Workspace &workspace, qint64 nowMs, QString *error)
{
    Settings settings(workspace);
    for (const auto &[key, value] : {std::pair{u"sender.name"_s, u"Northside Homes"_s},
                                     std::pair{u"sender.email"_s, u"hello@northside-homes.example"_s}}) {
        if (!settings.setValue(key, value, error))
            return false;
    }

    const QByteArray csv = readResource(u":/sample/leads.csv"_s, error);
    const QString html = QString::fromUtf8(readResource(u":/templates/welcome.html"_s, error));
    if (csv.isEmpty() || html.isEmpty())
        return false;
    ImportReport report;
    if (!LeadImporter(workspace).importData(csv, {}, &report, error))
        return false;
    if (report.imported == 0) {
        *error = u"the sample leads could not be imported"_s;
        return false;
    }
    if (!RuleStore(workspace).addPricingExample(error))
        return false;

    CampaignStore campaigns(workspace);
    Campaign campaign;
    campaign.name = campaignName();
    campaign.subject = u"{{first_name|Hello}}, three new homes near you"_s;
    campaign.html = html;
    campaign.utm = true;
    campaign.clickIds = true;
    if (!campaigns.create(campaign, error) || !campaigns.freeze(campaign.id, error))
        return false;

    // The story happened yesterday, so that every event is long settled and
    // the times read naturally ("yesterday at 10:42").
    const qint64 sentAtMs = nowMs - 26 * hourMs;

    LinkRewriter::Options options;
    options.decoyLink = campaign.decoyLink;
    options.utm = campaign.utm;
    options.utmSource = u"leadtrail"_s;
    options.utmCampaign = campaign.name;
    protocol::SigningKey key{1, {}};
    std::mt19937 random(6); // the same sample every time
    for (int i = 0; i < 32; ++i)
        key.secret.push_back(static_cast<char>(random() & 0xff));
    SampleEvents events(html, options, key);

    const QList<Delivery> queued = campaigns.deliveries(campaign.id, DeliveryState::Queued);
    for (qsizetype i = 0; i < queued.size(); ++i) {
        const Delivery &d = queued.at(i);
        const qint64 at = sentAtMs + i * 2'000;
        const QString messageId = u"<%1@northside-homes.example>"_s.arg(d.deliveryId);
        if (!campaigns.markSending(d.rowId, messageId, error) || !campaigns.markFinalDot(d.rowId, error)
            || !campaigns.markSent(d.rowId, 250, u"2.0.0 Ok: queued (sample)"_s,
                                   QDateTime::fromMSecsSinceEpoch(at, Qt::UTC), error))
            return false;
        if (!events.sign(d, at, error))
            return false;
        // What people and machines did, as scripts/demo_seed.py plays it against a real relay.
        switch (i) {
        case 0: {
            events.open(35 * minuteMs, mailClientUa);
            const QString cid = events.click(0, 37 * minuteMs, browserUa);
            events.convert(cid, 52 * minuteMs, u"49.00"_s, u"EUR"_s, u"viewing_booked"_s);
            events.open(5 * hourMs, mailClientUa);
            break;
        }
        case 1:
        case 2:
            events.open((40 + 25 * i) * minuteMs, i == 1 ? phoneUa : mailClientUa);
            events.click(0, (43 + 25 * i) * minuteMs, browserUa);
            break;
        case 5:
            events.open(62 * minuteMs, mailClientUa);
            events.click(1, 64 * minuteMs, browserUa); // the pricing link: the rule moves the lead to Hot
            events.open(9 * hourMs, mailClientUa);
            events.click(1, 9 * hourMs + 2 * minuteMs, browserUa);
            break;
        case 3:
        case 4:
        case 8:
        case 10:
        case 13:
            events.open((90 + 47 * i) * minuteMs, i % 2 ? phoneUa : mailClientUa);
            break;
        case 6:
            // A link scanner checks every link with HEAD seconds after delivery, decoy included.
            for (int link = 0; link < 3; ++link)
                events.click(link, 4'000 + link * 150, scannerUa, true, u"Barracuda Sentinel"_s);
            events.decoy(4'600, scannerUa, u"Barracuda Sentinel"_s);
            break;
        case 7:
            events.open(3 * hourMs, mailClientUa);
            events.unsubscribe(3 * hourMs + minuteMs);
            break;
        case 9:
            events.open(20 * minuteMs, phoneUa, true); // Apple's proxy fetched it, not the reader
            break;
        case 11:
            events.open(4 * hourMs, phoneUa);
            events.click(2, 4 * hourMs + 3 * minuteMs, phoneUa);
            break;
        default:
            break;
        }
    }
    if (!campaigns.setState(campaign.id, CampaignState::Sent, QString(), error))
        return false;
    // The store stamps a campaign with the wall clock; this one was sent yesterday.
    QSqlQuery backdate(workspace.database());
    backdate.prepare(u"UPDATE campaigns SET created_at = ?, started_at = ?, finished_at = ? WHERE id = ?"_s);
    for (const qint64 value : std::initializer_list<qint64>{sentAtMs - 20 * minuteMs, sentAtMs,
                                                         sentAtMs + qint64(queued.size()) * 2'000, campaign.id})
        backdate.addBindValue(value);
    if (!backdate.exec()) {
        *error = backdate.lastError().text();
        return false;
    }

    if (!EventIngestor(workspace).ingest(events.page(), error))
        return false;
    InsightEngine engine(workspace, InsightConfig::fromWorkspace(workspace));
    return engine.settle(nowMs, error).has_value();
}

} // namespace leadtrail
