// leadtrail-cli: headless access to a workspace. This file only picks the
// workspace and the command group; the groups live in their own files and
// register themselves (see CommandRegistry).
#include "command.h"
#include "commandcontext.h"
#include "commandregistry.h"

#include "store/version.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

QString usage()
{
    QString text = u"Usage: leadtrail-cli [--workspace DIR] COMMAND [ARGUMENTS...]\n\n"
                   "Headless access to a Leadtrail workspace, for scripts and tests.\n\n"
                   "Options:\n"
                   "  -w, --workspace DIR  the workspace folder (default: $LEADTRAIL_WORKSPACE)\n"
                   "  -h, --help           this help\n"
                   "  -v, --version        the program's version\n\n"
                   "Commands:\n"_s;
    for (const auto &command : leadtrail::cli::CommandRegistry::all())
        text += u"  %1%2\n"_s.arg(command->name().leftJustified(10), command->summary());
    text += u"\nRun 'leadtrail-cli COMMAND --help' for the options of a command.\n"_s;
    return text;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"leadtrail-cli"_s);
    QCoreApplication::setApplicationVersion(leadtrail::applicationVersion());

    using leadtrail::cli::CommandContext;
    const QStringList args = QCoreApplication::arguments();
    QString workspace = qEnvironmentVariable("LEADTRAIL_WORKSPACE");
    QString commandName;
    QStringList commandArgs;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg == u"--workspace"_s || arg == u"-w"_s) {
            if (i + 1 >= args.size()) {
                CommandContext(workspace).fail(u"--workspace needs a folder"_s, CommandContext::Usage);
                return CommandContext::Usage;
            }
            workspace = args.at(++i);
        } else if (arg.startsWith(u"--workspace="_s)) {
            workspace = arg.mid(12);
        } else if (arg == u"--help"_s || arg == u"-h"_s) {
            CommandContext(workspace).out() << usage();
            return CommandContext::Success;
        } else if (arg == u"--version"_s || arg == u"-v"_s) {
            CommandContext(workspace).out() << "leadtrail-cli " << leadtrail::applicationVersion() << '\n';
            return CommandContext::Success;
        } else if (arg.startsWith(u'-')) {
            CommandContext(workspace).fail(u"unknown option %1\n\n%2"_s.arg(arg, usage()), CommandContext::Usage);
            return CommandContext::Usage;
        } else {
            commandName = arg;
            commandArgs = args.mid(i + 1);
            break;
        }
    }

    CommandContext context(workspace);
    if (commandName.isEmpty())
        return context.fail(u"no command given\n\n"_s + usage(), CommandContext::Usage);
    const auto command = leadtrail::cli::CommandRegistry::create(commandName);
    if (!command)
        return context.fail(u"unknown command \"%1\"\n\n%2"_s.arg(commandName, usage()), CommandContext::Usage);
    const int code = command->run(context, commandArgs);
    context.out().flush();
    context.err().flush();
    return code;
}
