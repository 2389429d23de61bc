#include "insight/relaypoller.h"

#include "store/secrets.h"
#include "store/settings.h"
#include "store/workspace.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSqlQuery>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace leadtrail {

RelayPoller::RelayPoller(const Workspace &workspace, QObject *parent)
    : QObject(parent), m_workspace(workspace), m_ingestor(workspace), m_network(new QNetworkAccessManager(this))
{
    qRegisterMetaType<leadtrail::SyncState>();
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &RelayPoller::request);
}

RelayPoller::~RelayPoller()
{
    if (m_reply)
        m_reply->abort();
}

bool RelayPoller::configureFromWorkspace(QString *error)
{
    QUrl url;
    QString key;
    if (!relayFromWorkspace(m_workspace, &url, &key, error))
        return false;
    setRelay(url, key);
    return true;
}

bool RelayPoller::relayFromWorkspace(const Workspace &workspace, QUrl *baseUrl, QString *apiKey, QString *error)
{
    Settings settings(workspace);
    const std::optional<QString> url = settings.value(u"relay.url"_s);
    if (!url || url->isEmpty()) {
        *error = u"no relay is paired with this workspace: run 'leadtrail-cli relay pair CODE' first"_s;
        return false;
    }
    const Secrets::Lookup key = Secrets(workspace, settings).read(u"relay.api_key"_s);
    if (!key.value) {
        *error = key.error.isEmpty() ? u"the relay API key (secret relay.api_key) is not set: pair the relay again"_s
                                     : key.error;
        return false;
    }
    *baseUrl = QUrl(*url);
    *apiKey = *key.value;
    return true;
}

QNetworkRequest RelayPoller::apiRequest(const QUrl &baseUrl, const QString &path, const QUrlQuery &query,
                                        const QString &apiKey)
{
    QUrl url = baseUrl;
    QString base = url.path();
    if (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + path);
    url.setQuery(query);
    QNetworkRequest req(url);
    req.setRawHeader("Authorization", "Bearer " + apiKey.toUtf8());
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    return req;
}

QString RelayPoller::replyProblem(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 401 || status == 403)
        return u"the relay refused the API key (HTTP %1): pair the workspace with the relay again"_s.arg(status);
    if (reply->error() != QNetworkReply::NoError && status == 0)
        return reply->error() == QNetworkReply::OperationCanceledError
                   ? u"the relay did not answer in time"_s
                   : u"the relay cannot be reached: %1"_s.arg(reply->errorString());
    return {};
}

void RelayPoller::setRelay(const QUrl &baseUrl, const QString &apiKey)
{
    m_base = baseUrl;
    m_apiKey = apiKey;
}

void RelayPoller::setBackoff(int firstMs, int maxMs)
{
    m_firstBackoffMs = std::max(1, firstMs);
    m_maxBackoffMs = std::max(m_firstBackoffMs, maxMs);
}

void RelayPoller::start(Mode mode)
{
    if (m_running)
        return;
    m_mode = mode;
    m_running = true;
    m_lastPageEmpty = false;
    m_totals = {};
    m_state = storedState(m_workspace);
    m_state.failures = 0;
    request();
}

void RelayPoller::stop()
{
    if (!m_running)
        return;
    m_retry.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    finish(true);
}

SyncState RelayPoller::storedState(const Workspace &workspace)
{
    SyncState s;
    QSqlQuery q(workspace.database());
    if (q.exec(u"SELECT cursor, last_success, last_attempt, last_error, ingested, duplicates, kept_aside"
               " FROM sync_state WHERE id = 1"_s) && q.next()) {
        const auto time = [](const QVariant &v) {
            return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
        };
        s.cursor = q.value(0).toLongLong();
        s.lastSuccess = time(q.value(1));
        s.lastAttempt = time(q.value(2));
        s.error = q.value(3).toString();
        s.ingested = q.value(4).toLongLong();
        s.duplicates = q.value(5).toLongLong();
        s.keptAside = q.value(6).toLongLong();
    }
    return s;
}

void RelayPoller::request()
{
    if (!m_running)
        return;
    if (!m_base.isValid() || m_base.scheme().isEmpty()) {
        failed(u"the relay URL \"%1\" is not valid"_s.arg(m_base.toString()));
        return;
    }
    const int wait = m_mode == Mode::Follow && m_lastPageEmpty ? m_waitSeconds : 0;
    QUrlQuery query;
    query.addQueryItem(u"after"_s, QString::number(m_ingestor.cursor()));
    query.addQueryItem(u"limit"_s, QString::number(m_pageSize));
    query.addQueryItem(u"wait"_s, QString::number(wait));
    QNetworkRequest req = apiRequest(m_base, u"/api/v1/events"_s, query, m_apiKey);
    // A long poll legitimately stays quiet for `wait` seconds; beyond that the relay is stuck.
    req.setTransferTimeout(m_timeoutMs + wait * 1000);
    m_reply = m_network->get(req);
    connect(m_reply, &QNetworkReply::finished, this, [this, reply = m_reply.data()] { handleReply(reply); });
}

void RelayPoller::handleReply(QNetworkReply *reply)
{
    reply->deleteLater();
    if (!m_running)
        return;
    if (const QString problem = replyProblem(reply); !problem.isEmpty()) {
        failed(problem);
        return;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200) {
        failed(u"the relay answered HTTP %1 instead of an event page"_s.arg(status));
        return;
    }
    QString error;
    const std::optional<RelayEventPage> page = RelayEventPage::parse(reply->readAll(), &error);
    if (!page) {
        failed(error);
        return;
    }
    const std::optional<IngestResult> result = m_ingestor.ingest(*page, &error);
    if (!result) {
        failed(error);
        return;
    }
    m_totals.ingested += result->ingested;
    m_totals.duplicates += result->duplicates;
    m_totals.keptAside += result->keptAside;
    m_totals.cursor = result->cursor;
    const bool caughtUp = page->events.size() < m_pageSize;
    m_lastPageEmpty = page->events.isEmpty();
    const SyncState stored = storedState(m_workspace);
    m_state.cursor = stored.cursor;
    m_state.lastSuccess = stored.lastSuccess;
    m_state.lastAttempt = stored.lastAttempt;
    m_state.ingested = stored.ingested;
    m_state.duplicates = stored.duplicates;
    m_state.keptAside = stored.keptAside;
    m_state.error.clear();
    m_state.failures = 0;
    m_state.retryInMs = 0;
    m_state.caughtUp = caughtUp;
    emit pageIngested(*result);
    emit stateChanged(m_state);
    if (caughtUp && m_mode == Mode::UntilCaughtUp) {
        finish(true);
        return;
    }
    request();
}

void RelayPoller::failed(const QString &error)
{
    ++m_state.failures;
    m_state.error = error;
    m_state.caughtUp = false;
    m_state.lastAttempt = QDateTime::currentDateTimeUtc();
    recordFailure(error);
    if (m_mode == Mode::UntilCaughtUp && m_maxFailures > 0 && m_state.failures >= m_maxFailures) {
        m_state.retryInMs = 0;
        emit stateChanged(m_state);
        finish(false);
        return;
    }
    qint64 delay = m_firstBackoffMs;
    for (int i = 1; i < m_state.failures && delay < m_maxBackoffMs; ++i)
        delay *= 2;
    m_state.retryInMs = std::min<qint64>(delay, m_maxBackoffMs);
    emit stateChanged(m_state);
    m_retry.start(static_cast<int>(m_state.retryInMs));
}

void RelayPoller::recordFailure(const QString &error)
{
    QSqlQuery q(m_workspace.database());
    q.prepare(u"UPDATE sync_state SET last_attempt = ?, last_error = ? WHERE id = 1"_s);
    q.addBindValue(m_state.lastAttempt.toMSecsSinceEpoch());
    q.addBindValue(error);
    q.exec(); // best effort: the state is also in memory and in the signal
}

void RelayPoller::finish(bool ok)
{
    m_running = false;
    emit finished(ok);
}

} // namespace leadtrail
