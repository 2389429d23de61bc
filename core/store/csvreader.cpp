#include "store/csvreader.h"

#include <QList>

#include <array>

using namespace Qt::StringLiterals;

namespace leadtrail {

bool CsvReader::Record::isBlank() const
{
    for (const QString &field : fields) {
        if (!field.trimmed().isEmpty())
            return false;
    }
    return true;
}

CsvReader::CsvReader(QStringView text, QChar separator)
    : m_text(text)
    , m_separator(separator)
{
}

QChar CsvReader::detectSeparator(QStringView text)
{
    constexpr std::array<char16_t, 3> candidates = {u',', u';', u'\t'};
    constexpr int SampleLines = 6;

    // Count each candidate outside quotes, per line, on the first lines.
    QList<std::array<int, 3>> perLine;
    std::array<int, 3> counts{};
    bool quoted = false;
    for (qsizetype i = 0; i < text.size() && perLine.size() < SampleLines; ++i) {
        const QChar c = text[i];
        if (c == u'"') {
            quoted = !quoted;
        } else if (!quoted && (c == u'\n' || c == u'\r')) {
            if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n')
                ++i;
            perLine.append(counts);
            counts = {};
        } else if (!quoted) {
            for (size_t k = 0; k < candidates.size(); ++k) {
                if (c == QChar(candidates[k]))
                    ++counts[k];
            }
        }
    }
    if (perLine.size() < SampleLines && counts != std::array<int, 3>{})
        perLine.append(counts);
    if (perLine.isEmpty())
        return u',';

    // A separator that appears the same number of times on every sampled line
    // beats one that merely appears often (a comma inside "Smith, Jane" on a
    // semicolon file); among equals, the header's count decides.
    int best = 0;
    long bestScore = -1;
    for (size_t k = 0; k < candidates.size(); ++k) {
        const int header = perLine.first()[k];
        if (header == 0)
            continue;
        bool consistent = true;
        for (const auto &line : perLine)
            consistent = consistent && line[k] == header;
        const long score = (consistent ? 1000000L : 0L) + header;
        if (score > bestScore) {
            bestScore = score;
            best = int(k);
        }
    }
    return QChar(candidates[size_t(best)]);
}

bool CsvReader::next(Record &record)
{
    record.fields.clear();
    record.unterminatedQuote = false;
    record.line = m_line;
    const qsizetype size = m_text.size();
    if (m_pos >= size)
        return false;

    QString field;
    while (true) {
        if (m_pos < size && m_text[m_pos] == u'"') {
            // Quoted field: "" is a quote; line breaks inside belong to the field.
            ++m_pos;
            bool closed = false;
            while (m_pos < size) {
                const QChar c = m_text[m_pos];
                if (c == u'"') {
                    if (m_pos + 1 < size && m_text[m_pos + 1] == u'"') {
                        field += u'"';
                        m_pos += 2;
                        continue;
                    }
                    ++m_pos;
                    closed = true;
                    break;
                }
                if (c == u'\r' || c == u'\n') {
                    ++m_line;
                    if (c == u'\r' && m_pos + 1 < size && m_text[m_pos + 1] == u'\n') {
                        field += u"\r\n"_s;
                        m_pos += 2;
                        continue;
                    }
                }
                field += c;
                ++m_pos;
            }
            if (!closed) {
                record.unterminatedQuote = true;
                record.fields.append(field);
                return true;
            }
        }
        // Unquoted text, or what follows a closing quote up to the separator.
        const qsizetype start = m_pos;
        while (m_pos < size) {
            const QChar c = m_text[m_pos];
            if (c == m_separator || c == u'\r' || c == u'\n')
                break;
            ++m_pos;
        }
        field += m_text.mid(start, m_pos - start);
        record.fields.append(field);
        field.clear();

        if (m_pos >= size)
            return true;
        const QChar c = m_text[m_pos++];
        if (c == m_separator)
            continue;
        if (c == u'\r' && m_pos < size && m_text[m_pos] == u'\n')
            ++m_pos;
        ++m_line;
        return true;
    }
}

} // namespace leadtrail
