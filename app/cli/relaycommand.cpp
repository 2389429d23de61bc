#include "command.h"
#include "commandcontext.h"
#include "commandregistry.h"

#include "insight/relaypairing.h"

using namespace Qt::StringLiterals;

namespace leadtrail::cli {

namespace {

/** `relay pair CODE`: connects the workspace to a tracking relay. */
class RelayCommand final : public Command
{
public:
    QString name() const override { return u"relay"_s; }
    QString summary() const override { return u"pair the workspace with a tracking relay (relay pair CODE)"_s; }

    int run(CommandContext &context, const QStringList &args) override
    {
        QCommandLineParser parser;
        parser.setApplicationDescription(
            u"Stores the relay's public URL (setting relay.url) and its signing and API keys (secrets "
            "relay.signing_key and relay.api_key) from the pairing code the relay prints. Give CODE as - to "
            "read it from stdin, which keeps the keys out of the process list and shell history."_s);
        parser.addPositionalArgument(u"action"_s, u"pair CODE"_s, u"pair CODE"_s);
        if (const int code = context.parse(parser, name(), args); code >= 0)
            return code;
        const QStringList positional = parser.positionalArguments();
        if (positional.size() != 2 || positional.at(0) != u"pair"_s)
            return context.fail(u"usage: relay pair CODE"_s, CommandContext::Usage);
        QString code = positional.at(1);
        if (code == u"-"_s)
            code = QTextStream(stdin).readLine();
        const auto workspace = context.openWorkspace(Workspace::OpenMode::OpenExisting);
        if (!workspace)
            return CommandContext::Failure;
        QString url;
        QString error;
        if (!RelayPairing::pair(*workspace, code, &url, &error))
            return context.fail(error);
        context.out() << "Paired with the relay at " << url << "; the keys are stored as secrets.\n";
        return CommandContext::Success;
    }
};

const CommandRegistration registration{u"relay"_s, [] { return std::make_unique<RelayCommand>(); }};

} // namespace

} // namespace leadtrail::cli
