// LeadStore against a real workspace database: edits, validation, paging, filters, stages, notes.
#include "store/leadstore.h"
#include "store/workspace.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using namespace leadtrail;

namespace {

Lead makeLead(const QString &email, const QString &first, const QString &last, const QString &company = {},
              const QString &category = {}, const QStringList &tags = {})
{
    Lead lead;
    lead.email = email;
    lead.firstName = first;
    lead.lastName = last;
    lead.company = company;
    lead.category = category;
    lead.tags = tags;
    return lead;
}

QStringList emails(const QList<Lead> &leads)
{
    QStringList list;
    for (const Lead &lead : leads)
        list.append(lead.email);
    return list;
}

} // namespace

class TestLeadStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    int m_counter = 0;

    LeadStore store() const { return LeadStore(*m_workspace); }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        // A fresh workspace per test function and data row.
        m_workspace.reset();
        m_workspace = Workspace::open(m_dir.filePath(u"ws%1"_s.arg(++m_counter)),
                                      Workspace::OpenMode::CreateIfMissing, &error);
        QVERIFY2(m_workspace, qPrintable(error));
    }

    void cleanup() { m_workspace.reset(); }

    void addAndFindIgnoreCaseAndSpaces()
    {
        LeadStore leads = store();
        Lead lead = makeLead(u"  Jane.Doe@Example.COM "_s, u"Jane"_s, u"Doe"_s, u"Doe & Co"_s, u"buyer"_s,
                             {u"vip"_s, u" open-house"_s, u"VIP"_s});
        lead.customFields.insert(u"Budget"_s, u"300k"_s);
        QString error;
        QVERIFY2(leads.add(lead, &error), qPrintable(error));
        QVERIFY(lead.id > 0);
        QVERIFY(lead.createdAt.isValid());

        const auto found = leads.findByEmail(u"jane.doe@example.com"_s);
        QVERIFY(found);
        QCOMPARE(found->id, lead.id);
        QCOMPARE(found->email, u"Jane.Doe@Example.COM"_s); // kept as written, trimmed
        QCOMPARE(found->stage, u"New"_s);                   // the first stage by default
        QCOMPARE(found->tags, QStringList({u"open-house"_s, u"vip"_s}));
        QCOMPARE(found->customFields.value(u"Budget"_s), u"300k"_s);
        QVERIFY(found->sameData(lead));

        Lead twin = makeLead(u"JANE.DOE@example.com"_s, u"Other"_s, u"Person"_s);
        QVERIFY(!leads.add(twin, &error));
        QVERIFY2(error.contains(u"already exists"_s), qPrintable(error));
        QCOMPARE(twin.id, 0);
        QCOMPARE(leads.count(), 1);
    }

    void invalidInputIsRefusedWithAReason_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("stage");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << u""_s << QString() << u"missing email"_s;
        QTest::newRow("no at") << u"jane.example.com"_s << QString() << u"invalid email"_s;
        QTest::newRow("two ats") << u"jane@@example.com"_s << QString() << u"invalid email"_s;
        QTest::newRow("no dot in domain") << u"jane@localhost"_s << QString() << u"invalid email"_s;
        QTest::newRow("space") << u"jane doe@example.com"_s << QString() << u"invalid email"_s;
        QTest::newRow("double dot") << u"jane..doe@example.com"_s << QString() << u"invalid email"_s;
        QTest::newRow("unknown stage") << u"ok@example.com"_s << u"Negotiating"_s << u"unknown stage"_s;
    }

    void invalidInputIsRefusedWithAReason()
    {
        QFETCH(QString, email);
        QFETCH(QString, stage);
        QFETCH(QString, reason);
        Lead lead = makeLead(email, u"A"_s, u"B"_s);
        lead.stage = stage;
        QString error;
        QVERIFY(!store().add(lead, &error));
        QVERIFY2(error.contains(reason), qPrintable(error));
        QCOMPARE(store().count(), 0);
    }

    void updateStageTagsAndRemove()
    {
        LeadStore leads = store();
        Lead lead = makeLead(u"sam@example.com"_s, u"Sam"_s, u"Seller"_s, {}, u"seller"_s);
        QString error;
        QVERIFY(leads.add(lead, &error));

        QVERIFY2(leads.setStage(lead.id, u"hot"_s, &error), qPrintable(error));
        QCOMPARE(leads.find(lead.id)->stage, u"Hot"_s); // the stored spelling
        QVERIFY(!leads.setStage(lead.id, u"Sold"_s, &error));
        QVERIFY2(error.contains(u"unknown stage"_s), qPrintable(error));
        QVERIFY(!leads.setStage(lead.id, u""_s, &error));

        QVERIFY2(leads.setTags(lead.id, {u"b"_s, u"a"_s, u"a"_s}, &error), qPrintable(error));
        QCOMPARE(leads.find(lead.id)->tags, QStringList({u"a"_s, u"b"_s}));
        QVERIFY(!leads.setTags(lead.id, {u"a,b"_s}, &error));
        QCOMPARE(leads.find(lead.id)->tags, QStringList({u"a"_s, u"b"_s}));

        Lead edited = *leads.find(lead.id);
        edited.company = u"Seller Homes"_s;
        edited.score = 42;
        edited.bounced = true;
        edited.unsubscribedAt = QDateTime(QDate(2024, 5, 1), QTime(9, 30), Qt::UTC);
        QVERIFY2(leads.update(edited, &error), qPrintable(error));
        const Lead reread = *leads.find(lead.id);
        QVERIFY(reread.sameData(edited));
        QVERIFY(reread.updatedAt >= reread.createdAt);

        QVERIFY(leads.addNote(lead.id, u"called"_s, &error));
        QVERIFY2(leads.remove(lead.id, &error), qPrintable(error));
        QVERIFY(!leads.find(lead.id));
        QVERIFY(leads.notes(lead.id).isEmpty()); // notes go with their lead
        QVERIFY(leads.tags().isEmpty());
        QVERIFY(!leads.remove(lead.id, &error));
    }

    void filtersCombine()
    {
        LeadStore leads = store();
        QString error;
        QList<Lead> all = {
            makeLead(u"ann@lee.example"_s, u"Ann"_s, u"Lee"_s, u"Harbour Homes"_s, u"buyer"_s, {u"vip"_s}),
            makeLead(u"bob@ray.example"_s, u"Bob"_s, u"Ray"_s, u"Acme 100%"_s, u"Seller"_s, {u"vip"_s, u"cold"_s}),
            makeLead(u"cy@harbour.example"_s, u"Cy"_s, u"Dee"_s, u"Dee_Estates"_s, u"landlord"_s),
            makeLead(u"di@eve.example"_s, u"Di"_s, u"Eve"_s, u"Eve Lettings"_s, u"buyer"_s, {u"cold"_s}),
        };
        for (Lead &lead : all)
            QVERIFY2(leads.add(lead, &error), qPrintable(error));
        QVERIFY(leads.setStage(all[3].id, u"Hot"_s, &error));

        const auto match = [&leads](const LeadFilter &filter) {
            LeadQuery query;
            query.filter = filter;
            query.sortKey = LeadSortKey::Email;
            QStringList result = emails(leads.page(query).leads);
            if (leads.count(filter) != result.size())
                result.append(u"count mismatch"_s);
            return result;
        };
        QCOMPARE(match({}).size(), 4);
        QCOMPARE(match({u"harbour"_s, {}, {}, {}}), QStringList({u"ann@lee.example"_s, u"cy@harbour.example"_s}));
        QCOMPARE(match({u"ann lee"_s, {}, {}, {}}), QStringList({u"ann@lee.example"_s}));
        QCOMPARE(match({u"100%"_s, {}, {}, {}}), QStringList({u"bob@ray.example"_s})); // % is literal
        QCOMPARE(match({u"e_e"_s, {}, {}, {}}), QStringList({u"cy@harbour.example"_s})); // _ is literal
        QCOMPARE(match({{}, u"BUYER"_s, {}, {}}), QStringList({u"ann@lee.example"_s, u"di@eve.example"_s}));
        QCOMPARE(match({{}, {}, u"hot"_s, {}}), QStringList({u"di@eve.example"_s}));
        QCOMPARE(match({{}, {}, {}, u"vip"_s}), QStringList({u"ann@lee.example"_s, u"bob@ray.example"_s}));
        QCOMPARE(match({{}, u"buyer"_s, {}, u"cold"_s}), QStringList({u"di@eve.example"_s}));
        QCOMPARE(match({u"nobody"_s, {}, {}, {}}), QStringList());

        QCOMPARE(leads.categories(), QStringList({u"buyer"_s, u"landlord"_s, u"Seller"_s}));
        QCOMPARE(leads.tags(), QStringList({u"cold"_s, u"vip"_s}));
    }

    void pagingByOffsetAndByKeyAgree_data()
    {
        QTest::addColumn<int>("sortKey");
        QTest::addColumn<bool>("descending");
        for (const auto &[key, name] : {std::pair{LeadSortKey::Id, "id"}, {LeadSortKey::Email, "email"},
                                         {LeadSortKey::LastName, "last name"}, {LeadSortKey::Company, "company"},
                                         {LeadSortKey::Stage, "stage"}, {LeadSortKey::Score, "score"}}) {
            QTest::addRow("%s asc", name) << int(key) << false;
            QTest::addRow("%s desc", name) << int(key) << true;
        }
    }

    void pagingByOffsetAndByKeyAgree()
    {
        QFETCH(int, sortKey);
        QFETCH(bool, descending);
        LeadStore leads = store();
        QString error;
        const QStringList stages = leads.stages();
        // 257 leads with many equal sort values, so ties must be broken by id.
        for (int i = 0; i < 257; ++i) {
            Lead lead = makeLead(u"lead%1@example.com"_s.arg(i, 3, 10, QChar(u'0')), u"F%1"_s.arg(i % 7),
                                 u"l%1"_s.arg(i % 13), i % 3 ? u"Company %1"_s.arg(i % 5) : QString(),
                                 i % 2 ? u"buyer"_s : u"seller"_s);
            lead.stage = stages.at((i * 7) % stages.size());
            lead.score = (i * 37) % 11;
            QVERIFY2(leads.add(lead, &error), qPrintable(error));
        }

        LeadQuery query;
        query.filter.category = u"buyer"_s;
        query.sortKey = LeadSortKey(sortKey);
        query.descending = descending;
        query.limit = 0; // everything at once: the reference order
        const QList<Lead> reference = leads.page(query).leads;
        QCOMPARE(reference.size(), 128);
        QCOMPARE(leads.count(query.filter), 128);

        query.limit = 20;
        QList<Lead> byKey;
        int pages = 0;
        while (true) {
            const LeadPage page = leads.page(query);
            byKey += page.leads;
            ++pages;
            if (!page.next)
                break;
            query.after = page.next;
            QVERIFY(pages < 100);
        }
        QCOMPARE(emails(byKey), emails(reference));

        query.after.reset();
        QList<Lead> byOffset;
        for (query.offset = 0; query.offset < 200; query.offset += 20)
            byOffset += leads.page(query).leads;
        QCOMPARE(emails(byOffset), emails(reference));

        // The reference really is sorted by the key (spot-check two keys against C++).
        if (LeadSortKey(sortKey) == LeadSortKey::Score) {
            for (qsizetype i = 1; i < reference.size(); ++i) {
                const Lead &a = reference.at(i - 1);
                const Lead &b = reference.at(i);
                QVERIFY(descending ? (a.score > b.score || (a.score == b.score && a.id > b.id))
                                   : (a.score < b.score || (a.score == b.score && a.id < b.id)));
            }
        }
        if (LeadSortKey(sortKey) == LeadSortKey::Stage) {
            for (qsizetype i = 1; i < reference.size(); ++i) {
                const auto pa = stages.indexOf(reference.at(i - 1).stage);
                const auto pb = stages.indexOf(reference.at(i).stage);
                QVERIFY(descending ? pa >= pb : pa <= pb);
            }
        }
    }

    void defaultOrderReadsAnIndexNotASort()
    {
        // The Leads screen's first page (last updated, newest first) and every
        // page after it by key: SQLite walks an index instead of sorting all leads.
        LeadQuery request;
        request.sortKey = LeadSortKey::UpdatedAt;
        request.descending = true;
        request.limit = 200;
        for (const bool byKey : {false, true}) {
            QString sql = u"EXPLAIN QUERY PLAN SELECT id FROM leads"_s;
            if (byKey)
                sql += u" WHERE (leads.updated_at < 5 OR (leads.updated_at = 5 AND leads.id < 9))"_s;
            sql += u" ORDER BY leads.updated_at DESC, leads.id DESC LIMIT 200"_s;
            QSqlQuery plan(m_workspace->database());
            QVERIFY2(plan.exec(sql), qPrintable(plan.lastError().text()));
            QStringList steps;
            while (plan.next())
                steps << plan.value(3).toString();
            QVERIFY2(!steps.join(u'\n').contains(u"TEMP B-TREE"_s), qPrintable(steps.join(u'\n')));
        }
        // And the store's own query returns that order.
        LeadStore store(*m_workspace);
        for (int i = 0; i < 5; ++i) {
            Lead lead;
            lead.email = u"o%1@example.com"_s.arg(i);
            QVERIFY(store.add(lead));
        }
        const LeadPage page = store.page(request);
        QCOMPARE(page.leads.size(), 5);
        for (int i = 1; i < page.leads.size(); ++i) {
            const auto &newer = page.leads.at(i - 1);
            const auto &older = page.leads.at(i);
            QVERIFY(newer.updatedAt > older.updatedAt || (newer.updatedAt == older.updatedAt && newer.id > older.id));
        }
    }

    void stageListIsEditable()
    {
        LeadStore leads = store();
        QString error;
        Lead lead = makeLead(u"st@example.com"_s, u"S"_s, u"T"_s);
        lead.stage = u"Engaged"_s;
        QVERIFY(leads.add(lead, &error));

        QVERIFY(!leads.setStages({u"New"_s, u"Won"_s}, &error));
        QVERIFY2(error.contains(u"Engaged"_s), qPrintable(error));
        QVERIFY(!leads.setStages({u"New"_s, u"new"_s, u"Engaged"_s}, &error));
        QVERIFY(!leads.setStages({}, &error));
        QCOMPARE(leads.stages().size(), 6);

        const QStringList custom = {u"Engaged"_s, u"New"_s, u"Viewing booked"_s, u"Offer made"_s};
        QVERIFY2(leads.setStages(custom, &error), qPrintable(error));
        QCOMPARE(leads.stages(), custom);
        QVERIFY2(leads.setStage(lead.id, u"offer made"_s, &error), qPrintable(error));
        QCOMPARE(leads.find(lead.id)->stage, u"Offer made"_s);
    }

    void notesFormATimeline()
    {
        LeadStore leads = store();
        QString error;
        Lead lead = makeLead(u"note@example.com"_s, u"N"_s, u"O"_s);
        QVERIFY(leads.add(lead, &error));
        const auto first = leads.addNote(lead.id, u"  First call, interested in 3-bed houses  "_s, &error);
        QVERIFY2(first, qPrintable(error));
        QCOMPARE(first->text, u"First call, interested in 3-bed houses"_s);
        QVERIFY(leads.addNote(lead.id, u"Sent brochure\nwith two lines"_s, &error));
        QVERIFY(!leads.addNote(lead.id, u"   "_s, &error));
        QVERIFY(!leads.addNote(lead.id + 1000, u"lost"_s, &error));
        QVERIFY2(error.contains(u"no lead"_s), qPrintable(error));

        const QList<Note> notes = leads.notes(lead.id);
        QCOMPARE(notes.size(), 2);
        QCOMPARE(notes.at(0).id, first->id);
        QCOMPARE(notes.at(1).text, u"Sent brochure\nwith two lines"_s);
        QVERIFY(notes.at(0).createdAt <= notes.at(1).createdAt);
        QCOMPARE(notes.at(0).createdAt.timeSpec(), Qt::UTC);
    }
};

QTEST_GUILESS_MAIN(TestLeadStore)
#include "tst_leadstore.moc"
