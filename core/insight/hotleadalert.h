#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace leadtrail {

/** A lead crossed its hot-lead threshold (or a rule raised the alert). Sent to the GUI as a signal. */
struct HotLeadAlert
{
    qint64 id = 0;
    qint64 leadId = 0;
    QString email;
    QString name;
    double score = 0;
    double threshold = 0;
    QString reason;
    QDateTime at;
};

} // namespace leadtrail

Q_DECLARE_METATYPE(leadtrail::HotLeadAlert)
