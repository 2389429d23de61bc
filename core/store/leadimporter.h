#pragma once

#include "store/importreport.h"

#include <QByteArray>
#include <QMap>
#include <QString>

namespace leadtrail {

class Workspace;

/**
 * Imports a CSV file of leads into a workspace in one transaction.
 *
 * Encoding (UTF-8 with or without BOM, else Windows-1252) and separator
 * (comma, semicolon, tab) are detected; headers are mapped to lead fields
 * automatically (LeadFields::fromHeader) or by an explicit column map, and
 * unknown columns become custom fields. A lead whose email already exists is
 * updated: non-empty cells overwrite, empty cells keep what the lead had, tags
 * and custom fields are merged. Rows that cannot be imported are listed in the
 * report with their line number; everything else in the file is kept.
 */
class LeadImporter final
{
public:
    struct Options
    {
        /** Header (case-insensitive) → field name, `custom:<name>` or `ignore`. */
        QMap<QString, QString> columnMap;
        bool dryRun = false;
    };

    explicit LeadImporter(const Workspace &workspace);

    /**
     * Returns false (nothing written) only when the file cannot be read at all:
     * missing, empty, no email column, or a bad column map. Skipped rows are not
     * failures.
     */
    bool importFile(const QString &path, const Options &options, ImportReport *report, QString *error);
    bool importData(const QByteArray &data, const Options &options, ImportReport *report, QString *error);

private:
    const Workspace &m_workspace;
};

} // namespace leadtrail
