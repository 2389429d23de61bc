#pragma once

#include <QDateTime>
#include <QString>

namespace leadtrail {

/** A free-text note on a lead; part of the lead's timeline. */
struct Note
{
    qint64 id = 0;
    qint64 leadId = 0;
    QString text;
    QDateTime createdAt;
};

} // namespace leadtrail
