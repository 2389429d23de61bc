// EventClassifier on hand-made evidence: each machine sign alone, the order
// they are reported in, and the edges of each window. The end-to-end test
// (tst_insight) fires the same signs through the real relay.
#include "insight/eventclassifier.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace leadtrail;

namespace {

constexpr qint64 sent = 1'700'000'000'000;

EventClassifier::Item item(qint64 id, EventType type, qint64 afterSendMs, qint64 link = 0)
{
    EventClassifier::Item i;
    i.id = id;
    i.type = type;
    i.timeMs = sent + afterSendMs;
    i.link = link;
    return i;
}

EventClassifier::Item byId(const QVector<EventClassifier::Item> &items, qint64 id)
{
    for (const auto &i : items) {
        if (i.id == id)
            return i;
    }
    return {};
}

} // namespace

class TestEventClassifier final : public QObject
{
    Q_OBJECT

private slots:
    void personReadingAndClicking()
    {
        QVector<EventClassifier::Item> items{item(1, EventType::Open, 60'000), item(2, EventType::Click, 90'000, 1),
                                             item(3, EventType::Click, 95'000, 2)};
        EventClassifier(InsightConfig{}).classify(items, sent);
        for (const auto &i : items)
            QCOMPARE(i.verdict, Verdict::Human);
    }

    void tooSoonUsesTheSendTimeOrTheRelaysAge()
    {
        InsightConfig c;
        c.tooSoonMs = 3000;
        QVector<EventClassifier::Item> items{item(1, EventType::Open, 2999), item(2, EventType::Open, 3000)};
        EventClassifier(c).classify(items, sent);
        QCOMPARE(byId(items, 1).verdict, Verdict::Machine);
        QVERIFY(byId(items, 1).reason.contains(u"too soon"_s));
        QCOMPARE(byId(items, 2).verdict, Verdict::Human);

        // Send time unknown (an old delivery): the relay's age signal decides.
        QVector<EventClassifier::Item> aged{item(1, EventType::Open, 0), item(2, EventType::Open, 0)};
        aged[0].ageSeconds = 1;
        aged[1].ageSeconds = 30;
        EventClassifier(c).classify(aged, 0);
        QCOMPARE(byId(aged, 1).verdict, Verdict::Machine);
        QCOMPARE(byId(aged, 2).verdict, Verdict::Human);
    }

    void decoyHitMakesClicksAroundItMachine()
    {
        InsightConfig c;
        c.decoyWindowMs = 5000;
        // The decoy hit arrives after the click it explains: evidence after the event.
        QVector<EventClassifier::Item> items{item(1, EventType::Click, 60'000, 1), item(2, EventType::Decoy, 61'000),
                                             item(3, EventType::Click, 600'000, 1), item(4, EventType::Open, 60'500)};
        EventClassifier(c).classify(items, sent);
        QCOMPARE(byId(items, 1).verdict, Verdict::Machine);
        QVERIFY(byId(items, 1).reason.contains(u"decoy"_s));
        QCOMPARE(byId(items, 2).verdict, Verdict::Machine);
        QCOMPARE(byId(items, 3).verdict, Verdict::Human); // much later: the person
        QCOMPARE(byId(items, 4).verdict, Verdict::Human); // opens are not judged by the decoy
    }

    void burstOverSeveralLinks()
    {
        QVector<EventClassifier::Item> items{item(1, EventType::Open, 50'000), item(2, EventType::Click, 60'000, 1),
                                             item(3, EventType::Click, 60'400, 2), item(4, EventType::Click, 60'800, 3),
                                             item(5, EventType::Click, 70'000, 1), item(6, EventType::Click, 70'300, 1)};
        EventClassifier(InsightConfig{}).classify(items, sent);
        for (qint64 id : {2, 3, 4}) {
            QCOMPARE(byId(items, id).verdict, Verdict::Machine);
            QVERIFY(byId(items, id).reason.contains(u"3 different links"_s));
        }
        // The same link twice (a double click) is not a burst.
        QCOMPARE(byId(items, 5).verdict, Verdict::Human);
        QCOMPARE(byId(items, 6).verdict, Verdict::Human);
    }

    void firstClickBeforeTheMessageCouldBeRead()
    {
        InsightConfig c;
        c.tooSoonMs = 2000;
        c.minReadMs = 10'000;
        QVector<EventClassifier::Item> unread{item(1, EventType::Click, 5000, 1)};
        EventClassifier(c).classify(unread, sent);
        QCOMPARE(unread.at(0).verdict, Verdict::Machine);
        QVERIFY(unread.at(0).reason.contains(u"before the message could have been read"_s));
        // With an open before it (images on), the same click is a person's.
        QVector<EventClassifier::Item> read{item(1, EventType::Open, 3000), item(2, EventType::Click, 5000, 1)};
        EventClassifier(c).classify(read, sent);
        QCOMPARE(byId(read, 2).verdict, Verdict::Human);
    }

    void relaySignalsComeFirst()
    {
        QVector<EventClassifier::Item> items{item(1, EventType::Click, 60'000, 1), item(2, EventType::Click, 120'000, 2),
                                             item(3, EventType::Open, 60'000)};
        items[0].scanner = u"Proofpoint"_s;
        items[0].head = true;
        items[1].head = true;
        items[2].appleMpp = true;
        EventClassifier(InsightConfig{}).classify(items, sent);
        QCOMPARE(byId(items, 1).reason, u"known scanner or prefetcher: Proofpoint"_s);
        QVERIFY(byId(items, 2).reason.startsWith(u"HEAD request"_s));
        QVERIFY(byId(items, 3).reason.contains(u"machine open"_s));
        QCOMPARE(byId(items, 3).verdict, Verdict::Machine);
    }

    void unsubscribesAndConversionsAreThePersons()
    {
        QVector<EventClassifier::Item> items{item(1, EventType::Unsubscribe, 100), item(2, EventType::Conversion, 100)};
        EventClassifier(InsightConfig{}).classify(items, sent);
        QCOMPARE(byId(items, 1).verdict, Verdict::Human);
        QCOMPARE(byId(items, 2).verdict, Verdict::Human);
    }
};

QTEST_APPLESS_MAIN(TestEventClassifier)
#include "tst_eventclassifier.moc"
