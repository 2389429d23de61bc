#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QStringList>

namespace leadtrail {

/**
 * Writes RFC 4180 CSV in UTF-8 with CRLF line ends: a field is quoted when it
 * holds the separator, a quote, a line break or leading/trailing spaces.
 * Output is buffered and written in blocks.
 */
class CsvWriter final
{
    Q_DISABLE_COPY_MOVE(CsvWriter)

public:
    explicit CsvWriter(QIODevice &device, QChar separator = u',');
    ~CsvWriter();

    void writeRecord(const QStringList &fields);
    /** Writes what is buffered; false when the device refused some of it. */
    bool flush();

    static QString quoted(const QString &field, QChar separator = u',');

private:
    QIODevice &m_device;
    QChar m_separator;
    QByteArray m_buffer;
    bool m_ok = true;
};

} // namespace leadtrail
