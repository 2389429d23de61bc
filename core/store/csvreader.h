#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace leadtrail {

/**
 * Reads CSV records from decoded text: RFC 4180 plus what real files do —
 * LF, CRLF or CR line ends, a quote inside an unquoted field kept as is,
 * text after a closing quote kept, a missing final line end. Records are read
 * one at a time, each with the physical line it starts on (quoted line breaks
 * counted), so a 100,000-row file never exists as a list of rows.
 */
class CsvReader final
{
public:
    struct Record
    {
        QStringList fields;
        int line = 0;                   ///< 1-based physical line where the record starts
        bool unterminatedQuote = false; ///< the file ended inside a quoted field

        /** A line with nothing on it (or only separators' worth of nothing). */
        bool isBlank() const;
    };

    /** `text` must outlive the reader. */
    CsvReader(QStringView text, QChar separator);

    /** Comma, semicolon or tab: the one that splits the first lines most consistently. */
    static QChar detectSeparator(QStringView text);

    /** The next record; false at the end of the text. */
    bool next(Record &record);

private:
    QStringView m_text;
    QChar m_separator;
    qsizetype m_pos = 0;
    int m_line = 1;
};

} // namespace leadtrail
