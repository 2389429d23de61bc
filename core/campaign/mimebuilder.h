#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace leadtrail {

/**
 * Builds one delivery's RFC 5322 message: `multipart/alternative` with the
 * text part first and the HTML part second, both UTF-8, quoted-printable (or
 * base64 when most of the text is not ASCII), every line at most 76
 * characters and ended by CRLF. Headers are ASCII: non-ASCII subjects and
 * display names become RFC 2047 encoded words, and every value is folded
 * free of CR, LF and other controls first, so no input can add a header.
 *
 * Dot-stuffing belongs to the SMTP transport; the builder additionally never
 * starts a body line with `.`, so the message survives a naive relay too.
 */
class MimeBuilder final
{
public:
    struct Mailbox
    {
        QString name;    ///< display name, any text; may be empty
        QString address; ///< addr-spec; ASCII local part, the domain may be IDN
    };

    struct Message
    {
        Mailbox from;
        Mailbox to;
        Mailbox replyTo;         ///< none when the address is empty
        QString subject;
        QString text;
        QString html;
        QString listUnsubscribeUrl;     ///< https one-click URL; header omitted when empty
        QString listUnsubscribeMailto;  ///< address for the mailto: alternative; omitted when empty
        QDateTime date;          ///< now when invalid
        QString messageId;       ///< without angle brackets; a new one on the sender's domain when empty
    };

    /**
     * The message as bytes ready for SMTP DATA, or an empty array and
     * @p error set when an address is unusable.
     */
    static QByteArray build(const Message &message, QString *error = nullptr);

    /** A fresh `<random@domain>` id (without brackets) on @p senderAddress's domain. */
    static QString newMessageId(const QString &senderAddress);

    /**
     * The address as it goes on the wire (domain in ACE form), or empty if it
     * is not a valid address SMTP without SMTPUTF8 can carry.
     */
    static QString wireAddress(const QString &address);

    /** RFC 2047 encoded words (UTF-8, B) when needed; plain ASCII text otherwise. */
    static QByteArray encodeWords(const QString &text, bool phrase);

    /** Quoted-printable body: CRLF line ends, lines ≤ 76, no line starting with '.'; no CRLF after the last line. */
    static QByteArray quotedPrintable(const QString &text);
};

} // namespace leadtrail
