#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace leadtrail {

/** The lead fields a CSV column can fill. */
enum class LeadField {
    Email,
    FirstName,
    LastName,
    FullName, ///< split into first and last name when the file has no separate columns
    Company,
    Phone,
    Category,
    Stage,
    Tags,
    Owner,
    Score,
    Bounced,
    UnsubscribedAt,
};

/**
 * Names of lead fields as CSV headers and `--map` targets, and the automatic
 * mapping of the header names that real exports use ("E-mail",
 * "Email Address", "Company Name", HubSpot's "Lifecycle Stage", ...).
 */
class LeadFields final
{
public:
    /** The canonical name (`first_name`), also the header our export writes. */
    static QString name(LeadField field);
    /** Parses a canonical name (case-insensitive). */
    static std::optional<LeadField> fromName(const QString &name);
    /** Guesses the field a header stands for; nullopt means "keep as a custom field". */
    static std::optional<LeadField> fromHeader(const QString &header);
    /** Every canonical name, for help texts and error messages. */
    static QStringList names();
    /** The fields our export writes, in order (no FullName). */
    static QList<LeadField> exportFields();
};

} // namespace leadtrail
