#include "campaign/smtptransport.h"

#include <algorithm>
#include <csignal>
#include <cstring>
#include <mutex>

#include <QHostInfo>

#include <Poco/Net/Context.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include "campaign/mimebuilder.h"

namespace leadtrail {

namespace {

using Outcome = MailTransport::Outcome;

void initializeOnce()
{
    static std::once_flag once;
    std::call_once(once, [] {
        Poco::Net::initializeSSL();
        // A server that closes the connection mid-write must surface as an
        // error on this send, not kill the whole process with SIGPIPE.
        struct sigaction current = {};
        if (sigaction(SIGPIPE, nullptr, &current) == 0 && current.sa_handler == SIG_DFL)
            std::signal(SIGPIPE, SIG_IGN);
    });
}

QString text(const std::string &s)
{
    return QString::fromStdString(s).trimmed();
}

MailTransport::Result classify(int status, const std::string &response)
{
    MailTransport::Result r;
    r.code = status;
    r.reply = text(response);
    if (status >= 200 && status < 300)
        r.outcome = Outcome::Sent;
    else if (status >= 400 && status < 500)
        r.outcome = Outcome::Transient;
    else if (status >= 500 && status < 600)
        r.outcome = Outcome::Permanent;
    else
        r.outcome = Outcome::Unknown;
    return r;
}

/**
 * The DATA body as it goes on the wire (RFC 5321 4.5.2): a '.' that starts a
 * line gets a second one, and the body ends with CRLF so that the final
 * ".\r\n" stands on its own line. One pass, copying whole lines, into one
 * buffer: Poco's MailOutputStream does this a byte at a time through
 * std::ostream::put, which cost more than everything else per message.
 */
QByteArray dotStuffed(const QByteArray &message)
{
    const char *data = message.constData();
    const qsizetype size = message.size();
    QByteArray out;
    // Dot-started lines are rare (MimeBuilder never writes one): a little headroom is enough.
    out.reserve(size + size / 64 + 3);
    qsizetype lineStart = 0;
    while (lineStart < size) {
        const void *newline = std::memchr(data + lineStart, '\n', size_t(size - lineStart));
        const qsizetype lineEnd = newline ? static_cast<const char *>(newline) - data + 1 : size;
        if (data[lineStart] == '.')
            out.append('.');
        out.append(data + lineStart, lineEnd - lineStart);
        lineStart = lineEnd;
    }
    if (!out.endsWith("\r\n"))
        out.append("\r\n", 2);
    return out;
}

/** Writes all of @p data, in as few send() calls as the socket takes; throws when the connection fails. */
void sendAll(Poco::Net::StreamSocket &socket, const char *data, qsizetype size)
{
    while (size > 0) {
        const int n = socket.sendBytes(data, int(std::min<qsizetype>(size, 1 << 20)));
        if (n <= 0)
            throw Poco::Net::NetException("write failed");
        data += n;
        size -= n;
    }
}

MailTransport::Result failure(Outcome outcome, const QString &why, int code = 0)
{
    MailTransport::Result r;
    r.outcome = outcome;
    r.code = code;
    r.reply = why;
    return r;
}

} // namespace

/**
 * Poco's session, with its socket within reach: STARTTLS under our own
 * certificate-name rules, and writing DATA ourselves, need it. Poco keeps it
 * protected for exactly such subclasses (SecureSMTPClientSession is one).
 */
struct SmtpTransport::Connection final : Poco::Net::SMTPClientSession
{
    using SMTPClientSession::SMTPClientSession;
    using SMTPClientSession::socket;

    /** EHLO (after the greeting, the first time); remembers whether the server offers PIPELINING. */
    void hello(const std::string &name)
    {
        std::string response;
        login(name, response);
        pipelining = offers(response, "PIPELINING");
    }

    /** Whether an EHLO reply ("250-x\n250-PIPELINING\n250 HELP") lists @p keyword. */
    static bool offers(const std::string &ehloReply, const char *keyword)
    {
        const QByteArrayView wanted(keyword);
        for (const QByteArray &line : QByteArray::fromStdString(ehloReply).split('\n')) {
            const QByteArray word = line.mid(4).trimmed().split(' ').value(0).toUpper();
            if (word == wanted)
                return true;
        }
        return false;
    }

    bool pipelining = false;
};

SmtpTransport::SmtpTransport(SmtpSettings settings)
    : m_settings(std::move(settings))
{
    initializeOnce();
}

SmtpTransport::~SmtpTransport()
{
    close();
}

bool SmtpTransport::noDelay() const
{
    if (!m_connection)
        return false;
    try {
        return m_connection->socket().getNoDelay();
    } catch (const Poco::Exception &) {
        return false;
    }
}

bool SmtpTransport::pipelining() const
{
    return m_connection && m_settings.pipelining && m_connection->pipelining;
}

void SmtpTransport::drop()
{
    if (!m_connection)
        return;
    try {
        m_connection->socket().close();
    } catch (const Poco::Exception &) {
        // Already gone; nothing to release.
    }
    m_connection.reset();
}

void SmtpTransport::close()
{
    if (!m_connection)
        return;
    try {
        m_connection->close(); // QUIT
    } catch (const Poco::Exception &) {
        // The server may have gone already; the connection is dropped either way.
    }
    drop();
}

std::optional<MailTransport::Result> SmtpTransport::open()
{
    if (m_connection)
        return std::nullopt;
    return connect();
}

std::optional<MailTransport::Result> SmtpTransport::connect()
{
    using namespace Poco::Net;
    const std::string host = m_settings.host.toStdString();
    const std::string serverName = (m_settings.tlsServerName.isEmpty() ? m_settings.host : m_settings.tlsServerName).toStdString();
    const std::string helo = (m_settings.heloName.isEmpty() ? QHostInfo::localHostName() : m_settings.heloName).toStdString();
    const std::string what = host + ':' + std::to_string(m_settings.port);
    try {
        Context::Ptr context;
        if (m_settings.security != SmtpSettings::Security::None) {
            Context::Params params;
            params.verificationMode = m_settings.verifyCertificate ? Context::VERIFY_RELAXED : Context::VERIFY_NONE;
            params.caLocation = m_settings.caFile.toStdString();
            params.loadDefaultCAs = m_settings.caFile.isEmpty();
            params.cipherList = "HIGH:!aNULL:!eNULL:!MD5:!RC4";
            context = new Context(Context::TLS_CLIENT_USE, params);
            context->requireMinimumProtocol(Context::PROTO_TLSV1_2);
            context->enableExtendedCertificateVerification(m_settings.verifyCertificate);
        }

        StreamSocket socket;
        socket.connect(SocketAddress(host, m_settings.port), Poco::Timespan(Poco::Timespan::TimeDiff(m_settings.connectTimeoutMs) * 1000));
        socket.setNoDelay(true);
        if (m_settings.security == SmtpSettings::Security::ImplicitTls) {
            SecureStreamSocket secure = SecureStreamSocket::attach(socket, serverName, context);
            secure.completeHandshake();
            socket = secure;
        }

        auto connection = std::make_unique<Connection>(socket);
        Connection &session = *connection;
        session.setTimeout(Poco::Timespan(Poco::Timespan::TimeDiff(m_settings.replyTimeoutMs) * 1000));
        session.hello(helo); // greeting, then EHLO

        if (m_settings.security == SmtpSettings::Security::StartTls) {
            std::string response;
            const int status = session.sendCommand("STARTTLS", response);
            if (status / 100 != 2)
                return failure(Outcome::ConnectionFailed,
                               QStringLiteral("%1 refused STARTTLS: %2").arg(QString::fromStdString(what), text(response)), status);
            SecureStreamSocket secure = SecureStreamSocket::attach(session.socket(), serverName, context);
            secure.completeHandshake();
            session.socket() = secure;
            session.hello(helo); // EHLO again: the server forgets everything at STARTTLS
        }

        if (m_settings.auth != SmtpSettings::Auth::None) {
            if (auto failed = authenticate(session))
                return failed;
        }
        m_connection = std::move(connection);
        ++m_connectionsOpened;
        return std::nullopt;
    } catch (const SMTPException &e) {
        return failure(Outcome::ConnectionFailed,
                       QStringLiteral("%1: %2").arg(QString::fromStdString(what), QString::fromStdString(e.message())), e.code());
    } catch (const Poco::Exception &e) {
        return failure(Outcome::ConnectionFailed,
                       QStringLiteral("%1: %2").arg(QString::fromStdString(what), QString::fromStdString(e.displayText())));
    }
}

std::optional<MailTransport::Result> SmtpTransport::authenticate(Connection &session)
{
    // Done here rather than with Poco's login(): Poco's AUTH LOGIN only goes
    // on when the server's prompt reads exactly "Username:", and servers word
    // it differently ("User Name" for aiosmtpd); RFC 4954 says to ignore the
    // prompt's text.
    const QByteArray user = m_settings.username.toUtf8();
    const QByteArray password = m_settings.password.toUtf8();
    std::vector<std::pair<std::string, int>> steps;
    if (m_settings.auth == SmtpSettings::Auth::Plain) {
        steps.push_back({"AUTH PLAIN " + (QByteArray(1, '\0') + user + QByteArray(1, '\0') + password).toBase64().toStdString(), 2});
    } else {
        steps.push_back({"AUTH LOGIN", 3});
        steps.push_back({user.toBase64().toStdString(), 3});
        steps.push_back({password.toBase64().toStdString(), 2});
    }
    std::string response;
    for (const auto &[command, expected] : steps) {
        const int status = session.sendCommand(command, response);
        if (status / 100 != expected) {
            // Leave a half-finished AUTH exchange cleanly ("*" cancels it).
            if (status / 100 == 3)
                session.sendCommand("*", response);
            return failure(Outcome::ConnectionFailed,
                           QStringLiteral("%1:%2 refused the login for \"%3\": %4")
                               .arg(m_settings.host).arg(m_settings.port).arg(m_settings.username, text(response)),
                           status);
        }
    }
    return std::nullopt;
}

MailTransport::Result SmtpTransport::send(const QString &envelopeFrom, const QString &recipient, const QByteArray &message)
{
    const QString from = MimeBuilder::wireAddress(envelopeFrom);
    const QString to = MimeBuilder::wireAddress(recipient);
    if (from.isEmpty())
        return failure(Outcome::Permanent, QStringLiteral("The sender address \"%1\" is not valid.").arg(envelopeFrom));
    if (to.isEmpty())
        return failure(Outcome::Permanent, QStringLiteral("The recipient address \"%1\" is not valid.").arg(recipient));

    for (int attempt = 0;; ++attempt) {
        const bool reused = m_connection != nullptr;
        if (!m_connection) {
            if (const auto failed = connect())
                return *failed;
        }
        bool lostBeforeData = false;
        const Result result = transaction(from, to, message, &lostBeforeData);
        // An idle connection the server timed out fails on the first command;
        // nothing of this message reached it, so one fresh try is safe.
        if (lostBeforeData && reused && attempt == 0)
            continue;
        return result;
    }
}

MailTransport::Result SmtpTransport::transaction(const QString &from, const QString &to, const QByteArray &message,
                                                 bool *lostBeforeData)
{
    Connection &session = *m_connection;

    // Envelope: any failure here leaves the message unsent. With PIPELINING
    // (RFC 2920) the three commands go out in one write and their replies are
    // read in order; the first reply that is not what the step expects decides
    // the outcome exactly as it would one command at a time (a 550 to RCPT
    // fails the delivery with that text, whatever DATA then got).
    const std::string commands[] = {"MAIL FROM:<" + from.toStdString() + '>', "RCPT TO:<" + to.toStdString() + '>',
                                    "DATA"};
    const int expected[] = {2, 2, 3};
    int status[] = {0, 0, 0};
    std::string reply[3];
    try {
        if (m_settings.pipelining && session.pipelining) {
            const std::string batch = commands[0] + "\r\n" + commands[1] + "\r\n" + commands[2] + "\r\n";
            sendAll(session.socket(), batch.data(), qsizetype(batch.size()));
            for (int i = 0; i < 3; ++i) {
                status[i] = session.socket().receiveStatusMessage(reply[i]);
                if (status[i] <= 0 || status[i] == 421) // nothing more will come
                    break;
            }
        } else {
            for (int i = 0; i < 3; ++i) {
                status[i] = session.sendCommand(commands[i], reply[i]);
                if (status[i] / 100 != expected[i])
                    break;
            }
        }
    } catch (const Poco::Exception &e) {
        drop();
        *lostBeforeData = true;
        return failure(Outcome::Transient, QStringLiteral("Connection lost before the message was sent: %1")
                                               .arg(QString::fromStdString(e.displayText())));
    }
    for (int i = 0; i < 3; ++i) {
        if (status[i] / 100 == expected[i])
            continue;
        if (status[i] <= 0) { // end of stream instead of a reply
            drop();
            *lostBeforeData = true;
            return failure(Outcome::Transient, QStringLiteral("The server closed the connection before the message was sent."));
        }
        Result r = classify(status[i], reply[i]);
        if (r.outcome == Outcome::Sent || r.outcome == Outcome::Unknown)
            r.outcome = Outcome::Transient; // an odd reply before the data: nothing was sent
        if (status[i] == 421 || status[2] / 100 == 3) {
            // 421: the server is closing this connection. A 354 after a failed
            // step (a server that took DATA anyway) leaves it waiting for a
            // body; closing without the final dot discards the transaction.
            drop();
        } else {
            try {
                std::string response;
                session.sendCommand("RSET", response);
            } catch (const Poco::Exception &) {
                drop();
            }
        }
        return r;
    }

    // The body: until the final dot is out, the server cannot have accepted it.
    try {
        // MimeBuilder's messages need no stuffing: sent as they are, without a copy.
        if (!message.startsWith('.') && !message.contains("\n.") && message.endsWith("\r\n")) {
            sendAll(session.socket(), message.constData(), message.size());
        } else {
            const QByteArray body = dotStuffed(message);
            sendAll(session.socket(), body.constData(), body.size());
        }
    } catch (const Poco::Exception &e) {
        drop();
        return failure(Outcome::Transient, QStringLiteral("Connection lost while sending the message: %1")
                                               .arg(QString::fromStdString(e.displayText())));
    }
    if (!beforeFinalDot()) { // without the dot the server discards the transaction
        drop();
        return failure(Outcome::Transient, QStringLiteral("The message was not finished: its state could not be recorded."));
    }
    try {
        sendAll(session.socket(), ".\r\n", 3);
    } catch (const Poco::Exception &e) {
        drop();
        return failure(Outcome::Unknown, QStringLiteral("Connection lost while ending the message: %1")
                                             .arg(QString::fromStdString(e.displayText())));
    }
    awaitingReply();

    // The reply to the final dot decides; without one, nobody knows.
    int final = 0;
    std::string response;
    try {
        final = session.socket().receiveStatusMessage(response);
    } catch (const Poco::Exception &e) {
        drop();
        return failure(Outcome::Unknown, QStringLiteral("No reply after the message was sent: %1")
                                             .arg(QString::fromStdString(e.displayText())));
    }
    if (final <= 0) {
        drop();
        return failure(Outcome::Unknown, QStringLiteral("The server closed the connection after the message was sent, "
                                                        "without saying whether it accepted it."));
    }
    Result r = classify(final, response);
    if (final == 421) {
        drop();
    } else if (final / 100 != 2) {
        // The transaction is over either way (RFC 5321 4.1.1.4), but some
        // servers keep its envelope after a failure; start the next clean.
        try {
            std::string ignored;
            session.sendCommand("RSET", ignored);
        } catch (const Poco::Exception &) {
            drop();
        }
    }
    return r;
}

} // namespace leadtrail
