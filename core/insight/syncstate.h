#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace leadtrail {

/** Where syncing with the relay stands: for the status bar and `sync`. A plain value. */
struct SyncState
{
    qint64 cursor = 0;
    QDateTime lastSuccess;  ///< the last page stored
    QDateTime lastAttempt;
    QString error;          ///< in words; empty when the last attempt worked
    int failures = 0;       ///< in a row
    qint64 retryInMs = 0;   ///< when failing: the wait before the next try
    bool caughtUp = false;  ///< the last page was the newest
    qint64 ingested = 0;    ///< totals since the workspace was created
    qint64 duplicates = 0;
    qint64 keptAside = 0;
};

} // namespace leadtrail

Q_DECLARE_METATYPE(leadtrail::SyncState)
