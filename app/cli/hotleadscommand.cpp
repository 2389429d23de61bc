#include "command.h"
#include "commandcontext.h"
#include "commandregistry.h"

#include "insight/hotleadlist.h"
#include "insight/insightengine.h"

#include <QDateTime>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace leadtrail::cli {

namespace {

QString eventName(EventType type)
{
    switch (type) {
    case EventType::Open: return u"opened"_s;
    case EventType::Click: return u"clicked"_s;
    case EventType::Conversion: return u"converted"_s;
    case EventType::Unsubscribe: return u"unsubscribed"_s;
    case EventType::Decoy: return u"decoy"_s;
    }
    return {};
}

/** "clicked https://shop.example/pricing in "Spring" at 2024-03-12 14:03:07" */
QString describe(const HotLeadEvidence &e)
{
    const QString what = e.type == EventType::Click ? u"clicked %1"_s.arg(e.url) : eventName(e.type);
    return u"%1 in \"%2\" at %3"_s.arg(what, e.campaign, e.at.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s));
}

/**
 * `hot-leads [--json]`: the leads above their hot-lead threshold, hottest
 * first, scored with the settings as they are now, each with what it did.
 */
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
        // The settings may have changed since the scores were stored (by hand in
        // settings.ini too), and scores decay: score everyone as of now first.
        const InsightConfig config = InsightConfig::fromWorkspace(*workspace);
        QString error;
        if (!InsightEngine(*workspace, config).rescoreAll(QDateTime::currentMSecsSinceEpoch(), &error))
            return context.fail(error);
        const QList<HotLeadAlert> leads = HotLeadList::current(*workspace, config);
        if (parser.isSet(json)) {
            QJsonArray array;
            for (const HotLeadAlert &a : leads) {
                QJsonArray why;
                for (const HotLeadEvidence &e : a.evidence)
                    why.append(QJsonObject{{u"event"_s, eventName(e.type)}, {u"campaign"_s, e.campaign},
                                           {u"url"_s, e.url}, {u"at"_s, e.at.toString(Qt::ISODateWithMs)}});
                array.append(QJsonObject{{u"email"_s, a.email}, {u"name"_s, a.name}, {u"score"_s, a.score},
                                         {u"threshold"_s, a.threshold}, {u"reason"_s, a.reason}, {u"why"_s, why},
                                         {u"alerted_at"_s, a.at.isValid() ? a.at.toString(Qt::ISODateWithMs) : QString()}});
            }
            context.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
            return CommandContext::Success;
        }
        if (leads.isEmpty())
            context.out() << "No hot leads.\n";
        for (const HotLeadAlert &a : leads) {
            context.out() << a.email << "  score " << QString::number(a.score, 'f', 1) << " (threshold "
                          << QString::number(a.threshold) << ")\n";
            for (const HotLeadEvidence &e : a.evidence)
                context.out() << "    " << describe(e) << '\n';
        }
        return CommandContext::Success;
    }
};

const CommandRegistration registration{u"hot-leads"_s, [] { return std::make_unique<HotLeadsCommand>(); }};

} // namespace

} // namespace leadtrail::cli
