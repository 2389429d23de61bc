#pragma once

// Shared by the insight tests: a real relay config in a temporary folder and
// real HTTP requests (Poco's client) against the relay on loopback.

#include "relayconfig.h"

#include <map>
#include <string>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/URI.h>

namespace insighttest {

constexpr const char *browserUa =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
constexpr const char *scannerUa = "Mozilla/5.0 (compatible; Mimecast URL Protect; +https://www.mimecast.com)";
constexpr const char *apiKey = "insight-test-api-key-0123456789";
constexpr const char *postbackKey = "insight-test-postback-key-0123456789";

inline leadtrail::protocol::SigningKey signingKey()
{
    return {7, std::string(32, 'k')};
}

/** A relay on 127.0.0.1, port 0, storing in @p dir; loopback is a trusted proxy so X-Forwarded-For works. */
inline leadtrail::relay::RelayConfig relayConfig(const std::string &dir)
{
    leadtrail::relay::RelayConfig c;
    c.publicUrl = "http://127.0.0.1";
    c.bindAddress = "127.0.0.1";
    c.port = 0;
    c.keyring.add(signingKey());
    c.apiKey = apiKey;
    c.postbackKey = postbackKey;
    c.fallbackUrl = "https://fallback.example/";
    c.storePath = dir + "/events.sqlite";
    c.dataDir = LEADTRAIL_SOURCE_DIR "/relay/data";
    c.trustedProxies = {"127.0.0.1/32"};
    c.maxThreads = 16;
    return c;
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
