#pragma once

#include <QString>

namespace leadtrail {

class Workspace;

/**
 * Pairs a workspace with a tracking relay from the code the relay prints:
 * the relay URL goes to the settings, the signing and API keys to the
 * secrets. Shared by `leadtrail-cli relay pair` and the settings page.
 */
class RelayPairing final
{
public:
    /** Stores what @p code carries; false with a message in @p error (nothing changed for a bad code). */
    static bool pair(const Workspace &workspace, const QString &code, QString *url, QString *error);
};

} // namespace leadtrail
