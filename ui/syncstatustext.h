#pragma once

#include "insight/syncstate.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace leadtrail {

/** The relay sync state in words for the status bar: "Synced 1 min ago", "Relay unreachable since 10:42 — retrying", "Not paired". */
class SyncStatusText final
{
    Q_DECLARE_TR_FUNCTIONS(SyncStatusText)

public:
    static QString describe(const SyncState &state, bool paired, bool running,
                            const QDateTime &now = QDateTime::currentDateTime());
};

} // namespace leadtrail
