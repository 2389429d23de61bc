#include "campaign/mimebuilder.h"

#include <algorithm>
#include <array>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <QHostAddress>
#include <QRandomGenerator>
#include <QUrl>

#include "campaign/headervalue.h"
#include "store/emailaddress.h"

namespace leadtrail {

namespace {

constexpr int maxHeaderLine = 78;
constexpr int maxBodyLine = 76;

QByteArray randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), bytes / 4);
    return raw.toHex();
}

// RFC 8058 wants an https unsubscribe URL. Plain http is accepted only for a
// relay on this machine (the demo and the tests), where no one else can read it.
bool isSecureOrLoopbackUrl(const QString &url)
{
    if (url.startsWith(QLatin1String("https://")))
        return true;
    if (!url.startsWith(QLatin1String("http://")))
        return false;
    const QUrl parsed(url, QUrl::StrictMode);
    const QHostAddress host(parsed.host());
    return parsed.isValid()
        && (parsed.host() == QLatin1String("localhost") || (!host.isNull() && host.isLoopback()));
}

bool isPlainAscii(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

/** `Name: value`, folded at spaces so that lines stay within 78 characters where possible. */
void appendHeader(QByteArray &out, const char *name, const QByteArray &value)
{
    QByteArray line = QByteArray(name) + ": ";
    qsizetype lineStart = 0;
    const QList<QByteArray> words = value.split(' ');
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QByteArray &word = words[i];
        if (i > 0) {
            if (line.size() - lineStart + 1 + word.size() > maxHeaderLine && line.size() > lineStart + 1) {
                line += "\r\n";
                lineStart = line.size();
            }
            line += ' ';
        }
        line += word;
    }
    out += line + "\r\n";
}

QByteArray mailbox(const MimeBuilder::Mailbox &box, const QString &wire)
{
    const QString name = sanitizeHeaderValue(box.name).simplified();
    if (name.isEmpty())
        return wire.toLatin1();
    return MimeBuilder::encodeWords(name, true) + " <" + wire.toLatin1() + '>';
}

QByteArray base64Lines(const QByteArray &data)
{
    const QByteArray encoded = data.toBase64();
    QByteArray out;
    out.reserve(encoded.size() + encoded.size() / maxBodyLine * 2 + 2);
    for (qsizetype i = 0; i < encoded.size(); i += maxBodyLine) {
        out.append(encoded.constData() + i, qMin<qsizetype>(maxBodyLine, encoded.size() - i));
        out.append("\r\n", 2);
    }
    return out;
}

/**
 * The end of the run from @p p (at most to @p stop) of bytes that
 * quoted-printable writes as they are: printable ASCII but '=', and space
 * and tab unless a line end or the end of the text (@p end) follows them.
 * Sixteen bytes at a time with SSE2 where there is SSE2: one table lookup
 * per byte was a tenth of a campaign send's CPU.
 */
const char *plainRun(const char *p, const char *stop, const char *end)
{
    static const std::array<bool, 256> plain = [] {
        std::array<bool, 256> table{};
        for (int c = 32; c <= 126; ++c)
            table[std::size_t(c)] = c != '=';
        table['\t'] = true;
        return table;
    }();
    const char *q = p;
#ifdef __SSE2__
    const __m128i below = _mm_set1_epi8(31), above = _mm_set1_epi8(127), equals = _mm_set1_epi8('=');
    while (stop - q >= 16) {
        // Signed compares: bytes >= 0x80 are negative, so not above 31.
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(q));
        const __m128i ok = _mm_andnot_si128(_mm_cmpeq_epi8(v, equals),
                                            _mm_and_si128(_mm_cmpgt_epi8(v, below), _mm_cmplt_epi8(v, above)));
        const unsigned mask = unsigned(_mm_movemask_epi8(ok));
        if (mask != 0xffff) {
            q += __builtin_ctz(~mask);
            break;
        }
        q += 16;
    }
#endif
    while (q < stop && plain[static_cast<unsigned char>(*q)]) // the rest, and tabs
        ++q;
    // White space before a line end must be encoded (RFC 2045 6.7 (3)).
    if (q > p && (q[-1] == ' ' || q[-1] == '\t') && (q == end || *q == '\r' || *q == '\n'))
        --q;
    return q;
}

/**
 * Appends @p utf8 quoted-printable to @p out: line ends of any kind become
 * CRLF, lines stay within 76 characters with soft breaks, no line starts
 * with '.', and there is no CRLF after a last line without one. Writes
 * through a raw pointer into room reserved up front: one pass, no per-byte
 * container calls (appending byte by byte to a QByteArray cost a quarter of
 * the sender's time).
 */
void appendQuotedPrintable(QByteArray &out, const QByteArray &utf8)
{
    static const char hex[] = "0123456789ABCDEF";
    const qsizetype start = out.size();
    // Worst case: 3 bytes per input byte, plus a 3-byte soft break at most
    // every 73 columns: under 4 per input byte.
    out.resize(start + utf8.size() * 4 + 8);
    char *o = out.data() + start;
    const char *p = utf8.constData();
    const char *const end = p + utf8.size();
    int column = 0;
    while (p < end) {
        if (column > 0 && column < maxBodyLine - 2) {
            // The common case: a run of bytes that stand for themselves,
            // copied at once, up to where a soft break is due.
            const char *const q = plainRun(p, p + std::min<qsizetype>(maxBodyLine - 2 - column, end - p), end);
            if (q > p) {
                std::memcpy(o, p, size_t(q - p));
                o += q - p;
                column += int(q - p);
                p = q;
                continue;
            }
        }
        const auto b = static_cast<unsigned char>(*p);
        if (b == '\r' || b == '\n') { // CRLF, CR or LF: one line end
            p += (b == '\r' && p + 1 < end && p[1] == '\n') ? 2 : 1;
            *o++ = '\r';
            *o++ = '\n';
            column = 0;
            continue;
        }
        const bool last = p + 1 == end || p[1] == '\r' || p[1] == '\n'; // trailing white space must be encoded
        ++p;
        const bool literal = (b >= 33 && b <= 126 && b != '=' && !(b == '.' && column == 0))
            || ((b == ' ' || b == '\t') && !last);
        int length = literal ? 1 : 3;
        // Leave room for the soft break's '=' within 76 characters.
        if (column + length > maxBodyLine - 1) {
            *o++ = '=';
            *o++ = '\r';
            *o++ = '\n';
            column = 0;
            if (b == '.') // a dot would now start a line
                length = 3;
        }
        if (length == 1) {
            *o++ = char(b);
        } else {
            *o++ = '=';
            *o++ = hex[b >> 4];
            *o++ = hex[b & 15];
        }
        column += length;
    }
    out.resize(o - out.constData());
}

/** Appends a text part: QP unless most of it is not ASCII, where base64 is smaller. */
void appendBodyPart(QByteArray &out, const char *contentType, const QByteArray &utf8)
{
    // Bytes >= 0x80, eight at a time (byte by byte it was 2% of a send).
    qsizetype high = 0;
    const char *p = utf8.constData();
    const char *const end = p + utf8.size();
    for (; end - p >= 8; p += 8) {
        quint64 word;
        std::memcpy(&word, p, 8);
        // Each byte's top bit moved to its lowest, then summed into the top byte.
        high += qsizetype((((word >> 7) & 0x0101010101010101ULL) * 0x0101010101010101ULL) >> 56);
    }
    for (; p < end; ++p)
        high += (static_cast<unsigned char>(*p) >= 0x80);
    const bool base64 = high * 3 > utf8.size();
    out += "Content-Type: ";
    out += contentType;
    out += "; charset=utf-8\r\n";
    if (base64) {
        QByteArray normalized = utf8;
        normalized.replace("\r\n", "\n").replace('\r', '\n');
        normalized.replace("\n", "\r\n");
        out += "Content-Transfer-Encoding: base64\r\n\r\n" + base64Lines(normalized);
    } else {
        out += "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
        appendQuotedPrintable(out, utf8);
    }
}

} // namespace

QString MimeBuilder::wireAddress(const QString &address)
{
    const QString value = EmailAddress::normalized(address);
    if (!EmailAddress::isValid(value))
        return {};
    const qsizetype at = value.lastIndexOf(u'@');
    const QString local = value.left(at);
    for (const QChar c : local) {
        if (c.unicode() > 0x7e)
            return {}; // would need SMTPUTF8
    }
    const QByteArray domain = QUrl::toAce(value.mid(at + 1));
    if (domain.isEmpty())
        return {};
    return local + u'@' + QString::fromLatin1(domain);
}

QString MimeBuilder::newMessageId(const QString &senderAddress)
{
    const QString wire = wireAddress(senderAddress);
    const QString domain = wire.isEmpty() ? QStringLiteral("localhost") : wire.mid(wire.lastIndexOf(u'@') + 1);
    return QString::fromLatin1(randomHex(16)) + u'@' + domain;
}

QByteArray MimeBuilder::encodeWords(const QString &text, bool phrase)
{
    bool plain = isPlainAscii(text) && !text.contains(QLatin1String("=?"));
    if (plain) {
        // Long unbreakable runs could not be folded below 998 characters.
        for (const QStringView word : QStringView(text).split(u' ')) {
            if (word.size() > 70)
                plain = false;
        }
    }
    if (plain && !phrase)
        return text.toLatin1();
    if (plain) {
        static const QString atextAndSpace = QStringLiteral(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~ ");
        bool atoms = true;
        for (const QChar c : text)
            atoms = atoms && atextAndSpace.contains(c);
        if (atoms)
            return text.toLatin1();
        QString quoted = text;
        quoted.replace(u'\\', QLatin1String("\\\\")).replace(u'"', QLatin1String("\\\""));
        return '"' + quoted.toLatin1() + '"';
    }

    // Each word carries at most 39 bytes (52 in base64, 64 with its frame,
    // so even the first word after "Reply-To: " fits in 78 columns) and
    // never splits a UTF-8 sequence, so every word decodes on its own.
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    qsizetype i = 0;
    while (i < utf8.size()) {
        qsizetype end = qMin<qsizetype>(i + 39, utf8.size());
        while (end < utf8.size() && end > i && (static_cast<unsigned char>(utf8[end]) & 0xc0) == 0x80)
            --end;
        if (!out.isEmpty())
            out += ' ';
        out += "=?UTF-8?B?" + utf8.mid(i, end - i).toBase64() + "?=";
        i = end;
    }
    return out;
}

QByteArray MimeBuilder::quotedPrintable(const QString &text)
{
    QByteArray out;
    appendQuotedPrintable(out, text.toUtf8());
    return out;
}

QByteArray MimeBuilder::build(const Message &message, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return QByteArray();
    };
    const QString from = wireAddress(message.from.address);
    if (from.isEmpty())
        return fail(QStringLiteral("The sender address \"%1\" is not a valid email address.").arg(message.from.address));
    const QString to = wireAddress(message.to.address);
    if (to.isEmpty())
        return fail(QStringLiteral("The recipient address \"%1\" is not a valid email address.").arg(message.to.address));
    QString replyTo;
    if (!message.replyTo.address.trimmed().isEmpty()) {
        replyTo = wireAddress(message.replyTo.address);
        if (replyTo.isEmpty())
            return fail(QStringLiteral("The reply-to address \"%1\" is not a valid email address.").arg(message.replyTo.address));
    }
    QString unsubscribeMailto;
    if (!message.listUnsubscribeMailto.trimmed().isEmpty()) {
        unsubscribeMailto = wireAddress(message.listUnsubscribeMailto);
        if (unsubscribeMailto.isEmpty())
            return fail(QStringLiteral("The unsubscribe address \"%1\" is not a valid email address.").arg(message.listUnsubscribeMailto));
    }
    const QString unsubscribeUrl = sanitizeHeaderValue(message.listUnsubscribeUrl).trimmed();
    if (!unsubscribeUrl.isEmpty() && (!isSecureOrLoopbackUrl(unsubscribeUrl) || !isPlainAscii(unsubscribeUrl)
                                      || unsubscribeUrl.contains(u'>') || unsubscribeUrl.contains(u' ')))
        return fail(QStringLiteral("The unsubscribe URL must be an https URL in plain ASCII."));

    QString messageId = sanitizeHeaderValue(message.messageId).remove(u' ');
    if (messageId.isEmpty())
        messageId = newMessageId(from);
    const QDateTime date = message.date.isValid() ? message.date : QDateTime::currentDateTime();
    const QByteArray boundary = "=_lt_" + randomHex(12);

    QByteArray out;
    const QByteArray text = message.text.toUtf8();
    const QByteArray html = message.html.toUtf8();
    // Room for the worst case of both parts (see appendQuotedPrintable), so
    // nothing built so far is ever moved; pages never written cost nothing.
    out.reserve((text.size() + html.size()) * 4 + 4096);
    appendHeader(out, "Date", date.toString(Qt::RFC2822Date).toLatin1());
    appendHeader(out, "From", mailbox(message.from, from));
    if (!replyTo.isEmpty())
        appendHeader(out, "Reply-To", mailbox(message.replyTo, replyTo));
    appendHeader(out, "To", mailbox(message.to, to));
    appendHeader(out, "Subject", encodeWords(sanitizeHeaderValue(message.subject), false));
    appendHeader(out, "Message-ID", '<' + messageId.toLatin1() + '>');
    appendHeader(out, "MIME-Version", "1.0");
    QByteArrayList unsubscribe;
    if (!unsubscribeUrl.isEmpty())
        unsubscribe.append('<' + unsubscribeUrl.toLatin1() + '>');
    if (!unsubscribeMailto.isEmpty())
        unsubscribe.append("<mailto:" + unsubscribeMailto.toLatin1() + "?subject=unsubscribe>");
    if (!unsubscribe.isEmpty())
        appendHeader(out, "List-Unsubscribe", unsubscribe.join(", "));
    if (!unsubscribeUrl.isEmpty())
        appendHeader(out, "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    appendHeader(out, "Content-Type", "multipart/alternative; boundary=\"" + boundary + '"');
    out += "\r\n";
    out += "--" + boundary + "\r\n";
    appendBodyPart(out, "text/plain", text);
    out += "\r\n--" + boundary + "\r\n";
    appendBodyPart(out, "text/html", html);
    out += "\r\n--" + boundary + "--\r\n";
    return out;
}

} // namespace leadtrail
