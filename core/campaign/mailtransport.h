#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

namespace leadtrail {

/**
 * Hands one finished message to a mail server and says what became of it.
 * The campaign sender owns retries, backoff, rate caps and bookkeeping; a
 * transport only reports outcomes truthfully. One transport is one
 * connection, used by one thread at a time.
 */
class MailTransport
{
public:
    enum class Outcome {
        Sent,             ///< the server took responsibility (2xx after the final dot)
        Transient,        ///< a 4xx, or the connection failed before the message was complete: retry later
        Permanent,        ///< a 5xx: do not retry; reply() says why
        Unknown,          ///< the connection was lost after the final dot, before the reply: maybe delivered, never resend automatically
        ConnectionFailed, ///< nothing was sent: could not connect, TLS or login failed (a setup problem more than a message problem)
    };

    struct Result
    {
        Outcome outcome = Outcome::Unknown;
        int code = 0;  ///< the SMTP reply code, 0 when there was none
        QString reply; ///< the server's reply text, or what went wrong

        /** True when sending the same message again cannot deliver it twice. */
        bool safeToRetry() const { return outcome == Outcome::Transient || outcome == Outcome::ConnectionFailed; }
    };

    virtual ~MailTransport() = default;

    /** Sends @p message (CRLF lines, not dot-stuffed) from @p envelopeFrom to @p recipient. */
    virtual Result send(const QString &envelopeFrom, const QString &recipient, const QByteArray &message) = 0;
    /** Ends the session politely (QUIT); the next send connects again. */
    virtual void close() = 0;

    /**
     * Called by send() once the whole body is written and just before the
     * final dot, the moment after which the server may accept the message.
     * The sender records that in the database here, so a crash can tell a
     * message that may have been delivered from one that cannot have been.
     * Returning false withholds the dot: the outcome is Transient.
     */
    void setBeforeFinalDot(std::function<bool()> hook) { m_beforeFinalDot = std::move(hook); }

    /**
     * Called by send() once the final dot is written, before it reads the
     * server's reply, which takes the server a moment: the sender prepares
     * its next message here instead of waiting idle. The hook must not use
     * this transport.
     */
    void setAwaitingReply(std::function<void()> hook) { m_awaitingReply = std::move(hook); }

protected:
    bool beforeFinalDot() const { return !m_beforeFinalDot || m_beforeFinalDot(); }
    void awaitingReply() const
    {
        if (m_awaitingReply)
            m_awaitingReply();
    }


    MailTransport() = default;
    MailTransport(const MailTransport &) = default;
    MailTransport &operator=(const MailTransport &) = default;

private:
    std::function<bool()> m_beforeFinalDot;
    std::function<void()> m_awaitingReply;
};

} // namespace leadtrail
