#pragma once

#include "store/workspace.h"

#include <QCommandLineParser>
#include <QString>
#include <QTextStream>

#include <memory>

namespace leadtrail::cli {

/**
 * What every command gets: the workspace folder chosen by `--workspace` or
 * LEADTRAIL_WORKSPACE, stdout and stderr as UTF-8 text streams, and helpers
 * for the per-command argument parsing every group does the same way.
 */
class CommandContext final
{
    Q_DISABLE_COPY_MOVE(CommandContext)

public:
    enum ExitCode {
        Success = 0,
        Failure = 1, ///< the command ran and could not do its work
        Usage = 2,   ///< bad arguments
    };

    explicit CommandContext(const QString &workspaceFolder);

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    /** Opens the workspace, printing the reason to stderr on failure. */
    std::unique_ptr<Workspace> openWorkspace(Workspace::OpenMode mode);
    QString workspaceFolder() const { return m_workspaceFolder; }

    /**
     * Parses `args` for the command called `usage` ("leads import"): prints help
     * and returns Success for --help, prints the error and returns Usage for bad
     * arguments, and returns -1 when the command should go on.
     */
    int parse(QCommandLineParser &parser, const QString &usage, const QStringList &args);

    /** Prints `message` as an error and returns `code`. */
    int fail(const QString &message, int code = Failure);

private:
    QString m_workspaceFolder;
    QTextStream m_out;
    QTextStream m_err;
};

} // namespace leadtrail::cli
