#pragma once

#include <QString>
#include <QStringList>

namespace leadtrail::cli {

class CommandContext;

/**
 * One command group of leadtrail-cli (`init`, `config`, `leads`, ...). A
 * group parses its own arguments, calls the core, and prints; it holds no
 * logic of its own. Groups register themselves with CommandRegistry from their
 * own source file, so adding one is adding a file.
 */
class Command
{
public:
    virtual ~Command() = default;

    virtual QString name() const = 0;
    /** One line for `leadtrail-cli --help`. */
    virtual QString summary() const = 0;
    /** `args` are the arguments after the group's name; returns the exit code. */
    virtual int run(CommandContext &context, const QStringList &args) = 0;
};

} // namespace leadtrail::cli
