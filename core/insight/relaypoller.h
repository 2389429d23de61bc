#pragma once

#include "insight/eventingestor.h"
#include "insight/syncstate.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;
class QUrlQuery;

namespace leadtrail {

class Workspace;

/**
 * Pulls GET /api/v1/events from the relay with QNetworkAccessManager and
 * hands each page to EventIngestor (page and cursor in one transaction).
 * UntilCaughtUp stops at the newest event; Follow then keeps a long poll
 * (`wait`) open so new events arrive within a moment.
 *
 * Never blocks its thread. When the relay is down, slow, answers garbage or
 * 401, or the network is gone, it says so in words (state(), stateChanged,
 * and sync_state in the database), backs off (doubling up to a cap) and
 * retries; the cursor only moves with a stored page, so it catches up
 * completely when the relay returns. The API key is only ever put in the
 * Authorization header.
 */
class RelayPoller final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RelayPoller)

public:
    enum class Mode { UntilCaughtUp, Follow };

    explicit RelayPoller(const Workspace &workspace, QObject *parent = nullptr);
    ~RelayPoller() override;

    /** Reads relay.url and the relay.api_key secret; false and what to do in @p error. */
    bool configureFromWorkspace(QString *error);
    /** What configureFromWorkspace() reads, for others that talk to the same relay (RelayCheck). */
    static bool relayFromWorkspace(const Workspace &workspace, QUrl *baseUrl, QString *apiKey, QString *error);
    /** A GET of @p path under the relay's base URL, with the API key in the Authorization header only. */
    static QNetworkRequest apiRequest(const QUrl &baseUrl, const QString &path, const QUrlQuery &query,
                                      const QString &apiKey);
    /** Why @p reply is not a usable answer (refused key, unreachable, timeout), in words; empty when it is. */
    static QString replyProblem(QNetworkReply *reply);
    void setRelay(const QUrl &baseUrl, const QString &apiKey);
    void setPageSize(int events) { m_pageSize = events; }
    void setWaitSeconds(int seconds) { m_waitSeconds = seconds; }
    void setBackoff(int firstMs, int maxMs);
    /** UntilCaughtUp gives up after this many failures in a row (0: never). */
    void setMaxFailures(int failures) { m_maxFailures = failures; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    void start(Mode mode);
    void stop();
    bool isRunning() const { return m_running; }

    SyncState state() const { return m_state; }
    /** What this run ingested, skipped and kept aside. */
    IngestResult totals() const { return m_totals; }
    /** The state as last stored in the workspace (for a process that is not syncing). */
    static SyncState storedState(const Workspace &workspace);

signals:
    void pageIngested(const leadtrail::IngestResult &page);
    void stateChanged(const leadtrail::SyncState &state);
    /** UntilCaughtUp: up to date (true) or gave up (false). Follow: after stop(). */
    void finished(bool ok);

private:
    void request();
    void handleReply(QNetworkReply *reply);
    void failed(const QString &error);
    void recordFailure(const QString &error);
    void finish(bool ok);

    const Workspace &m_workspace;
    EventIngestor m_ingestor;
    QNetworkAccessManager *m_network = nullptr;
    QPointer<QNetworkReply> m_reply;
    QTimer m_retry;
    QUrl m_base;
    QString m_apiKey;
    Mode m_mode = Mode::UntilCaughtUp;
    int m_pageSize = 1000;
    int m_waitSeconds = 25;
    int m_firstBackoffMs = 1000;
    int m_maxBackoffMs = 60'000;
    int m_maxFailures = 5;
    int m_timeoutMs = 30'000;
    bool m_running = false;
    bool m_lastPageEmpty = false;
    SyncState m_state;
    IngestResult m_totals;
};

} // namespace leadtrail
