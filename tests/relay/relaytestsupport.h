#pragma once

// Shared by the relay tests: a config in a temporary directory, real HTTP
// requests over loopback (Poco's client, or raw bytes on a socket for what a
// well-behaved client would never send), and token helpers.

#include "relayconfig.h"

#include "protocol/token.h"

#include <chrono>
#include <map>
#include <string>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>

namespace relaytest {

struct Reply
{
    int status = 0;
    std::string body;
    std::map<std::string, std::string> headers; ///< names lowercased
    std::string header(const std::string &name) const
    {
        const auto it = headers.find(name);
        return it == headers.end() ? std::string() : it->second;
    }
};

inline leadtrail::protocol::SigningKey key1()
{
    return {1, std::string(32, '\x11')};
}

inline leadtrail::protocol::SigningKey key2()
{
    return {2, std::string(32, '\x22')};
}

/** A relay config on port 0 whose store lives in dir. */
inline leadtrail::relay::RelayConfig testConfig(const std::string &dir)
{
    leadtrail::relay::RelayConfig c;
    c.publicUrl = "http://127.0.0.1";
    c.bindAddress = "127.0.0.1";
    c.port = 0;
    c.keyring.add(key1());
    c.keyring.add(key2());
    c.apiKey = "test-api-key-0123456789";
    c.postbackKey = "test-postback-key-0123456789";
    c.fallbackUrl = "https://fallback.example/";
    c.storePath = dir + "/events.sqlite";
    c.dataDir = LEADTRAIL_SOURCE_DIR "/relay/data";
    c.maxThreads = 32;
    return c;
}

inline std::int64_t nowSeconds()
{
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

inline std::string token(leadtrail::protocol::TokenKind kind, const std::string &url = {}, std::uint32_t link = 0,
                         const leadtrail::protocol::SigningKey &key = key2(), std::int64_t issuedAt = 0)
{
    leadtrail::protocol::TokenFields f;
    f.kind = kind;
    f.delivery = *leadtrail::protocol::DeliveryId::fromHex("00112233445566778899aabbccddeeff");
    f.linkIndex = link;
    f.issuedAt = issuedAt ? issuedAt : nowSeconds() - 60;
    f.url = url;
    return leadtrail::protocol::signToken(f, key);
}

/** One request on a fresh connection; Poco's client, so only well-formed requests. */
inline Reply request(std::uint16_t port, const std::string &method, const std::string &uri,
                     const std::map<std::string, std::string> &headers = {}, const std::string &body = {},
                     const std::string &contentType = {})
{
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    session.setTimeout(Poco::Timespan(70, 0));
    Poco::Net::HTTPRequest req(method, uri, Poco::Net::HTTPMessage::HTTP_1_1);
    for (const auto &[name, value] : headers)
        req.set(name, value);
    if (!body.empty() || method == "POST") {
        req.setContentLength(static_cast<std::streamsize>(body.size()));
        if (!contentType.empty())
            req.setContentType(contentType);
    }
    session.sendRequest(req) << body;
    Poco::Net::HTTPResponse res;
    std::istream &in = session.receiveResponse(res);
    Reply reply;
    reply.status = res.getStatus();
    for (const auto &[name, value] : res)
        reply.headers[Poco::toLower(name)] = value;
    if (method != "HEAD")
        Poco::StreamCopier::copyToString(in, reply.body);
    return reply;
}

/** Sends raw bytes and returns everything the server answers until it closes or the headers end. */
inline std::string rawExchange(std::uint16_t port, const std::string &bytes)
{
    Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", port));
    socket.setReceiveTimeout(Poco::Timespan(5, 0));
    socket.sendBytes(bytes.data(), static_cast<int>(bytes.size()));
    std::string out;
    char buffer[4096];
    for (;;) {
        int n = 0;
        try {
            n = socket.receiveBytes(buffer, sizeof buffer);
        } catch (const Poco::Exception &) {
            break;
        }
        if (n <= 0)
            break;
        out.append(buffer, static_cast<std::size_t>(n));
        if (out.find("\r\n\r\n") != std::string::npos)
            break;
    }
    return out;
}

} // namespace relaytest
