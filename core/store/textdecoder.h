#pragma once

#include <QByteArray>
#include <QString>

namespace leadtrail {

/**
 * Turns the bytes of a file that came from "somewhere" (Excel, a CRM export)
 * into text: UTF-8 with or without a BOM when the bytes are valid UTF-8, and
 * Windows-1252 otherwise (what Excel on Windows writes for "CSV"). Qt 6 has no
 * Windows-1252 codec without ICU, hence our own table.
 */
class TextDecoder final
{
public:
    enum class Encoding {
        Utf8,
        Utf8WithBom,
        Windows1252,
    };

    struct Result
    {
        QString text;
        Encoding encoding = Encoding::Utf8;
    };

    static Result decode(const QByteArray &bytes);
    static QString decodeWindows1252(const QByteArray &bytes);
    static QString encodingName(Encoding encoding);
};

} // namespace leadtrail
