#pragma once

#include <QString>

#include <optional>

namespace leadtrail {

class Workspace;

/**
 * Which hot-lead alerts the person at this desktop has not seen yet. An alert
 * stays unseen until its list (the Hot leads page) has been looked at; the
 * mark is kept in the workspace's settings (`alerts.seen_id`, the newest alert
 * seen), so a restart does not make alerts disappear or come back.
 */
class HotAlerts final
{
public:
    /** How many alerts arrived after the newest one seen; nullopt with @p error when it cannot be read. */
    static std::optional<int> unseenCount(const Workspace &workspace, QString *error = nullptr);
    /** Marks every alert so far as seen. */
    static bool markAllSeen(const Workspace &workspace, QString *error = nullptr);
};

} // namespace leadtrail
