#pragma once

#include <QChar>
#include <QList>
#include <QString>
#include <QStringList>

namespace leadtrail {

/**
 * What an import would see in a file before anything is written: the detected
 * encoding and separator, the header, the first records, and where each column
 * would go. Lets an import dialog show the file and let the user change the
 * mapping; LeadImporter fills it with the same detection and mapping it uses.
 */
struct ImportPreview
{
    QString encoding;     ///< "UTF-8", "UTF-8 with BOM" or "Windows-1252"
    QChar separator;
    QStringList header;   ///< the header cells as written
    QList<QStringList> rows; ///< the first data records (blank lines skipped)
    /** Per column: a field name (`email`), `custom:<name>` or `ignore`; the `columnMap` syntax. */
    QStringList targets;
    /** Why the file cannot be imported with this mapping (no email column, a field twice); empty when it can. */
    QString problem;
};

} // namespace leadtrail
