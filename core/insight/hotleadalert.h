#pragma once

#include "insight/relayevent.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace leadtrail {

/** One thing a lead did that counts towards its score: a human open, click or conversion. */
struct HotLeadEvidence
{
    EventType type = EventType::Open;
    QString campaign; ///< the campaign's name
    QString url;      ///< the destination, for a click
    QDateTime at;     ///< UTC
};

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
    /** What the lead did that counts, newest first (filled by HotLeadList, not by alerts). */
    QList<HotLeadEvidence> evidence;
};

} // namespace leadtrail

Q_DECLARE_METATYPE(leadtrail::HotLeadAlert)
