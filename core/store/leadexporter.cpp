#include "store/leadexporter.h"

#include "store/csvwriter.h"
#include "store/leadfields.h"
#include "store/leadrow.h"
#include "store/leadstore.h"
#include "store/workspace.h"

#include <QSaveFile>
#include <QSet>

#include <functional>

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {

constexpr int PageSize = 2000;

/** Pages through every lead matching the filter by key, never holding more than one page. */
void forEachLead(const LeadStore &store, const LeadFilter &filter, const std::function<void(const Lead &)> &visit)
{
    LeadQuery query;
    query.filter = filter;
    query.limit = PageSize;
    while (true) {
        const LeadPage page = store.page(query);
        for (const Lead &lead : page.leads)
            visit(lead);
        if (!page.next)
            break;
        query.after = page.next;
    }
}

QString cell(const Lead &lead, LeadField field)
{
    switch (field) {
    case LeadField::Email:
        return lead.email;
    case LeadField::FirstName:
        return lead.firstName;
    case LeadField::LastName:
        return lead.lastName;
    case LeadField::FullName:
        return lead.displayName();
    case LeadField::Company:
        return lead.company;
    case LeadField::Phone:
        return lead.phone;
    case LeadField::Category:
        return lead.category;
    case LeadField::Stage:
        return lead.stage;
    case LeadField::Tags:
        return LeadRow::joinTags(lead.tags);
    case LeadField::Owner:
        return lead.owner;
    case LeadField::Score:
        return QString::number(lead.score);
    case LeadField::Bounced:
        return lead.bounced ? u"yes"_s : u"no"_s;
    case LeadField::UnsubscribedAt:
        return lead.unsubscribedAt.isValid() ? lead.unsubscribedAt.toUTC().toString(Qt::ISODateWithMs) : QString();
    }
    return QString();
}

} // namespace

LeadExporter::LeadExporter(const Workspace &workspace)
    : m_workspace(workspace)
{
}

qint64 LeadExporter::exportToFile(const QString &path, const LeadFilter &filter, QString *error)
{
    // QSaveFile: a failed export never leaves half a file where a good one was.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = u"Cannot write %1: %2"_s.arg(path, file.errorString());
        return -1;
    }
    const qint64 count = exportToDevice(file, filter, error);
    if (count < 0)
        return -1;
    if (!file.commit()) {
        if (error)
            *error = u"Cannot write %1: %2"_s.arg(path, file.errorString());
        return -1;
    }
    return count;
}

qint64 LeadExporter::exportToDevice(QIODevice &device, const LeadFilter &filter, QString *error)
{
    const LeadStore store(m_workspace);

    // First pass: the custom fields in use, so each becomes one column.
    QSet<QString> customNames;
    forEachLead(store, filter, [&customNames](const Lead &lead) {
        for (auto it = lead.customFields.cbegin(); it != lead.customFields.cend(); ++it)
            customNames.insert(it.key());
    });
    QStringList customColumns(customNames.cbegin(), customNames.cend());
    customColumns.sort(Qt::CaseInsensitive);

    const QList<LeadField> fields = LeadFields::exportFields();
    QStringList header;
    for (LeadField field : fields)
        header.append(LeadFields::name(field));
    for (const QString &name : std::as_const(customColumns)) {
        // A custom field named like a lead field ("Status") would be read back
        // as that field; the prefix keeps it custom.
        const bool ambiguous = LeadFields::fromHeader(name).has_value() || name.startsWith(u"custom:"_s, Qt::CaseInsensitive);
        header.append(ambiguous ? u"custom:"_s + name : name);
    }

    CsvWriter writer(device);
    writer.writeRecord(header);
    qint64 count = 0;
    forEachLead(store, filter, [&](const Lead &lead) {
        QStringList row;
        row.reserve(header.size());
        for (LeadField field : fields)
            row.append(cell(lead, field));
        for (const QString &name : std::as_const(customColumns))
            row.append(lead.customFields.value(name));
        writer.writeRecord(row);
        ++count;
    });
    if (!writer.flush()) {
        if (error)
            *error = u"Writing the export failed: %1"_s.arg(device.errorString());
        return -1;
    }
    return count;
}

} // namespace leadtrail
