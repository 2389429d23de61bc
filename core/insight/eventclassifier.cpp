#include "insight/eventclassifier.h"

#include <QSet>

#include <algorithm>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {

QString seconds(qint64 ms)
{
    return QString::number(static_cast<double>(ms) / 1000.0, 'f', 1);
}

} // namespace

void EventClassifier::classify(QVector<Item> &items, qint64 sentAtMs) const
{
    std::sort(items.begin(), items.end(),
              [](const Item &a, const Item &b) { return a.timeMs != b.timeMs ? a.timeMs < b.timeMs : a.id < b.id; });
    QVector<qint64> decoyTimes;
    qint64 firstOpen = -1;
    qint64 firstClickId = 0;
    for (const Item &item : std::as_const(items)) {
        if (item.type == EventType::Decoy)
            decoyTimes.append(item.timeMs);
        if (item.type == EventType::Open && !item.appleMpp && firstOpen < 0)
            firstOpen = item.timeMs;
        if (item.type == EventType::Click && firstClickId == 0)
            firstClickId = item.id;
    }

    for (Item &item : items) {
        const auto machine = [&item](const QString &reason) {
            item.verdict = Verdict::Machine;
            item.reason = reason;
        };
        item.verdict = Verdict::Human;
        item.reason.clear();
        switch (item.type) {
        case EventType::Decoy:
            machine(u"followed the hidden decoy link"_s);
            continue;
        case EventType::Unsubscribe:
            item.reason = u"unsubscribe request"_s;
            continue;
        case EventType::Conversion:
            item.reason = u"conversion reported"_s;
            continue;
        case EventType::Open:
        case EventType::Click:
            break;
        }
        const bool click = item.type == EventType::Click;
        const qint64 ageMs = sentAtMs > 0 ? item.timeMs - sentAtMs : item.ageSeconds * 1000;
        if (!item.scanner.isEmpty()) {
            machine(u"known scanner or prefetcher: %1"_s.arg(item.scanner));
            continue;
        }
        if (item.head) {
            machine(u"HEAD request (a link checker, not a person)"_s);
            continue;
        }
        if (!click && item.appleMpp) {
            machine(u"Apple Mail Privacy Protection proxy: machine open, not opened"_s);
            continue;
        }
        if (click) {
            const bool nearDecoy = std::any_of(decoyTimes.cbegin(), decoyTimes.cend(), [&](qint64 t) {
                return std::llabs(t - item.timeMs) <= m_config.decoyWindowMs;
            });
            if (nearDecoy) {
                machine(u"clicked around a hit on the hidden decoy link"_s);
                continue;
            }
        }
        if (ageMs < m_config.tooSoonMs) {
            machine(u"%1 s after sending: too soon for a person"_s.arg(seconds(ageMs)));
            continue;
        }
        if (click) {
            QSet<qint64> links;
            for (const Item &other : std::as_const(items)) {
                if (other.type == EventType::Click && std::llabs(other.timeMs - item.timeMs) <= m_config.burstMs)
                    links.insert(other.link);
            }
            if (links.size() >= m_config.burstMinLinks) {
                machine(u"%1 different links clicked within %2 s"_s.arg(links.size()).arg(seconds(m_config.burstMs)));
                continue;
            }
            const bool openedBefore = firstOpen >= 0 && firstOpen <= item.timeMs;
            if (item.id == firstClickId && !openedBefore && ageMs < m_config.minReadMs) {
                machine(u"first click %1 s after sending, before the message could have been read"_s.arg(
                    seconds(ageMs)));
                continue;
            }
        }
    }
}

} // namespace leadtrail
