#include "command.h"
#include "commandcontext.h"
#include "commandregistry.h"

#include "protocol/pairing.h"
#include "store/configuration.h"

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
        const std::optional<protocol::PairingInfo> info = protocol::parsePairingCode(code.toStdString());
        if (!info)
            return context.fail(u"this is not a valid pairing code (it may be cut short or mistyped); "
                                "copy it again from the relay"_s);

        const auto workspace = context.openWorkspace(Workspace::OpenMode::OpenExisting);
        if (!workspace)
            return CommandContext::Failure;
        Configuration configuration(*workspace);
        QString message;
        QString error;
        // The keys first: a failure then leaves the old pairing as it was.
        const QString signingKey = QString::fromLatin1(QByteArray::fromStdString(info->signingKey.secret).toHex());
        if (!configuration.set(u"relay.signing_key"_s, signingKey, &message, &error)
            || !configuration.set(u"relay.api_key"_s, QString::fromStdString(info->apiKey), &message, &error)
            || !configuration.set(u"relay.signing_key_id"_s, QString::number(info->signingKey.id), &message, &error)
            || !configuration.set(u"relay.url"_s, QString::fromStdString(info->publicUrl), &message, &error))
            return context.fail(error);
        context.out() << "Paired with the relay at " << QString::fromStdString(info->publicUrl) << " (signing key "
                      << info->signingKey.id << "); the keys are stored as secrets.\n";
        return CommandContext::Success;
    }
};

const CommandRegistration registration{u"relay"_s, [] { return std::make_unique<RelayCommand>(); }};

} // namespace

} // namespace leadtrail::cli
