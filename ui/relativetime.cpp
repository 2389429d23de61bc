#include "relativetime.h"

#include <QLocale>

namespace leadtrail {

QString RelativeTime::describe(const QDateTime &time, const QDateTime &now)
{
    if (!time.isValid())
        return tr("never");
    const QDateTime local = time.toLocalTime();
    const qint64 seconds = local.secsTo(now);
    if (seconds < 0)
        return QLocale().toString(local, QLocale::ShortFormat);
    if (seconds < 60)
        return tr("just now");
    if (seconds < 3600)
        return tr("%n min ago", nullptr, int(seconds / 60));
    const qint64 days = local.date().daysTo(now.toLocalTime().date());
    const QString clock = QLocale().toString(local.time(), QLocale::ShortFormat);
    if (days == 0)
        return tr("%n h ago", nullptr, int(seconds / 3600));
    if (days == 1)
        return tr("yesterday %1").arg(clock);
    if (days < 7)
        return tr("%n days ago", nullptr, int(days));
    return QLocale().toString(local.date(), QLocale::ShortFormat);
}

QString RelativeTime::exact(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::LongFormat) : QString();
}

} // namespace leadtrail
