#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace leadtrail {

class Workspace;

/**
 * The relay "Test" of the settings: GET /healthz, then an authenticated
 * GET /api/v1/events?limit=1 that only looks (nothing is ingested, the
 * cursor stays). Tells apart a relay that works, one that refuses the API
 * key, one that cannot be reached and one that answers something else. The
 * requests are built and judged by RelayPoller's code, so the test and the
 * sync agree. Asynchronous: never blocks its thread.
 */
class RelayCheck final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RelayCheck)

public:
    enum class Outcome {
        Ok,          ///< reachable and the API key is accepted
        KeyRefused,  ///< 401/403 from the events API
        Unreachable, ///< no connection, or no answer in time
        BadAnswer,   ///< answered, but not as a relay would
    };
    struct Result
    {
        Outcome outcome = Outcome::Unreachable;
        QUrl url;      ///< the relay's base URL
        int status = 0; ///< the HTTP status that decided, 0 when there was none
        QString error; ///< what went wrong, in words; empty when Ok
        QString networkError; ///< Unreachable: the network's own words ("Connection refused")
    };

    explicit RelayCheck(QObject *parent = nullptr);
    ~RelayCheck() override;

    /** Checks the workspace's paired relay; false with @p error when none is paired (nothing started). */
    bool start(const Workspace &workspace, QString *error);
    void start(const QUrl &baseUrl, const QString &apiKey);
    bool isRunning() const;
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

signals:
    void finished(const leadtrail::RelayCheck::Result &result);

private:
    void get(const QString &path, bool events);
    void handle(QNetworkReply *reply, bool events);
    void finish(Outcome outcome, int status, const QString &error);

    QNetworkAccessManager *m_network = nullptr;
    QPointer<QNetworkReply> m_reply;
    QUrl m_base;
    QString m_apiKey;
    QString m_networkError;
    int m_timeoutMs = 15'000;
};

} // namespace leadtrail

Q_DECLARE_METATYPE(leadtrail::RelayCheck::Result)
