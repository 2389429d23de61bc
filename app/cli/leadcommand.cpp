#include "command.h"
#include "commandcontext.h"
#include "commandregistry.h"

#include "insight/insightconfig.h"
#include "insight/insightengine.h"
#include "insight/leadtimeline.h"
#include "store/leadstore.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace leadtrail::cli {

namespace {

/** `lead timeline EMAIL [--json]`, `lead score EMAIL`: one lead's activity (the list/import group is `leads`). */
class LeadCommand final : public Command
{
public:
    QString name() const override { return u"lead"_s; }
    QString summary() const override { return u"one lead's timeline and intent score (lead timeline|score EMAIL)"_s; }

    int run(CommandContext &context, const QStringList &args) override
    {
        QCommandLineParser parser;
        parser.setApplicationDescription(u"timeline EMAIL: everything that happened to the lead, oldest first.\n"
                                         "score EMAIL: the lead's intent score now."_s);
        parser.addPositionalArgument(u"action"_s, u"timeline | score"_s);
        parser.addPositionalArgument(u"email"_s, u"the lead's address"_s);
        const QCommandLineOption json(u"json"_s, u"print JSON"_s);
        parser.addOption(json);
        if (const int code = context.parse(parser, name(), args); code >= 0)
            return code;
        const QStringList positional = parser.positionalArguments();
        if (positional.size() != 2 || (positional.at(0) != u"timeline"_s && positional.at(0) != u"score"_s))
            return context.fail(u"usage: lead timeline EMAIL [--json] | lead score EMAIL [--json]"_s, CommandContext::Usage);
        const auto workspace = context.openWorkspace(Workspace::OpenMode::OpenExisting);
        if (!workspace)
            return CommandContext::Failure;
        const std::optional<Lead> lead = LeadStore(*workspace).findByEmail(positional.at(1));
        if (!lead)
            return context.fail(u"no lead with email %1"_s.arg(positional.at(1)));
        QTextStream &out = context.out();

        if (positional.at(0) == u"score"_s) {
            const InsightConfig config = InsightConfig::fromWorkspace(*workspace);
            const InsightEngine engine(*workspace, config);
            const double score = engine.score(lead->id, QDateTime::currentMSecsSinceEpoch());
            const double threshold = config.thresholdFor(lead->category);
            if (parser.isSet(json))
                out << QJsonDocument(QJsonObject{{u"email"_s, lead->email}, {u"score"_s, score},
                                                 {u"threshold"_s, threshold}, {u"hot"_s, score >= threshold}})
                           .toJson(QJsonDocument::Compact)
                    << '\n';
            else
                out << lead->email << ": score " << QString::number(score, 'f', 1) << " (hot-lead threshold "
                    << threshold << (score >= threshold ? u", hot"_s : QString()) << ")\n";
            return CommandContext::Success;
        }

        QString error;
        const std::optional<QList<TimelineItem>> items = LeadTimeline::build(*workspace, lead->id, &error);
        if (!items)
            return context.fail(error);
        if (parser.isSet(json)) {
            out << QJsonDocument(LeadTimeline::toJson(*items)).toJson(QJsonDocument::Indented);
            return CommandContext::Success;
        }
        for (const TimelineItem &item : *items) {
            out << item.at.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s) << "  "
                << TimelineItem::kindName(item.kind).leftJustified(13) << ' ' << item.title;
            if (!item.detail.isEmpty())
                out << " — " << item.detail;
            out << '\n';
            if (item.opens > 0)
                out << "      Opened " << item.opens << "× (first " << item.firstOpen.toLocalTime().toString(Qt::ISODate)
                    << ")\n";
            for (const TimelineItem::Click &click : item.clicks)
                out << "      Clicked " << click.url << " at " << click.at.toLocalTime().toString(Qt::ISODate) << '\n';
            if (item.machineEvents > 0)
                out << "      Machine activity ×" << item.machineEvents << ": " << item.machineReasons.join(u"; "_s)
                    << '\n';
        }
        return CommandContext::Success;
    }
};

const CommandRegistration registration{u"lead"_s, [] { return std::make_unique<LeadCommand>(); }};

} // namespace

} // namespace leadtrail::cli
