#pragma once

#include <QString>

#include <optional>

namespace leadtrail {

class Settings;

/** How to reach and log in to the team's SMTP server. The password is a secret: never log it. */
struct SmtpSettings
{
    enum class Security {
        None,        ///< plain SMTP (test servers only)
        StartTls,    ///< submission on 587: STARTTLS, refused if the server does not offer it
        ImplicitTls, ///< SMTPS on 465: TLS from the first byte
    };
    enum class Auth {
        None,
        Login,
        Plain,
    };

    QString host;
    quint16 port = 587;
    Security security = Security::StartTls;
    Auth auth = Auth::None;
    QString username;
    QString password;
    /** Peer certificate and host name checked; switch off only for a lab server. */
    bool verifyCertificate = true;
    /** PEM file of CAs to trust instead of the system's (a company CA, a test CA). */
    QString caFile;
    /** The name the certificate must carry; host when empty. */
    QString tlsServerName;
    /** The name given in EHLO; the machine's host name when empty. */
    QString heloName;
    /**
     * Send MAIL, RCPT and DATA in one write when the server offers PIPELINING
     * (RFC 2920): two round trips fewer per message. Off only to talk to a
     * server that advertises it but gets it wrong.
     */
    bool pipelining = true;
    int connectTimeoutMs = 15000;
    /** How long to wait for any reply, including the one after the final dot. */
    int replyTimeoutMs = 120000;

    /** smtp.security's names: none, starttls, tls; nullopt for anything else. */
    static std::optional<Security> securityFromName(const QString &name);
    /**
     * Takes what the workspace says beyond host, port, user and password, the
     * same for sending and for "Test connection": the login mechanism
     * (smtp.auth, when a user is set) and the certificate trust
     * (smtp.ca_file, smtp.verify_certificate).
     */
    void readLoginAndTrust(const Settings &settings);
};

} // namespace leadtrail
