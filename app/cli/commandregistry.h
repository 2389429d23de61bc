#pragma once

#include <vector>
#include <QString>

#include <functional>
#include <memory>

namespace leadtrail::cli {

class Command;

/**
 * The command groups leadtrail-cli knows. Each group's source file registers
 * a factory through a static CommandRegistration, so main.cpp never lists them.
 */
class CommandRegistry final
{
public:
    using Factory = std::function<std::unique_ptr<Command>()>;

    static void add(const QString &name, Factory factory);
    /** nullptr for an unknown name. */
    static std::unique_ptr<Command> create(const QString &name);
    /** Every group, sorted by name. */
    static std::vector<std::unique_ptr<Command>> all();
};

/** Registers a command group at static initialisation: `static const CommandRegistration r{...};`. */
struct CommandRegistration
{
    CommandRegistration(const QString &name, CommandRegistry::Factory factory)
    {
        CommandRegistry::add(name, std::move(factory));
    }
};

} // namespace leadtrail::cli
