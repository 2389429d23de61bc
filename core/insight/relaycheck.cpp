#include "insight/relaycheck.h"

#include "insight/relaypoller.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

#include <utility>

using namespace Qt::StringLiterals;

namespace leadtrail {

RelayCheck::RelayCheck(QObject *parent) : QObject(parent), m_network(new QNetworkAccessManager(this))
{
    qRegisterMetaType<leadtrail::RelayCheck::Result>();
}

RelayCheck::~RelayCheck()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

bool RelayCheck::isRunning() const
{
    return !m_reply.isNull();
}

bool RelayCheck::start(const Workspace &workspace, QString *error)
{
    QUrl url;
    QString key;
    if (!RelayPoller::relayFromWorkspace(workspace, &url, &key, error))
        return false;
    start(url, key);
    return true;
}

void RelayCheck::start(const QUrl &baseUrl, const QString &apiKey)
{
    if (m_reply)
        return;
    m_base = baseUrl;
    m_apiKey = apiKey;
    if (!m_base.isValid() || m_base.scheme().isEmpty()) {
        finish(Outcome::BadAnswer, 0, u"the relay URL \"%1\" is not valid"_s.arg(m_base.toString()));
        return;
    }
    get(u"/healthz"_s, false);
}

void RelayCheck::get(const QString &path, bool events)
{
    QUrlQuery query;
    if (events) {
        // Looks at one event and stores nothing: the cursor is the poller's alone.
        query.addQueryItem(u"after"_s, u"0"_s);
        query.addQueryItem(u"limit"_s, u"1"_s);
        query.addQueryItem(u"wait"_s, u"0"_s);
    }
    QNetworkRequest req = RelayPoller::apiRequest(m_base, path, query, m_apiKey);
    req.setTransferTimeout(m_timeoutMs);
    m_reply = m_network->get(req);
    connect(m_reply, &QNetworkReply::finished, this, [this, reply = m_reply.data(), events] { handle(reply, events); });
}

void RelayCheck::handle(QNetworkReply *reply, bool events)
{
    reply->deleteLater();
    m_reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString problem = RelayPoller::replyProblem(reply);
    if (!problem.isEmpty()) {
        m_networkError = reply->error() == QNetworkReply::NoError ? QString() : reply->errorString();
        finish(status == 401 || status == 403 ? Outcome::KeyRefused : Outcome::Unreachable, status, problem);
        return;
    }
    if (status != 200) {
        finish(Outcome::BadAnswer, status,
               u"the relay answered HTTP %1 to %2"_s.arg(status).arg(events ? u"/api/v1/events"_s : u"/healthz"_s));
        return;
    }
    if (!events) {
        get(u"/api/v1/events"_s, true);
        return;
    }
    finish(Outcome::Ok, status, {});
}

void RelayCheck::finish(Outcome outcome, int status, const QString &error)
{
    Result result;
    result.outcome = outcome;
    result.url = m_base;
    result.status = status;
    result.error = error;
    result.networkError = std::exchange(m_networkError, QString());
    emit finished(result);
}

} // namespace leadtrail
