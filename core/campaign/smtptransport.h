#pragma once

#include <memory>
#include <optional>

#include "campaign/mailtransport.h"
#include "campaign/smtpsettings.h"

namespace leadtrail {

/**
 * MailTransport over SMTP with Poco's client: one connection, opened on the
 * first send and reused for every message after it, TCP_NODELAY on (without
 * it each command waits on Nagle's algorithm and throughput collapses),
 * PIPELINING of the envelope when the server offers it,
 * STARTTLS or implicit TLS with certificate and host-name checks on by
 * default, AUTH LOGIN or PLAIN. Reply codes are classified per message; a
 * reused connection that the server closed while idle is reopened once,
 * transparently, as long as the message had not started.
 */
class SmtpTransport final : public MailTransport
{
public:
    explicit SmtpTransport(SmtpSettings settings);
    ~SmtpTransport() override;
    Q_DISABLE_COPY_MOVE(SmtpTransport)

    Result send(const QString &envelopeFrom, const QString &recipient, const QByteArray &message) override;
    void close() override;
    /**
     * Connects, secures and logs in without sending anything (a no-op when
     * already connected): the failure, or nothing when the session is ready.
     * SmtpConnectionCheck uses it so a settings test takes exactly the path
     * a real send takes.
     */
    std::optional<Result> open();

    bool isConnected() const { return m_connection != nullptr; }
    /** TCP_NODELAY as the kernel reports it on the open connection's socket (false when none is open). */
    bool noDelay() const;
    /** Whether the open connection sends MAIL, RCPT and DATA pipelined (the server offered it and settings allow it). */
    bool pipelining() const;
    /** How many connections this transport has opened so far. */
    int connectionsOpened() const { return m_connectionsOpened; }

private:
    struct Connection;

    /** Opens and logs in; the failure, or nothing when connected. */
    std::optional<Result> connect();
    std::optional<Result> authenticate(Connection &session);
    Result transaction(const QString &from, const QString &to, const QByteArray &message, bool *lostBeforeData);
    void drop();

    SmtpSettings m_settings;
    std::unique_ptr<Connection> m_connection;
    int m_connectionsOpened = 0;
};

} // namespace leadtrail
