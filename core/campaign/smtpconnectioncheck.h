#pragma once

#include "campaign/smtpsettings.h"

#include <QString>

#include <optional>

namespace leadtrail {

class Workspace;

/**
 * "Test connection" for the SMTP settings: connects, secures (STARTTLS or
 * implicit TLS, certificate checked exactly as sending checks it), logs in
 * when a user is set, then says QUIT. It never sends a message. The network
 * part goes through SmtpTransport::open(), so a test that passes means a send
 * gets as far as MAIL FROM.
 *
 * settingsFor() reads the workspace (settings and secrets) and belongs on the
 * thread that owns the workspace; run() blocks on the network and belongs on
 * a worker thread.
 */
class SmtpConnectionCheck final
{
public:
    /** What the settings form holds, possibly not saved yet. */
    struct Form
    {
        QString host;
        quint16 port = 587;
        QString security = QStringLiteral("starttls"); ///< none | starttls | tls, as in smtp.security
        QString user;
        QString password; ///< typed; empty: the stored smtp.password secret
    };

    struct Result
    {
        bool ok = false;
        int code = 0;        ///< the SMTP reply code of the failure, 0 when there was none
        QString error;       ///< the server's reply or the network error, word for word
        QString host;
        quint16 port = 0;
        SmtpSettings::Security security = SmtpSettings::Security::StartTls;
        QString user;        ///< who logged in; empty when the server needed no login
    };

    /**
     * The SmtpSettings a send would use, with @p form's values in place of the
     * saved ones; the workspace supplies the rest (smtp.auth, smtp.ca_file,
     * smtp.verify_certificate) and the stored password when none is typed.
     * nullopt with @p error saying what is missing.
     */
    static std::optional<SmtpSettings> settingsFor(const Workspace &workspace, const Form &form, QString *error);
    /** Connects, logs in and quits; blocks, so call it off the GUI thread. */
    static Result run(const SmtpSettings &settings);
};

} // namespace leadtrail
