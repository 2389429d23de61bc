#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace leadtrail {

/** "just now", "5 min ago", "yesterday 14:02": times as people say them; the exact time goes in a tooltip. */
class RelativeTime final
{
    Q_DECLARE_TR_FUNCTIONS(RelativeTime)

public:
    static QString describe(const QDateTime &time, const QDateTime &now = QDateTime::currentDateTime());
    /** The exact local time, for tooltips. */
    static QString exact(const QDateTime &time);
};

} // namespace leadtrail
