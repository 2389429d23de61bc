#include "commandcontext.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace leadtrail::cli {

CommandContext::CommandContext(const QString &workspaceFolder)
    : m_workspaceFolder(workspaceFolder)
    , m_out(stdout)
    , m_err(stderr)
{
}

std::unique_ptr<Workspace> CommandContext::openWorkspace(Workspace::OpenMode mode)
{
    if (m_workspaceFolder.isEmpty()) {
        fail(u"No workspace given: use --workspace DIR or set LEADTRAIL_WORKSPACE."_s, Usage);
        return nullptr;
    }
    QString error;
    std::unique_ptr<Workspace> workspace = Workspace::open(m_workspaceFolder, mode, &error);
    if (!workspace)
        fail(error);
    return workspace;
}

int CommandContext::parse(QCommandLineParser &parser, const QString &usage, const QStringList &args)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help = parser.addHelpOption();
    QStringList argv = args;
    argv.prepend(QCoreApplication::applicationName());
    if (!parser.parse(argv)) {
        m_err << QCoreApplication::applicationName() << ' ' << usage << ": " << parser.errorText() << '\n'
              << u"Try '%1 %2 --help'.\n"_s.arg(QCoreApplication::applicationName(), usage);
        m_err.flush();
        return Usage;
    }
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        // Qt's usage line names only the program (as started); ours names the command too.
        const qsizetype programEnd = text.indexOf(u' ', text.indexOf(u' ') + 1);
        if (text.startsWith(u"Usage: "_s) && programEnd > 0)
            text.replace(0, programEnd, u"Usage: %1 %2"_s.arg(QCoreApplication::applicationName(), usage));
        m_out << text;
        m_out.flush();
        return Success;
    }
    return -1;
}

int CommandContext::fail(const QString &message, int code)
{
    m_err << QCoreApplication::applicationName() << ": " << message << '\n';
    m_err.flush();
    return code;
}

} // namespace leadtrail::cli
