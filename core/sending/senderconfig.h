#pragma once

#include "campaign/smtpsettings.h"
#include "protocol/token.h"
#include "sending/ratelimiter.h"

#include <QString>

#include <optional>

namespace leadtrail {

class Workspace;

/**
 * Everything the sender needs besides the campaign: the SMTP server, how many
 * connections, rate caps, retries, the relay URL and signing key, and the
 * default sender. Read from the workspace's settings and secrets by
 * fromWorkspace(); tests fill it in directly.
 *
 * Settings read (besides smtp.*, sender.*, relay.url): sending.connections
 * (default 2), sending.provider (google_workspace | microsoft365 | custom),
 * sending.per_minute / per_hour / per_day (override the preset; 0 = no cap),
 * sending.max_attempts (default 5), sending.retry_seconds (first backoff,
 * default 60, doubling), relay.signing_key_id; secrets smtp.password and
 * relay.signing_key (hex).
 */
struct SenderConfig
{
    SmtpSettings smtp;
    int connections = 2;
    RateLimiter::Limits limits;
    int maxAttempts = 5;       ///< SMTP transactions per delivery before a 4xx becomes a failure
    qint64 retryBaseMs = 60'000; ///< backoff before the 2nd attempt; doubles each time
    qint64 retryMaxMs = 3'600'000;
    /** After this many connection failures in a row the campaign pauses: a setup problem. */
    int maxConnectionFailures = 5;
    QString relayUrl;
    protocol::SigningKey signingKey;
    QString senderName;
    QString senderEmail;

    /** The backoff before attempt @p attempt + 1, after @p attempt attempts. */
    qint64 backoffMs(int attempt) const;

    /** Reads the workspace's configuration; nullopt and a message saying what to set. */
    static std::optional<SenderConfig> fromWorkspace(const Workspace &workspace, QString *error);
};

} // namespace leadtrail
