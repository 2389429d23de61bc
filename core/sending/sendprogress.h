#pragma once

#include <QMetaType>
#include <QtGlobal>

namespace leadtrail {

/** A snapshot of one campaign's sending, for the GUI's progress bar and the CLI's progress line. */
struct SendProgress
{
    qint64 campaignId = 0;
    qint64 total = 0;
    qint64 sent = 0;
    qint64 failed = 0;
    qint64 unknown = 0;
    qint64 cancelled = 0;   ///< never attempted: the campaign was cancelled before their turn
    qint64 remaining = 0;
    double perMinute = 0;   ///< messages accepted per minute, over the last half minute
    qint64 etaSeconds = -1; ///< -1 while there is no rate to go by
};

} // namespace leadtrail

Q_DECLARE_METATYPE(leadtrail::SendProgress)
