#include "command.h"
#include "commandcontext.h"
#include "commandregistry.h"

#include "insight/rulestore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace leadtrail::cli {

namespace {

/** `rules list|add|remove`: the workspace's automation rules. */
class RulesCommand final : public Command
{
public:
    QString name() const override { return u"rules"_s; }
    QString summary() const override { return u"automation rules: list, add, remove"_s; }

    int run(CommandContext &context, const QStringList &args) override
    {
        QCommandLineParser parser;
        parser.setApplicationDescription(
            u"list [--json] | add --name N --when TRIGGER [--match TEXT] [--campaign ID] [--only-in-stage STAGE]..."
            " --then ACTION [--value V] [--allow-backward] | remove ID\n\nTRIGGER: open, click, click_match (a link"
            " whose URL contains --match), convert, unsubscribe.\nACTION: stage (--value STAGE), tag (--value TAG),"
            " score (--value N), alert.\nRules act on settled human events, once per event. A stage rule moves a"
            " lead only forward in the stage order unless --allow-backward is given."_s);
        parser.addPositionalArgument(u"action"_s, u"list | add | remove ID"_s);
        const QCommandLineOption nameOpt(u"name"_s, u"the rule's name, shown on timelines"_s, u"N"_s);
        const QCommandLineOption when(u"when"_s, u"the trigger"_s, u"TRIGGER"_s);
        const QCommandLineOption match(u"match"_s, u"for click_match: text the link URL contains"_s, u"TEXT"_s);
        const QCommandLineOption campaign(u"campaign"_s, u"only this campaign (default: any)"_s, u"ID"_s);
        const QCommandLineOption then(u"then"_s, u"the action"_s, u"ACTION"_s);
        const QCommandLineOption value(u"value"_s, u"the stage, tag or number of the action"_s, u"V"_s);
        const QCommandLineOption onlyIn(u"only-in-stage"_s,
                                        u"only for leads in this stage (repeat for several; default: any stage)"_s,
                                        u"STAGE"_s);
        const QCommandLineOption backward(u"allow-backward"_s,
                                          u"for stage: may move a lead to an earlier stage (default: forward only)"_s);
        const QCommandLineOption json(u"json"_s, u"print JSON"_s);
        parser.addOptions({nameOpt, when, match, campaign, onlyIn, then, value, backward, json});
        if (const int code = context.parse(parser, name(), args); code >= 0)
            return code;
        const QStringList positional = parser.positionalArguments();
        const QString action = positional.value(0);
        if (action != u"list"_s && action != u"add"_s && action != u"remove"_s)
            return context.fail(u"usage: rules list|add|remove (see rules --help)"_s, CommandContext::Usage);

        Rule rule;
        qint64 removeId = 0;
        if (action == u"add"_s) {
            const std::optional<Rule::Trigger> trigger = Rule::triggerFromName(parser.value(when).replace(u'-', u'_'));
            const std::optional<Rule::Action> act = Rule::actionFromName(parser.value(then));
            if (!parser.isSet(nameOpt) || !trigger || !act)
                return context.fail(u"rules add needs --name, --when (open|click|click_match|convert|unsubscribe) and "
                                    "--then (stage|tag|score|alert)"_s,
                                    CommandContext::Usage);
            rule.name = parser.value(nameOpt);
            rule.trigger = *trigger;
            rule.pattern = parser.value(match);
            rule.action = *act;
            rule.argument = parser.value(value);
            rule.onlyInStages = parser.values(onlyIn);
            rule.allowBackward = parser.isSet(backward);
            if (rule.allowBackward && rule.action != Rule::Action::MoveToStage)
                return context.fail(u"--allow-backward is for --then stage only"_s, CommandContext::Usage);
            if (parser.isSet(campaign)) {
                bool ok = false;
                rule.campaignId = parser.value(campaign).toLongLong(&ok);
                if (!ok || rule.campaignId <= 0)
                    return context.fail(u"--campaign needs a campaign id"_s, CommandContext::Usage);
            }
        } else if (action == u"remove"_s) {
            bool ok = false;
            removeId = positional.value(1).toLongLong(&ok);
            if (!ok || removeId <= 0)
                return context.fail(u"usage: rules remove ID"_s, CommandContext::Usage);
        }

        const auto workspace = context.openWorkspace(Workspace::OpenMode::OpenExisting);
        if (!workspace)
            return CommandContext::Failure;
        RuleStore store(*workspace);
        QString error;
        if (action == u"add"_s) {
            if (!store.add(rule, &error))
                return context.fail(error);
            context.out() << rule.id << '\n';
            return CommandContext::Success;
        }
        if (action == u"remove"_s) {
            if (!store.remove(removeId, &error))
                return context.fail(error);
            context.out() << "Rule " << removeId << " removed\n";
            return CommandContext::Success;
        }
        const QList<Rule> rules = store.list();
        if (parser.isSet(json)) {
            QJsonArray array;
            for (const Rule &r : rules)
                array.append(QJsonObject{{u"id"_s, r.id}, {u"name"_s, r.name}, {u"when"_s, Rule::triggerName(r.trigger)},
                                         {u"match"_s, r.pattern}, {u"campaign"_s, r.campaignId},
                                         {u"then"_s, Rule::actionName(r.action)}, {u"value"_s, r.argument},
                                         {u"enabled"_s, r.enabled},
                                         {u"only_in_stages"_s, QJsonArray::fromStringList(r.onlyInStages)},
                                         {u"allow_backward"_s, r.allowBackward}, {u"description"_s, r.describe()}});
            context.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
            return CommandContext::Success;
        }
        if (rules.isEmpty())
            context.out() << "No rules.\n";
        for (const Rule &r : rules)
            context.out() << r.id << "  " << r.name << ": " << r.describe() << '\n';
        return CommandContext::Success;
    }
};

const CommandRegistration registration{u"rules"_s, [] { return std::make_unique<RulesCommand>(); }};

} // namespace

} // namespace leadtrail::cli
