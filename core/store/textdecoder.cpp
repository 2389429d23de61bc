#include "store/textdecoder.h"

#include <QStringDecoder>

#include <array>

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {

// 0x80–0x9F, where Windows-1252 differs from ISO-8859-1. The five bytes
// Windows leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1
// control of the same value, as the WHATWG encoding standard and Windows' own
// MultiByteToWideChar do, so no byte is ever lost.
constexpr std::array<char16_t, 32> Windows1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, // 80–87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F, // 88–8F
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, // 90–97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178, // 98–9F
};

} // namespace

QString TextDecoder::decodeWindows1252(const QByteArray &bytes)
{
    QString text(bytes.size(), Qt::Uninitialized);
    QChar *out = text.data();
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        *out++ = (byte >= 0x80 && byte <= 0x9F) ? QChar(Windows1252High[byte - 0x80]) : QChar(char16_t(byte));
    }
    return text;
}

TextDecoder::Result TextDecoder::decode(const QByteArray &bytes)
{
    static const QByteArray bom("\xEF\xBB\xBF");
    Result result;
    const bool hasBom = bytes.startsWith(bom);
    const QByteArrayView body = hasBom ? QByteArrayView(bytes).sliced(bom.size()) : QByteArrayView(bytes);

    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(body);
    if (!utf8.hasError()) {
        result.text = std::move(text);
        result.encoding = hasBom ? Encoding::Utf8WithBom : Encoding::Utf8;
        return result;
    }
    // Invalid UTF-8: the file was written in the Windows ANSI code page.
    result.text = decodeWindows1252(bytes);
    result.encoding = Encoding::Windows1252;
    return result;
}

QString TextDecoder::encodingName(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8:
        return u"UTF-8"_s;
    case Encoding::Utf8WithBom:
        return u"UTF-8 with BOM"_s;
    case Encoding::Windows1252:
        return u"Windows-1252"_s;
    }
    return QString();
}

} // namespace leadtrail
