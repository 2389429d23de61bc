#include "command.h"
#include "commandcontext.h"
#include "commandregistry.h"

#include "insight/hotleadlist.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace leadtrail::cli {

namespace {

/** `hot-leads [--json]`: the leads above their hot-lead threshold, hottest first. */
class HotLeadsCommand final : public Command
{
public:
    QString name() const override { return u"hot-leads"_s; }
    QString summary() const override { return u"leads above their hot-lead threshold"_s; }

    int run(CommandContext &context, const QStringList &args) override
    {
        QCommandLineParser parser;
        const QCommandLineOption json(u"json"_s, u"print JSON"_s);
        parser.addOption(json);
        if (const int code = context.parse(parser, name(), args); code >= 0)
            return code;
        const auto workspace = context.openWorkspace(Workspace::OpenMode::OpenExisting);
        if (!workspace)
            return CommandContext::Failure;
        const QList<HotLeadAlert> leads = HotLeadList::current(*workspace);
        if (parser.isSet(json)) {
            QJsonArray array;
            for (const HotLeadAlert &a : leads)
                array.append(QJsonObject{{u"email"_s, a.email}, {u"name"_s, a.name}, {u"score"_s, a.score},
                                         {u"threshold"_s, a.threshold}, {u"reason"_s, a.reason},
                                         {u"alerted_at"_s, a.at.isValid() ? a.at.toString(Qt::ISODateWithMs) : QString()}});
            context.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
            return CommandContext::Success;
        }
        if (leads.isEmpty())
            context.out() << "No hot leads.\n";
        for (const HotLeadAlert &a : leads)
            context.out() << a.email << "  score " << QString::number(a.score, 'f', 1) << "  " << a.reason << '\n';
        return CommandContext::Success;
    }
};

const CommandRegistration registration{u"hot-leads"_s, [] { return std::make_unique<HotLeadsCommand>(); }};

} // namespace

} // namespace leadtrail::cli
