#pragma once

#include "store/leadquery.h"

#include <QIODevice>
#include <QString>

namespace leadtrail {

class Workspace;

/**
 * Writes leads (all, or those matching a filter) as RFC 4180 CSV in UTF-8,
 * with the canonical field names as headers and one column per custom field,
 * so that LeadImporter reads the file back to the same data.
 */
class LeadExporter final
{
public:
    explicit LeadExporter(const Workspace &workspace);

    /** Returns the number of leads written, or -1 with a message in `error`. */
    qint64 exportToFile(const QString &path, const LeadFilter &filter, QString *error);
    qint64 exportToDevice(QIODevice &device, const LeadFilter &filter, QString *error);

private:
    const Workspace &m_workspace;
};

} // namespace leadtrail
