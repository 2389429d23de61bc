#pragma once

// Shared by the insight tests: the relay tests' config, adapted, and real
// HTTP requests (Poco's client) to absolute URLs on loopback.

#include "relaytestsupport.h"

#include <map>
#include <string>

#include <Poco/URI.h>

namespace insighttest {

constexpr const char *browserUa =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
constexpr const char *scannerUa = "Mozilla/5.0 (compatible; Mimecast URL Protect; +https://www.mimecast.com)";

inline leadtrail::protocol::SigningKey signingKey()
{
    return {7, std::string(32, 'k')};
}

/**
 * The relay tests' config (port 0, store in @p dir), signing with signingKey(),
 * and with loopback as a trusted proxy so X-Forwarded-For can carry an Apple
 * Mail Privacy Protection address.
 */
inline leadtrail::relay::RelayConfig relayConfig(const std::string &dir)
{
    leadtrail::relay::RelayConfig c = relaytest::testConfig(dir);
    c.keyring.add(signingKey());
    c.trustedProxies = {"127.0.0.1/32"};
    c.maxThreads = 16;
    return c;
}

/** The API and postback keys of relayConfig(). */
inline const std::string &apiKey()
{
    static const std::string key = relaytest::testConfig({}).apiKey;
    return key;
}

inline const std::string &postbackKey()
{
    static const std::string key = relaytest::testConfig({}).postbackKey;
    return key;
}

struct Reply
{
    int status = 0;
    std::string body;
    std::string location;
};

/** One real request to an absolute http URL on loopback. */
inline Reply hit(const std::string &method, const std::string &url, const std::string &userAgent,
                 const std::map<std::string, std::string> &headers = {}, const std::string &body = {})
{
    const Poco::URI uri(url);
    Poco::Net::HTTPClientSession session(uri.getHost(), uri.getPort());
    session.setTimeout(Poco::Timespan(30, 0));
    Poco::Net::HTTPRequest request(method, uri.getPathEtc(), Poco::Net::HTTPMessage::HTTP_1_1);
    request.set("User-Agent", userAgent);
    for (const auto &[name, value] : headers)
        request.set(name, value);
    if (method == "POST") {
        request.setContentType("application/x-www-form-urlencoded");
        request.setContentLength(static_cast<std::streamsize>(body.size()));
    }
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::istream &in = session.receiveResponse(response);
    Reply reply;
    reply.status = response.getStatus();
    reply.location = response.get("Location", "");
    if (method != "HEAD")
        Poco::StreamCopier::copyToString(in, reply.body);
    return reply;
}

} // namespace insighttest
