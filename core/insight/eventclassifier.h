#pragma once

#include "insight/insightconfig.h"
#include "insight/relayevent.h"

#include <QString>
#include <QVector>

namespace leadtrail {

/** Human or machine; stored in events.verdict (0 while not settled). */
enum class Verdict : int {
    Unsettled = 0,
    Human = 1,
    Machine = 2,
};

/**
 * Decides, for all events of ONE delivery together, which opens and clicks
 * a person made and which a machine, with a reason a person can read. Pure:
 * no database, so re-classifying is running it again on the stored evidence.
 *
 * Machine signs, in the order they are reported: a scanner or prefetcher
 * signature the relay matched; a HEAD request; an Apple Mail Privacy
 * Protection proxy open; a click within the decoy window of a hit on the
 * hidden decoy link; too soon after sending; several different links
 * clicked within the burst window; a first click, with no open before it,
 * sooner than anyone could have read the message. Decoy hits are machine
 * events; unsubscribes and conversions are taken as the person's.
 */
class EventClassifier final
{
public:
    /** The evidence of one stored event, and the verdict classify() fills in. */
    struct Item
    {
        qint64 id = 0;
        EventType type = EventType::Open;
        qint64 timeMs = 0;
        qint64 ageSeconds = 0; ///< the relay's signal; used when the send time is unknown
        qint64 link = 0;
        QString scanner;
        bool head = false;
        bool appleMpp = false;
        Verdict verdict = Verdict::Unsettled;
        QString reason;
    };

    explicit EventClassifier(InsightConfig config) : m_config(std::move(config)) {}

    /** Classifies every item; @p sentAtMs is the delivery's send time (0 when unknown). */
    void classify(QVector<Item> &items, qint64 sentAtMs) const;

private:
    InsightConfig m_config;
};

} // namespace leadtrail
