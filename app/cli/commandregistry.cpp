#include "commandregistry.h"

#include "command.h"

#include <map>

namespace leadtrail::cli {

namespace {

// A function-local static, so registrations from other files' static
// initialisers never run before the map exists.
std::map<QString, CommandRegistry::Factory> &factories()
{
    static std::map<QString, CommandRegistry::Factory> map;
    return map;
}

} // namespace

void CommandRegistry::add(const QString &name, Factory factory)
{
    factories()[name] = std::move(factory);
}

std::unique_ptr<Command> CommandRegistry::create(const QString &name)
{
    const auto it = factories().find(name);
    return it == factories().end() ? nullptr : it->second();
}

std::vector<std::unique_ptr<Command>> CommandRegistry::all()
{
    std::vector<std::unique_ptr<Command>> list;
    for (const auto &entry : factories())
        list.push_back(entry.second());
    return list;
}

} // namespace leadtrail::cli
