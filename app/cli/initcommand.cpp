#include "command.h"
#include "commandcontext.h"
#include "commandregistry.h"


#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace leadtrail::cli {

namespace {

/** `init`: creates a workspace, or confirms (and migrates) an existing one. */
class InitCommand final : public Command
{
public:
    QString name() const override { return u"init"_s; }
    QString summary() const override { return u"create a workspace (safe to run again)"_s; }

    int run(CommandContext &context, const QStringList &args) override
    {
        QCommandLineParser parser;
        parser.setApplicationDescription(u"Creates the workspace folder with an empty lead database and "
                                         "settings file. On an existing workspace it only brings the "
                                         "schema up to date."_s);
        if (const int code = context.parse(parser, name(), args); code >= 0)
            return code;
        if (!parser.positionalArguments().isEmpty())
            return context.fail(u"init takes no arguments"_s, CommandContext::Usage);

        const QString folder = context.workspaceFolder();
        const bool existed = !folder.isEmpty()
            && QFileInfo::exists(QDir(folder).filePath(QString::fromLatin1(Workspace::DatabaseFileName)));
        const auto workspace = context.openWorkspace(Workspace::OpenMode::CreateIfMissing);
        if (!workspace)
            return CommandContext::Failure;
        context.out() << (existed ? u"Workspace %1 is ready (schema version %2)\n"_s
                                  : u"Created workspace %1 (schema version %2)\n"_s)
                             .arg(workspace->folder())
                             .arg(workspace->schemaVersion());
        return CommandContext::Success;
    }
};

const CommandRegistration registration{u"init"_s, [] { return std::make_unique<InitCommand>(); }};

} // namespace

} // namespace leadtrail::cli
