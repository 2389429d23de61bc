#include "command.h"
#include "commandcontext.h"
#include "commandregistry.h"

#include "store/leadexporter.h"
#include "store/leadfields.h"
#include "store/leadimporter.h"
#include "store/leadstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace leadtrail::cli {

namespace {

QJsonObject toJson(const Lead &lead)
{
    QJsonObject custom;
    for (auto it = lead.customFields.cbegin(); it != lead.customFields.cend(); ++it)
        custom.insert(it.key(), it.value());
    return QJsonObject{
        {u"id"_s, lead.id},
        {u"email"_s, lead.email},
        {u"first_name"_s, lead.firstName},
        {u"last_name"_s, lead.lastName},
        {u"company"_s, lead.company},
        {u"phone"_s, lead.phone},
        {u"category"_s, lead.category},
        {u"stage"_s, lead.stage},
        {u"tags"_s, QJsonArray::fromStringList(lead.tags)},
        {u"owner"_s, lead.owner},
        {u"custom_fields"_s, custom},
        {u"score"_s, lead.score},
        {u"bounced"_s, lead.bounced},
        {u"unsubscribed_at"_s, lead.unsubscribedAt.isValid() ? QJsonValue(lead.unsubscribedAt.toString(Qt::ISODateWithMs))
                                                             : QJsonValue()},
        {u"created_at"_s, lead.createdAt.toString(Qt::ISODateWithMs)},
        {u"updated_at"_s, lead.updatedAt.toString(Qt::ISODateWithMs)},
    };
}

/** The filter options `list` and `export` share. */
struct FilterOptions
{
    QCommandLineOption search{u"search"_s, u"only leads whose name, email or company contains TEXT"_s, u"TEXT"_s};
    QCommandLineOption category{u"category"_s, u"only leads of this category"_s, u"CATEGORY"_s};
    QCommandLineOption stage{u"stage"_s, u"only leads in this stage"_s, u"STAGE"_s};
    QCommandLineOption tag{u"tag"_s, u"only leads with this tag"_s, u"TAG"_s};

    void addTo(QCommandLineParser &parser) const { parser.addOptions({search, category, stage, tag}); }
    LeadFilter filter(const QCommandLineParser &parser) const
    {
        return LeadFilter{parser.value(search), parser.value(category), parser.value(stage), parser.value(tag)};
    }
};

/** `leads import|list|add|export`: the lead store from the command line. */
class LeadsCommand final : public Command
{
public:
    QString name() const override { return u"leads"_s; }
    QString summary() const override { return u"import, list, add and export leads"_s; }

    int run(CommandContext &context, const QStringList &args) override
    {
        const QString action = args.value(0);
        const QStringList rest = args.mid(1);
        if (action == u"import"_s)
            return importLeads(context, rest);
        if (action == u"list"_s)
            return listLeads(context, rest);
        if (action == u"add"_s)
            return addLead(context, rest);
        if (action == u"export"_s)
            return exportLeads(context, rest);
        const QString help = u"Usage: leadtrail-cli leads ACTION [OPTIONS]\n\n"
                             "Actions:\n"
                             "  import FILE [--map COLUMN=FIELD ...] [--dry-run]  import a CSV file\n"
                             "  list [--json] [--category C] [--stage S] [--tag T] [--search TEXT]\n"
                             "  add --email ADDRESS [--first-name ...] ...        add one lead\n"
                             "  export FILE [--category C] [--stage S] [--tag T]  write leads as CSV\n\n"
                             "Run 'leadtrail-cli leads ACTION --help' for an action's options.\n"_s;
        if (action.isEmpty() || action == u"--help"_s || action == u"-h"_s || action == u"help"_s) {
            (action.isEmpty() ? context.err() : context.out()) << help;
            return action.isEmpty() ? int(CommandContext::Usage) : int(CommandContext::Success);
        }
        return context.fail(u"unknown action \"leads %1\"\n\n%2"_s.arg(action, help), CommandContext::Usage);
    }

private:
    int importLeads(CommandContext &context, const QStringList &args)
    {
        QCommandLineParser parser;
        parser.setApplicationDescription(
            u"Imports leads from a CSV file (UTF-8 with or without BOM, or Windows-1252; comma, semicolon or "
            "tab separated). Columns are matched to fields by their header; --map names the rest. Unknown "
            "columns become custom fields. A lead whose email exists is updated. Rows that cannot be "
            "imported are listed with their line number.\n\nFields: %1"_s.arg(LeadFields::names().join(u", "_s)));
        parser.addPositionalArgument(u"file"_s, u"the CSV file"_s);
        const QCommandLineOption map(u"map"_s,
                                     u"read column COLUMN as FIELD (a field name, custom:NAME, or ignore); repeatable"_s,
                                     u"COLUMN=FIELD"_s);
        const QCommandLineOption dryRun(u"dry-run"_s, u"check the file and report, but save nothing"_s);
        parser.addOptions({map, dryRun});
        if (const int code = context.parse(parser, u"leads import"_s, args); code >= 0)
            return code;
        if (parser.positionalArguments().size() != 1)
            return context.fail(u"leads import needs exactly one FILE"_s, CommandContext::Usage);

        LeadImporter::Options options;
        options.dryRun = parser.isSet(dryRun);
        for (const QString &entry : parser.values(map)) {
            const qsizetype eq = entry.lastIndexOf(u'=');
            if (eq <= 0 || eq == entry.size() - 1)
                return context.fail(u"--map %1: expected COLUMN=FIELD"_s.arg(entry), CommandContext::Usage);
            options.columnMap.insert(entry.left(eq), entry.mid(eq + 1));
        }

        const auto workspace = context.openWorkspace(Workspace::OpenMode::OpenExisting);
        if (!workspace)
            return CommandContext::Failure;
        const QString file = parser.positionalArguments().constFirst();
        ImportReport report;
        QString error;
        if (!LeadImporter(*workspace).importFile(file, options, &report, &error))
            return context.fail(u"%1: %2"_s.arg(file, error));

        QTextStream &out = context.out();
        const QString separator = report.separator == u'\t' ? u"tab"_s : u"'%1'"_s.arg(report.separator);
        out << "Read " << file << ": " << report.encoding << ", separator " << separator << ", "
            << report.records << " records\n";
        out << "Columns:\n";
        for (const QString &column : std::as_const(report.columns))
            out << "  " << column << '\n';
        out << (report.dryRun ? "Would import: " : "Imported: ") << report.imported << " new, " << report.updated
            << " updated, " << report.skipped.size() << " skipped\n";
        if (!report.newStages.isEmpty())
            out << "New stages added: " << report.newStages.join(u", "_s) << '\n';
        if (!report.skipped.isEmpty()) {
            out << "Skipped rows:\n";
            for (const SkippedRow &row : std::as_const(report.skipped))
                out << "  line " << row.line << ": " << row.reason << '\n';
        }
        if (report.dryRun)
            out << "Dry run: nothing was saved.\n";
        return CommandContext::Success;
    }

    int listLeads(CommandContext &context, const QStringList &args)
    {
        QCommandLineParser parser;
        parser.setApplicationDescription(u"Lists leads, tab-separated with a header line, or as JSON."_s);
        const QCommandLineOption json(u"json"_s, u"print a JSON array of lead objects"_s);
        const QCommandLineOption limit(u"limit"_s, u"print at most N leads"_s, u"N"_s);
        const FilterOptions filterOptions;
        parser.addOptions({json, limit});
        filterOptions.addTo(parser);
        if (const int code = context.parse(parser, u"leads list"_s, args); code >= 0)
            return code;
        if (!parser.positionalArguments().isEmpty())
            return context.fail(u"leads list takes no arguments"_s, CommandContext::Usage);
        bool limitOk = true;
        const qint64 maxRows = parser.isSet(limit) ? parser.value(limit).toLongLong(&limitOk) : -1;
        if (!limitOk || (parser.isSet(limit) && maxRows < 0))
            return context.fail(u"--limit needs a number"_s, CommandContext::Usage);

        const auto workspace = context.openWorkspace(Workspace::OpenMode::OpenExisting);
        if (!workspace)
            return CommandContext::Failure;
        const LeadStore store(*workspace);
        LeadQuery query;
        query.filter = filterOptions.filter(parser);
        query.limit = 1000;
        QTextStream &out = context.out();
        const bool asJson = parser.isSet(json);
        out << (asJson ? "[" : "id\temail\tfirst_name\tlast_name\tcompany\tcategory\tstage\ttags\n");
        qint64 printed = 0;
        // Page by key so that a 100,000-lead workspace streams instead of loading at once.
        while (maxRows < 0 || printed < maxRows) {
            const LeadPage page = store.page(query);
            for (const Lead &lead : page.leads) {
                if (maxRows >= 0 && printed >= maxRows)
                    break;
                if (asJson) {
                    out << (printed ? ",\n " : "\n ")
                        << QString::fromUtf8(QJsonDocument(toJson(lead)).toJson(QJsonDocument::Compact));
                } else {
                    QStringList cells = {QString::number(lead.id), lead.email, lead.firstName, lead.lastName,
                                         lead.company, lead.category, lead.stage, lead.tags.join(u", "_s)};
                    for (QString &cell : cells)
                        cell.replace(u'\t', u' ').replace(u'\n', u' ').replace(u'\r', u' ');
                    out << cells.join(u'\t') << '\n';
                }
                ++printed;
            }
            if (!page.next)
                break;
            query.after = page.next;
        }
        if (asJson)
            out << (printed ? "\n]\n" : "]\n");
        return CommandContext::Success;
    }

    int addLead(CommandContext &context, const QStringList &args)
    {
        QCommandLineParser parser;
        parser.setApplicationDescription(u"Adds one lead. The email must be valid and not in use yet."_s);
        const QCommandLineOption email(u"email"_s, u"the lead's email address (required)"_s, u"ADDRESS"_s);
        const QCommandLineOption firstName(u"first-name"_s, u"first name"_s, u"NAME"_s);
        const QCommandLineOption lastName(u"last-name"_s, u"last name"_s, u"NAME"_s);
        const QCommandLineOption company(u"company"_s, u"company"_s, u"COMPANY"_s);
        const QCommandLineOption phone(u"phone"_s, u"phone number"_s, u"PHONE"_s);
        const QCommandLineOption category(u"category"_s, u"category, e.g. buyer, seller, landlord"_s, u"CATEGORY"_s);
        const QCommandLineOption stage(u"stage"_s, u"one of the workspace's stages (default: the first)"_s, u"STAGE"_s);
        const QCommandLineOption tag(u"tag"_s, u"a tag; repeatable"_s, u"TAG"_s);
        const QCommandLineOption owner(u"owner"_s, u"who owns the lead"_s, u"OWNER"_s);
        const QCommandLineOption field(u"field"_s, u"a custom field; repeatable"_s, u"NAME=VALUE"_s);
        parser.addOptions({email, firstName, lastName, company, phone, category, stage, tag, owner, field});
        if (const int code = context.parse(parser, u"leads add"_s, args); code >= 0)
            return code;
        if (!parser.positionalArguments().isEmpty())
            return context.fail(u"leads add takes options only (see --help)"_s, CommandContext::Usage);
        if (!parser.isSet(email))
            return context.fail(u"leads add needs --email"_s, CommandContext::Usage);

        Lead lead;
        lead.email = parser.value(email);
        lead.firstName = parser.value(firstName);
        lead.lastName = parser.value(lastName);
        lead.company = parser.value(company);
        lead.phone = parser.value(phone);
        lead.category = parser.value(category);
        lead.stage = parser.value(stage);
        lead.tags = parser.values(tag);
        lead.owner = parser.value(owner);
        for (const QString &entry : parser.values(field)) {
            const qsizetype eq = entry.indexOf(u'=');
            if (eq <= 0)
                return context.fail(u"--field %1: expected NAME=VALUE"_s.arg(entry), CommandContext::Usage);
            lead.customFields.insert(entry.left(eq), entry.mid(eq + 1));
        }

        const auto workspace = context.openWorkspace(Workspace::OpenMode::OpenExisting);
        if (!workspace)
            return CommandContext::Failure;
        LeadStore store(*workspace);
        QString error;
        if (!store.add(lead, &error))
            return context.fail(u"cannot add the lead: %1"_s.arg(error));
        context.out() << "Added lead " << lead.id << ": " << lead.email << '\n';
        return CommandContext::Success;
    }

    int exportLeads(CommandContext &context, const QStringList &args)
    {
        QCommandLineParser parser;
        parser.setApplicationDescription(u"Writes leads (all, or those matching the filters) to a UTF-8 CSV "
                                         "file that `leads import` reads back to the same data."_s);
        parser.addPositionalArgument(u"file"_s, u"the CSV file to write"_s);
        const FilterOptions filterOptions;
        filterOptions.addTo(parser);
        if (const int code = context.parse(parser, u"leads export"_s, args); code >= 0)
            return code;
        if (parser.positionalArguments().size() != 1)
            return context.fail(u"leads export needs exactly one FILE"_s, CommandContext::Usage);

        const auto workspace = context.openWorkspace(Workspace::OpenMode::OpenExisting);
        if (!workspace)
            return CommandContext::Failure;
        const QString file = parser.positionalArguments().constFirst();
        QString error;
        const qint64 count = LeadExporter(*workspace).exportToFile(file, filterOptions.filter(parser), &error);
        if (count < 0)
            return context.fail(error);
        context.out() << "Exported " << count << " leads to " << file << '\n';
        return CommandContext::Success;
    }
};

const CommandRegistration registration{u"leads"_s, [] { return std::make_unique<LeadsCommand>(); }};

} // namespace

} // namespace leadtrail::cli
