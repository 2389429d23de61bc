#include "store/leadimporter.h"

#include "store/csvreader.h"
#include "store/emailaddress.h"
#include "store/leadfields.h"
#include "store/leadrow.h"
#include "store/leadwriter.h"
#include "store/storesupport.h"
#include "store/textdecoder.h"
#include "store/workspace.h"

#include <QFile>
#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {

const QString CustomPrefix = u"custom:"_s;
const QString IgnoreTarget = u"ignore"_s;

/** What one column of the file feeds. */
struct Column
{
    QString header;
    std::optional<LeadField> field; ///< unset: a custom field, or ignored
    QString customName;             ///< empty and no field: ignored
};


/** Maps the header to columns; false with a message for a column map that does not fit the file. */
bool planColumns(const QStringList &header, const QMap<QString, QString> &columnMap, QList<Column> *columns,
                 QString *error)
{
    QHash<QString, QString> explicitMap; // case-folded header → target
    for (auto it = columnMap.cbegin(); it != columnMap.cend(); ++it) {
        const bool known = std::any_of(header.cbegin(), header.cend(), [&](const QString &h) {
            return h.trimmed().compare(it.key().trimmed(), Qt::CaseInsensitive) == 0;
        });
        if (!known) {
            setError(error, u"--map names the column \"%1\", but the file's columns are: %2"_s.arg(
                                it.key(), header.join(u", "_s)));
            return false;
        }
        const QString target = it.value().trimmed();
        if (!LeadFields::fromName(target) && target.compare(IgnoreTarget, Qt::CaseInsensitive) != 0
            && !(target.startsWith(CustomPrefix, Qt::CaseInsensitive) && target.size() > CustomPrefix.size())) {
            setError(error, u"--map %1=%2: unknown field \"%2\"; use one of %3, custom:NAME or ignore"_s.arg(
                                it.key(), target, LeadFields::names().join(u", "_s)));
            return false;
        }
        explicitMap.insert(it.key().trimmed().toCaseFolded(), target);
    }

    QList<LeadField> taken;
    QSet<QString> customNames; // case-folded; a repeated header must not overwrite the first column
    for (qsizetype i = 0; i < header.size(); ++i) {
        Column column;
        column.header = header.at(i).trimmed();
        const QString name = column.header.isEmpty() ? u"Column %1"_s.arg(i + 1) : column.header;
        const auto mapped = explicitMap.constFind(column.header.toCaseFolded());
        if (mapped != explicitMap.cend()) {
            if (mapped->compare(IgnoreTarget, Qt::CaseInsensitive) == 0) {
                // neither field nor custom name: ignored
            } else if (mapped->startsWith(CustomPrefix, Qt::CaseInsensitive)) {
                column.customName = mapped->mid(CustomPrefix.size()).trimmed();
            } else {
                column.field = LeadFields::fromName(*mapped);
            }
        } else if (column.header.startsWith(CustomPrefix, Qt::CaseInsensitive)) {
            // Our export writes custom fields whose name looks like a field this way.
            column.customName = column.header.mid(CustomPrefix.size()).trimmed();
        } else if (const auto guessed = LeadFields::fromHeader(column.header); guessed && !taken.contains(*guessed)) {
            column.field = guessed;
        } else {
            // Unknown, or a second column for a field already filled: keep it, as a custom field.
            column.customName = name;
        }
        if (!column.customName.isEmpty()) {
            const QString base = column.customName;
            for (int n = 2; customNames.contains(column.customName.toCaseFolded()); ++n)
                column.customName = u"%1 (%2)"_s.arg(base).arg(n);
            customNames.insert(column.customName.toCaseFolded());
        }
        if (column.field) {
            if (taken.contains(*column.field)) {
                setError(error, u"two columns are mapped to %1; map one of them elsewhere with --map"_s.arg(
                                    LeadFields::name(*column.field)));
                return false;
            }
            taken.append(*column.field);
        }
        columns->append(column);
    }
    if (!taken.contains(LeadField::Email)) {
        setError(error, u"no email column found among: %1. Name it with --map COLUMN=email."_s.arg(
                            header.join(u", "_s)));
        return false;
    }
    return true;
}

std::optional<bool> parseBool(const QString &text)
{
    static const QStringList yes = {u"1"_s, u"true"_s, u"yes"_s, u"y"_s, u"x"_s};
    static const QStringList no = {u"0"_s, u"false"_s, u"no"_s, u"n"_s};
    if (yes.contains(text, Qt::CaseInsensitive))
        return true;
    if (no.contains(text, Qt::CaseInsensitive))
        return false;
    return std::nullopt;
}

QDateTime parseTime(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid()) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (date.isValid())
            time = date.startOfDay(Qt::UTC);
    }
    if (time.isValid() && time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC); // a time without an offset is taken as UTC, not as this machine's zone
    return time.isValid() ? time.toUTC() : time;
}

/** Applies one non-empty cell to the lead; false with a reason for a value the field cannot take. */
bool applyCell(Lead &lead, LeadField field, const QString &value, QString *fullName, QString *reason)
{
    switch (field) {
    case LeadField::Email:
        lead.email = value;
        break;
    case LeadField::FirstName:
        lead.firstName = value;
        break;
    case LeadField::LastName:
        lead.lastName = value;
        break;
    case LeadField::FullName:
        *fullName = value;
        break;
    case LeadField::Company:
        lead.company = value;
        break;
    case LeadField::Phone:
        lead.phone = value;
        break;
    case LeadField::Category:
        lead.category = value;
        break;
    case LeadField::Stage:
        lead.stage = value;
        break;
    case LeadField::Tags:
        lead.tags = LeadRow::normalizedTags(lead.tags + LeadRow::splitTags(value));
        break;
    case LeadField::Owner:
        lead.owner = value;
        break;
    case LeadField::Score: {
        bool ok = false;
        const int score = value.toInt(&ok);
        if (!ok) {
            *reason = u"invalid score \"%1\" (a whole number)"_s.arg(value);
            return false;
        }
        lead.score = score;
        break;
    }
    case LeadField::Bounced: {
        const auto bounced = parseBool(value);
        if (!bounced) {
            *reason = u"invalid bounced value \"%1\" (yes/no, true/false or 1/0)"_s.arg(value);
            return false;
        }
        lead.bounced = *bounced;
        break;
    }
    case LeadField::UnsubscribedAt: {
        const QDateTime time = parseTime(value);
        if (!time.isValid()) {
            *reason = u"invalid unsubscribed_at \"%1\" (an ISO 8601 date or time)"_s.arg(value);
            return false;
        }
        lead.unsubscribedAt = time;
        break;
    }
    }
    return true;
}

/** Reads up to the first non-blank record, the header; false with a message when there is none. */
bool readHeader(CsvReader &reader, CsvReader::Record *record, QString *error)
{
    while (reader.next(*record)) {
        if (!record->isBlank())
            return true;
    }
    setError(error, u"The file is empty: no header line found."_s);
    return false;
}

/** A planned column in the `columnMap` syntax. */
QString targetOf(const Column &column)
{
    if (column.field)
        return LeadFields::name(*column.field);
    if (!column.customName.isEmpty())
        return CustomPrefix + column.customName;
    return IgnoreTarget;
}

} // namespace

bool LeadImporter::preview(const QByteArray &data, const QMap<QString, QString> &columnMap, int maxRows,
                           ImportPreview *preview, QString *error)
{
    *preview = ImportPreview{};
    const TextDecoder::Result decoded = TextDecoder::decode(data);
    preview->encoding = TextDecoder::encodingName(decoded.encoding);
    preview->separator = CsvReader::detectSeparator(decoded.text);
    CsvReader reader(decoded.text, preview->separator);
    CsvReader::Record record;
    if (!readHeader(reader, &record, error))
        return false;
    preview->header = record.fields;
    QList<Column> columns;
    // A mapping that does not fit still plans every column before it says why.
    if (!planColumns(preview->header, columnMap, &columns, &preview->problem))
        columns.clear();
    if (columns.isEmpty())
        planColumns(preview->header, {}, &columns, nullptr);
    for (const Column &column : std::as_const(columns))
        preview->targets.append(targetOf(column));
    while (preview->rows.size() < maxRows && reader.next(record)) {
        if (!record.isBlank())
            preview->rows.append(record.fields);
    }
    return true;
}

LeadImporter::LeadImporter(const Workspace &workspace)
    : m_workspace(workspace)
{
}

bool LeadImporter::importFile(const QString &path, const Options &options, ImportReport *report, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setError(error, u"Cannot read %1: %2"_s.arg(path, file.errorString()));
        return false;
    }
    return importData(file.readAll(), options, report, error);
}

bool LeadImporter::importData(const QByteArray &data, const Options &options, ImportReport *report, QString *error)
{
    ImportReport local;
    ImportReport &out = report ? *report : local;
    out = ImportReport{};
    out.dryRun = options.dryRun;

    const TextDecoder::Result decoded = TextDecoder::decode(data);
    out.encoding = TextDecoder::encodingName(decoded.encoding);
    out.separator = CsvReader::detectSeparator(decoded.text);
    CsvReader reader(decoded.text, out.separator);

    CsvReader::Record record;
    if (!readHeader(reader, &record, error))
        return false;
    const QStringList header = record.fields;
    const int lines = int(qMin<qsizetype>(data.count('\n') + 1, INT_MAX));
    QList<Column> columns;
    if (!planColumns(header, options.columnMap, &columns, error))
        return false;
    bool hasFirstOrLast = false;
    for (const Column &column : std::as_const(columns)) {
        if (column.field)
            out.columns.append(u"%1 → %2"_s.arg(column.header, LeadFields::name(*column.field)));
        else if (!column.customName.isEmpty())
            out.columns.append(u"%1 → custom field \"%2\""_s.arg(column.header, column.customName));
        else
            out.columns.append(u"%1 → ignored"_s.arg(column.header));
        if (!column.field && !column.customName.isEmpty())
            out.customColumns.append(column.customName);
        hasFirstOrLast = hasFirstOrLast || column.field == LeadField::FirstName || column.field == LeadField::LastName;
    }
    qsizetype emailColumn = 0;
    while (columns.at(emailColumn).field != LeadField::Email)
        ++emailColumn;

    QSqlDatabase db = m_workspace.database();
    {
        // A bulk import touches the whole email index; a 32 MiB page cache (the
        // default is 2 MiB) keeps it in memory instead of re-reading pages.
        QSqlQuery pragma(db);
        pragma.exec(u"PRAGMA cache_size = -32768"_s);
    }
    if (!db.transaction()) {
        setError(error, u"Cannot start the import transaction: %1"_s.arg(db.lastError().text()));
        return false;
    }
    LeadWriter writer(db);
    QHash<QString, int> firstLineOfEmail;
    const auto skip = [&out](int line, const QString &reason) { out.skipped.append(SkippedRow{line, reason}); };

    while (reader.next(record)) {
        if (record.isBlank())
            continue;
        ++out.records;
        if (options.progress && out.records % 500 == 0 && !options.progress(record.line, lines)) {
            db.rollback();
            setError(error, u"The import was cancelled; nothing was saved."_s);
            return false;
        }
        if (record.unterminatedQuote) {
            skip(record.line, u"a quoted field opened on this line is never closed"_s);
            continue;
        }
        if (record.fields.size() > columns.size()) {
            const bool extraText = std::any_of(record.fields.cbegin() + columns.size(), record.fields.cend(),
                                               [](const QString &f) { return !f.trimmed().isEmpty(); });
            if (extraText) {
                skip(record.line, u"%1 fields, but the header has %2 (an unquoted separator in a value?)"_s.arg(
                                      record.fields.size())
                                      .arg(columns.size()));
                continue;
            }
        }
        const QString email = EmailAddress::normalized(record.fields.value(emailColumn));
        if (email.isEmpty()) {
            skip(record.line, u"missing email"_s);
            continue;
        }
        if (!EmailAddress::isValid(email)) {
            skip(record.line, u"invalid email \"%1\""_s.arg(email));
            continue;
        }
        const QString key = EmailAddress::key(email);
        if (const auto seen = firstLineOfEmail.constFind(key); seen != firstLineOfEmail.cend()) {
            skip(record.line, u"duplicate of line %1 (same email %2)"_s.arg(*seen).arg(email));
            continue;
        }
        firstLineOfEmail.insert(key, record.line);

        QString dbError;
        std::optional<Lead> existing = writer.findByEmail(email, &dbError);
        if (!existing && !dbError.isEmpty()) {
            db.rollback();
            setError(error, u"Import stopped at line %1 and nothing was saved: %2"_s.arg(record.line).arg(dbError));
            return false;
        }
        Lead lead = existing.value_or(Lead{});
        QString fullName;
        QString reason;
        bool ok = true;
        for (qsizetype i = 0; ok && i < columns.size(); ++i) {
            const QString value = record.fields.value(i).trimmed();
            if (value.isEmpty())
                continue; // an empty cell never erases what the lead already has
            const Column &column = columns.at(i);
            if (column.field)
                ok = applyCell(lead, *column.field, value, &fullName, &reason);
            else if (!column.customName.isEmpty())
                lead.customFields.insert(column.customName, value);
        }
        if (!ok) {
            skip(record.line, reason);
            continue;
        }
        if (!fullName.isEmpty() && (!hasFirstOrLast || (lead.firstName.isEmpty() && lead.lastName.isEmpty()))) {
            const qsizetype space = fullName.lastIndexOf(u' ');
            lead.firstName = space < 0 ? fullName : fullName.left(space).trimmed();
            lead.lastName = space < 0 ? QString() : fullName.mid(space + 1);
        }
        if (existing)
            lead.email = existing->email; // keep the address as first written; only the key matched

        QString newStage;
        if (!writer.normalize(lead, LeadWriter::StagePolicy::AddUnknown, &reason, &newStage)) {
            skip(record.line, reason);
            continue;
        }
        if (!newStage.isEmpty())
            out.newStages.append(newStage);
        const bool saved = existing ? writer.update(lead, &dbError) : writer.insert(lead, &dbError);
        if (!saved) {
            db.rollback();
            setError(error, u"Import stopped at line %1 and nothing was saved: %2"_s.arg(record.line).arg(dbError));
            return false;
        }
        ++(existing ? out.updated : out.imported);
    }

    const bool finished = options.dryRun ? db.rollback() : db.commit();
    if (!finished) {
        const QString text = db.lastError().text();
        db.rollback();
        setError(error, u"Could not save the import: %1"_s.arg(text));
        return false;
    }
    return true;
}

} // namespace leadtrail
