#pragma once

#include "store/importpreview.h"
#include "store/importreport.h"

#include <QByteArray>
#include <QMap>
#include <QString>

#include <functional>

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
        /**
         * Called every few hundred records with the physical line reached and
         * the file's line count; returning false stops the import, which then
         * saves nothing and fails with "cancelled". May be called from a worker thread.
         */
        std::function<bool(int line, int lines)> progress;
    };

    explicit LeadImporter(const Workspace &workspace);

    /**
     * Returns false (nothing written) only when the file cannot be read at all:
     * missing, empty, no email column, or a bad column map. Skipped rows are not
     * failures.
     */
    bool importFile(const QString &path, const Options &options, ImportReport *report, QString *error);
    bool importData(const QByteArray &data, const Options &options, ImportReport *report, QString *error);

    /**
     * Reads the header and the first `maxRows` records with the same detection
     * and column mapping an import would use, writing nothing. Returns false
     * only when the file has no header at all; a mapping that cannot be
     * imported is reported in `problem`.
     */
    static bool preview(const QByteArray &data, const QMap<QString, QString> &columnMap, int maxRows,
                        ImportPreview *preview, QString *error);

private:
    const Workspace &m_workspace;
};

} // namespace leadtrail
