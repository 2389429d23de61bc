#include "syncstatustext.h"

#include "relativetime.h"

#include <QLocale>

namespace leadtrail {

QString SyncStatusText::describe(const SyncState &state, bool paired, bool running, const QDateTime &now)
{
    if (!paired)
        return tr("Not paired with a relay");
    if (!state.error.isEmpty()) {
        // Since when: the last success, or the first failed attempt we know of.
        const QDateTime since = state.lastSuccess.isValid() ? state.lastSuccess : state.lastAttempt;
        const QString clock = since.isValid() ? QLocale().toString(since.toLocalTime().time(), QLocale::ShortFormat)
                                              : QString();
        const QString retry = running ? tr(" — retrying") : QString();
        return clock.isEmpty() ? tr("Relay unreachable%1").arg(retry)
                               : tr("Relay unreachable since %1%2").arg(clock, retry);
    }
    if (!state.lastSuccess.isValid())
        return running ? tr("Syncing…") : tr("Not synced yet");
    return tr("Synced %1").arg(RelativeTime::describe(state.lastSuccess, now));
}

} // namespace leadtrail
