#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace leadtrail {

/**
 * The event types as the workspace stores them in events.type. The wire
 * format names them (protocol/eventtype, mapped by RelayEventPage); these
 * numbers are the desktop's own and need not match the relay's storage codes.
 */
enum class EventType : int {
    Open = 1,
    Click = 2,
    Unsubscribe = 3,
    Decoy = 4,
    Conversion = 5,
};

/** One event of a GET /api/v1/events page, as documented in protocol/eventfields.h. A plain value. */
struct RelayEvent
{
    qint64 id = 0;
    EventType type = EventType::Open;
    QString delivery; ///< 32 lowercase hex digits
    qint64 link = 0;
    QString url;
    QString clickId;
    QString value;
    QString currency;
    QString conversion;
    qint64 timeMs = 0;
    QString method;
    QString ip;
    QString userAgent;
    QString scanner;
    bool head = false;
    qint64 ageSeconds = 0;
    bool appleMpp = false;

    /** The event as a JSON object again (protocol field names), for events kept aside. */
    QByteArray toJson() const;
};

/**
 * One page of the relay's event API. parse() is strict: anything that is not
 * the documented shape (garbage, a proxy's HTML error page, a cut-off body)
 * is refused as a whole with a reason, so a bad page never moves the cursor.
 */
struct RelayEventPage
{
    QList<RelayEvent> events;
    qint64 next = 0;

    static std::optional<RelayEventPage> parse(const QByteArray &body, QString *error);
    static std::optional<EventType> typeFromName(const QString &name);
    static QString typeName(EventType type);
};

} // namespace leadtrail
