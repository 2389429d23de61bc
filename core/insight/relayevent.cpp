// protocol::eventfield::signals is a field name that Qt's `signals` keyword
// macro would swallow; nothing in this file declares signals.
#define QT_NO_KEYWORDS

#include "insight/relayevent.h"

#include "protocol/eventfields.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {

QString key(std::string_view name)
{
    return QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size()));
}

bool isHex32(const QString &text)
{
    if (text.size() != 32)
        return false;
    for (const QChar c : text) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

} // namespace

QByteArray RelayEvent::toJson() const
{
    namespace f = protocol::eventfield;
    const QJsonObject signalObject{{key(f::scanner), scanner}, {key(f::head), head}, {key(f::age), ageSeconds},
                                   {key(f::appleMpp), appleMpp}};
    const QJsonObject object{
        {key(f::id), id}, {key(f::type), RelayEventPage::typeName(type)}, {key(f::delivery), delivery},
        {key(f::link), link}, {key(f::url), url}, {key(f::clickId), clickId}, {key(f::value), value},
        {key(f::currency), currency}, {key(f::conversion), conversion}, {key(f::time), timeMs},
        {key(f::method), method}, {key(f::ip), ip}, {key(f::userAgent), userAgent}, {key(f::signals), signalObject},
    };
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<EventType> RelayEventPage::typeFromName(const QString &name)
{
    namespace t = protocol::eventtype;
    for (const auto &[text, type] : {std::pair{t::open, EventType::Open}, std::pair{t::click, EventType::Click},
                                     std::pair{t::unsubscribe, EventType::Unsubscribe},
                                     std::pair{t::decoy, EventType::Decoy},
                                     std::pair{t::conversion, EventType::Conversion}}) {
        if (name == key(text))
            return type;
    }
    return std::nullopt;
}

QString RelayEventPage::typeName(EventType type)
{
    namespace t = protocol::eventtype;
    switch (type) {
    case EventType::Open: return key(t::open);
    case EventType::Click: return key(t::click);
    case EventType::Unsubscribe: return key(t::unsubscribe);
    case EventType::Decoy: return key(t::decoy);
    case EventType::Conversion: return key(t::conversion);
    }
    return {};
}

std::optional<RelayEventPage> RelayEventPage::parse(const QByteArray &body, QString *error)
{
    namespace f = protocol::eventfield;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = u"the relay answered something that is not an event page (%1)"_s.arg(
            parseError.error != QJsonParseError::NoError ? parseError.errorString() : u"not a JSON object"_s);
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    const QJsonValue events = root.value(key(f::events));
    const QJsonValue next = root.value(key(f::next));
    if (!events.isArray() || !next.isDouble() || next.toInteger(-1) < 0) {
        *error = u"the relay's event page lacks \"events\" or \"next\""_s;
        return std::nullopt;
    }
    RelayEventPage page;
    page.next = next.toInteger();
    const QJsonArray array = events.toArray();
    page.events.reserve(array.size());
    qint64 previous = 0;
    for (const QJsonValue &value : array) {
        const QJsonObject o = value.toObject();
        RelayEvent e;
        e.id = o.value(key(f::id)).toInteger(0);
        const std::optional<EventType> type = typeFromName(o.value(key(f::type)).toString());
        e.delivery = o.value(key(f::delivery)).toString();
        const QJsonObject signalsObject = o.value(key(f::signals)).toObject();
        if (e.id <= previous || !type || !isHex32(e.delivery) || !o.value(key(f::time)).isDouble()) {
            *error = u"the relay sent a malformed event after id %1"_s.arg(previous);
            return std::nullopt;
        }
        previous = e.id;
        e.type = *type;
        e.link = o.value(key(f::link)).toInteger(0);
        e.url = o.value(key(f::url)).toString();
        e.clickId = o.value(key(f::clickId)).toString();
        e.value = o.value(key(f::value)).toString();
        e.currency = o.value(key(f::currency)).toString();
        e.conversion = o.value(key(f::conversion)).toString();
        e.timeMs = o.value(key(f::time)).toInteger(0);
        e.method = o.value(key(f::method)).toString();
        e.ip = o.value(key(f::ip)).toString();
        e.userAgent = o.value(key(f::userAgent)).toString();
        e.scanner = signalsObject.value(key(f::scanner)).toString();
        e.head = signalsObject.value(key(f::head)).toBool();
        e.ageSeconds = signalsObject.value(key(f::age)).toInteger(0);
        e.appleMpp = signalsObject.value(key(f::appleMpp)).toBool();
        page.events.append(std::move(e));
    }
    if (!page.events.isEmpty() && page.next < page.events.constLast().id) {
        *error = u"the relay's cursor is behind its own events"_s;
        return std::nullopt;
    }
    return page;
}

} // namespace leadtrail
