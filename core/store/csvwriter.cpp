#include "store/csvwriter.h"

using namespace Qt::StringLiterals;

namespace leadtrail {

CsvWriter::CsvWriter(QIODevice &device, QChar separator)
    : m_device(device)
    , m_separator(separator)
{
}

CsvWriter::~CsvWriter()
{
    flush();
}

QString CsvWriter::quoted(const QString &field, QChar separator)
{
    const bool needsQuotes = field.contains(separator) || field.contains(u'"') || field.contains(u'\n')
        || field.contains(u'\r') || (!field.isEmpty() && (field.front().isSpace() || field.back().isSpace()));
    if (!needsQuotes)
        return field;
    QString escaped = field;
    escaped.replace(u'"', u"\"\""_s);
    return u'"' + escaped + u'"';
}

void CsvWriter::writeRecord(const QStringList &fields)
{
    QString line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += m_separator;
        line += quoted(fields.at(i), m_separator);
    }
    line += u"\r\n"_s;
    m_buffer += line.toUtf8();
    if (m_buffer.size() > 1 << 16)
        flush();
}

bool CsvWriter::flush()
{
    if (!m_buffer.isEmpty()) {
        m_ok = m_device.write(m_buffer) == m_buffer.size() && m_ok;
        m_buffer.clear();
    }
    return m_ok;
}

} // namespace leadtrail
