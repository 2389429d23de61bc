#include "command.h"
#include "commandcontext.h"
#include "commandregistry.h"

#include "insight/insightconfig.h"
#include "insight/insightengine.h"
#include "store/configuration.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace leadtrail::cli {

namespace {

/** `config set|get|list`: the workspace's settings and secrets by dotted key. */
class ConfigCommand final : public Command
{
public:
    QString name() const override { return u"config"_s; }
    QString summary() const override { return u"read and change settings (config set|get|list)"_s; }

    int run(CommandContext &context, const QStringList &args) override
    {
        QCommandLineParser parser;
        QString description = u"Settings as dotted keys. Secrets (%1) go to the system keychain when one is "
                              "available and otherwise to a mode-0600 file named in the settings; they can "
                              "also be given as environment variables (%2). They are never written to the "
                              "database or the settings file, and never printed.\n\nKnown keys:\n"_s
                                  .arg(Secrets::keys().join(u", "_s), Secrets::environmentVariable(u"smtp.password"_s) + u", ..."_s);
        const QMap<QString, QString> &known = Settings::knownKeys();
        for (auto it = known.cbegin(); it != known.cend(); ++it)
            description += u"  %1 %2\n"_s.arg(it.key().leftJustified(24), it.value());
        parser.setApplicationDescription(description);
        parser.addPositionalArgument(u"action"_s, u"set KEY VALUE | get KEY | list  (VALUE - reads it from stdin)"_s, u"set|get|list ..."_s);
        if (const int code = context.parse(parser, name(), args); code >= 0)
            return code;

        const QStringList positional = parser.positionalArguments();
        const QString action = positional.value(0);
        const bool wellFormed = (action == u"set"_s && positional.size() == 3)
            || (action == u"get"_s && positional.size() == 2) || (action == u"list"_s && positional.size() == 1);
        if (!wellFormed)
            return context.fail(u"usage: config set KEY VALUE | config get KEY | config list"_s, CommandContext::Usage);

        const auto workspace = context.openWorkspace(Workspace::OpenMode::OpenExisting);
        if (!workspace)
            return CommandContext::Failure;
        Configuration configuration(*workspace);
        QString error;
        if (action == u"set"_s) {
            QString value = positional.at(2);
            if (value == u"-"_s) // from stdin, so a secret stays out of the process list and shell history
                value = QTextStream(stdin).readLine();
            QString message;
            const InsightConfig before = InsightConfig::fromWorkspace(*workspace);
            if (!configuration.set(positional.at(1), value, &message, &error))
                return context.fail(error);
            context.out() << message << '\n';
            // A weight or threshold applies to every lead at once, not only to the next event.
            const InsightConfig after = InsightConfig::fromWorkspace(*workspace);
            if (!after.scoresLike(before)
                && !InsightEngine(*workspace, after).rescoreAll(QDateTime::currentMSecsSinceEpoch(), &error))
                return context.fail(u"the setting was saved, but the scores were not updated: %1"_s.arg(error));
        } else if (action == u"get"_s) {
            QString value;
            if (!configuration.get(positional.at(1), &value, &error))
                return context.fail(error);
            context.out() << value << '\n';
        } else {
            for (const Configuration::Entry &entry : configuration.list())
                context.out() << entry.key << " = " << entry.value << '\n';
        }
        return CommandContext::Success;
    }
};

const CommandRegistration registration{u"config"_s, [] { return std::make_unique<ConfigCommand>(); }};

} // namespace

} // namespace leadtrail::cli
