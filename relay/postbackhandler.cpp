#include "postbackhandler.h"

#include "clickid.h"
#include "eventstore.h"
#include "eventwriter.h"
#include "relaycontext.h"

#include "protocol/secure.h"

#include <cctype>

#include <Poco/Exception.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

namespace leadtrail::relay {

namespace {

/** A decimal amount: optional minus, up to 15 digits, optional fraction of up to 6. */
bool isAmount(const std::string &s)
{
    std::size_t i = 0, digits = 0, fraction = 0;
    if (i < s.size() && s[i] == '-')
        ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
        ++i;
        ++digits;
    }
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
            ++i;
            ++fraction;
        }
        if (fraction == 0)
            return false;
    }
    return i == s.size() && digits >= 1 && digits <= 15 && fraction <= 6;
}

bool isCurrency(const std::string &s)
{
    if (s.size() != 3)
        return false;
    for (const char c : s) {
        if (c < 'A' || c > 'Z')
            return false;
    }
    return true;
}

bool isEventName(const std::string &s)
{
    if (s.size() > 64)
        return false;
    for (const char c : s) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.')
            return false;
    }
    return true;
}

} // namespace

void PostbackHandler::handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response)
{
    using Status = Poco::Net::HTTPResponse::HTTPStatus;
    const std::string &method = request.getMethod();
    if (method != "GET" && method != "POST") {
        response.set("Allow", "GET, POST");
        fail(response, Status::HTTP_METHOD_NOT_ALLOWED, "use GET or POST");
        return;
    }
    if (request.hasContentLength() && request.getContentLength64() > 8192) {
        fail(response, Status::HTTP_REQUEST_ENTITY_TOO_LARGE, "request body too large");
        return;
    }
    Poco::Net::HTMLForm form;
    form.setFieldLimit(20);
    try {
        form.load(request, request.stream());
    } catch (const Poco::Exception &) {
        fail(response, Status::HTTP_BAD_REQUEST, "the parameters could not be read");
        return;
    }
    const std::string key = form.get("key", "");
    if (key.empty()) {
        fail(response, Status::HTTP_UNAUTHORIZED, "the postback key (key=) is missing");
        return;
    }
    if (!protocol::constantTimeEqual(key, m_context.config().postbackKey)) {
        fail(response, Status::HTTP_FORBIDDEN, "the postback key is wrong");
        return;
    }
    const std::string cid = form.get("cid", "");
    if (cid.empty()) {
        fail(response, Status::HTTP_BAD_REQUEST, "the click id (cid=) is missing");
        return;
    }
    const std::optional<std::int64_t> clickEvent = clickid::eventIdOf(cid);
    if (!clickEvent) {
        fail(response, Status::HTTP_BAD_REQUEST, "the click id (cid=) is not one this relay issues");
        return;
    }
    const std::string value = form.get("value", "");
    if (!value.empty() && !isAmount(value)) {
        fail(response, Status::HTTP_BAD_REQUEST, "value= must be a decimal amount such as 19.90");
        return;
    }
    const std::string currency = form.get("currency", "");
    if (!currency.empty() && !isCurrency(currency)) {
        fail(response, Status::HTTP_BAD_REQUEST, "currency= must be a three-letter ISO 4217 code such as EUR");
        return;
    }
    const std::string name = form.get("event", "");
    if (!isEventName(name)) {
        fail(response, Status::HTTP_BAD_REQUEST, "event= may hold up to 64 letters, digits, '.', '_' and '-'");
        return;
    }
    std::optional<Event> click;
    try {
        click = m_context.store().findClick(cid);
    } catch (const std::exception &) {
        fail(response, Status::HTTP_SERVICE_UNAVAILABLE, "the event store is unavailable, retry later");
        return;
    }
    if (!click) {
        fail(response, Status::HTTP_NOT_FOUND, "no click with this click id");
        return;
    }
    Event event = m_context.eventFor(request, EventType::Conversion, 0);
    event.delivery = click->delivery;
    event.linkIndex = click->linkIndex;
    event.url = click->url;
    event.clickId = cid;
    event.value = value;
    event.currency = currency;
    event.conversion = name;
    event.scanner.clear(); // a server's user agent says nothing about the recipient
    if (!m_context.writer().submit(event)) {
        fail(response, Status::HTTP_SERVICE_UNAVAILABLE, "the conversion could not be stored, retry later");
        return;
    }
    send(response, Status::HTTP_OK, "application/json", "{\"ok\":true,\"id\":" + std::to_string(event.id) + "}\n");
}

} // namespace leadtrail::relay
