#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace leadtrail {

/** A row that was not imported: where it starts in the file and why. */
struct SkippedRow
{
    int line = 0; ///< physical line where the record starts (1 = header)
    QString reason;
};

/** What a CSV import did; also filled by a dry run, which writes nothing. */
struct ImportReport
{
    QString encoding;          ///< "UTF-8", "UTF-8 with BOM" or "Windows-1252"
    QChar separator;
    int records = 0;           ///< data records read (blank lines excluded)
    int imported = 0;          ///< new leads
    int updated = 0;           ///< existing leads (same email) updated
    QList<SkippedRow> skipped;
    QStringList columns;       ///< "Header → field" for every column, in file order
    QStringList customColumns; ///< headers kept as custom fields
    QStringList newStages;     ///< stages the file used that the workspace did not have yet
    bool dryRun = false;
};

} // namespace leadtrail
