// Bulk stage and tag changes, and the import preview, on a real workspace database.
#include "insight/leadtimeline.h"
#include "store/leadbulkeditor.h"
#include "store/leadimporter.h"
#include "store/leadstore.h"
#include "store/workspace.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace leadtrail;

class TestLeadBulkEdit : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    QList<qint64> m_ids;
    int m_counter = 0;

    QByteArray fixture(const QString &name)
    {
        QFile file(QStringLiteral(LEADTRAIL_TEST_DATA "/csv/") + name);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return file.readAll();
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        m_workspace.reset();
        m_workspace = Workspace::open(m_dir.filePath(u"ws%1"_s.arg(++m_counter)),
                                      Workspace::OpenMode::CreateIfMissing, &error);
        QVERIFY2(m_workspace, qPrintable(error));
        LeadStore store(*m_workspace);
        m_ids.clear();
        for (int i = 0; i < 5; ++i) {
            Lead lead;
            lead.email = u"bulk%1@example.com"_s.arg(i);
            lead.tags = i == 0 ? QStringList{u"vip"_s} : QStringList{};
            QVERIFY2(store.add(lead, &error), qPrintable(error));
            m_ids.append(lead.id);
        }
    }

    void cleanup() { m_workspace.reset(); }

    void stageChangeForThreeIsRecordedByHand()
    {
        LeadBulkEditor editor(*m_workspace);
        QString error;
        const QList<qint64> three = m_ids.mid(1, 3);
        QCOMPARE(editor.setStage(three, u"engaged"_s, &error), 3);
        LeadStore store(*m_workspace);
        for (const qint64 id : three)
            QCOMPARE(store.find(id)->stage, u"Engaged"_s); // the stored spelling
        QCOMPARE(store.find(m_ids.first())->stage, u"New"_s);
        QCOMPARE(store.find(m_ids.last())->stage, u"New"_s);

        const auto timeline = LeadTimeline::build(*m_workspace, three.first(), &error);
        QVERIFY2(timeline, qPrintable(error));
        const auto change = std::find_if(timeline->cbegin(), timeline->cend(), [](const TimelineItem &item) {
            return item.kind == TimelineItem::Kind::StageChanged;
        });
        QVERIFY(change != timeline->cend());
        QCOMPARE(change->title, u"New → Engaged"_s);
        QCOMPARE(change->detail, u"by hand"_s);

        // Already there: nothing changes, and no second history row appears.
        QCOMPARE(editor.setStage(three, u"Engaged"_s, &error), 0);
        const auto again = LeadTimeline::build(*m_workspace, three.first(), &error);
        QCOMPARE(int(std::count_if(again->cbegin(), again->cend(), [](const TimelineItem &item) {
                     return item.kind == TimelineItem::Kind::StageChanged;
                 })), 1);
    }

    void unknownStageOrLeadChangesNothing()
    {
        LeadBulkEditor editor(*m_workspace);
        QString error;
        QCOMPARE(editor.setStage(m_ids, u"Nowhere"_s, &error), -1);
        QVERIFY2(error.contains(u"unknown stage"_s), qPrintable(error));
        // A missing lead at the end rolls back the ones before it.
        error.clear();
        QCOMPARE(editor.setStage(QList<qint64>{m_ids.at(0), m_ids.at(1), 999999}, u"Engaged"_s, &error), -1);
        QVERIFY2(error.contains(u"999999"_s), qPrintable(error));
        LeadStore store(*m_workspace);
        for (const qint64 id : std::as_const(m_ids))
            QCOMPARE(store.find(id)->stage, u"New"_s);
    }

    void addAndRemoveTag()
    {
        LeadBulkEditor editor(*m_workspace);
        QString error;
        // The first already has "vip" (any case): only the other two change.
        QCOMPARE(editor.addTag(m_ids.mid(0, 3), u"VIP"_s, &error), 2);
        LeadStore store(*m_workspace);
        QCOMPARE(store.count(LeadFilter{{}, {}, {}, u"vip"_s}), 3);
        QCOMPARE(store.find(m_ids.at(0))->tags, QStringList{u"vip"_s});
        QCOMPARE(editor.addTag(m_ids.mid(3), u"open-house"_s, &error), 2);
        QCOMPARE(store.find(m_ids.at(4))->tags, QStringList{u"open-house"_s});

        QCOMPARE(editor.removeTag(m_ids, u"vip"_s, &error), 3);
        QCOMPARE(store.count(LeadFilter{{}, {}, {}, u"vip"_s}), 0);
        QCOMPARE(store.count(LeadFilter{{}, {}, {}, u"open-house"_s}), 2);

        QCOMPARE(editor.addTag(m_ids, u"a,b"_s, &error), -1);
        QVERIFY2(error.contains(u"cannot contain"_s), qPrintable(error));
        QCOMPARE(editor.addTag(m_ids, u"  "_s, &error), -1);
        QCOMPARE(store.tags(), QStringList{u"open-house"_s});
    }

    void previewDetectsAndMapsWithoutWriting()
    {
        ImportPreview preview;
        QString error;
        QVERIFY2(LeadImporter::preview(fixture(u"windows1252_semicolon.csv"_s), {}, 10, &preview, &error),
                 qPrintable(error));
        QCOMPARE(preview.encoding, u"Windows-1252"_s);
        QCOMPARE(preview.separator, u';');
        QCOMPARE(preview.header.size(), 6);
        QCOMPARE(preview.rows.size(), 2);
        QCOMPARE(preview.rows.at(0).at(1), u"José"_s);
        QCOMPARE(preview.rows.at(0).at(3), u"Inmobiliaria Peña; Hijos"_s);
        QCOMPARE(preview.targets,
                 QStringList({u"email"_s, u"first_name"_s, u"last_name"_s, u"company"_s, u"custom:Budget"_s,
                              u"custom:Remarque"_s}));
        QVERIFY(preview.problem.isEmpty());

        // A changed mapping is planned as the import would, and a bad one says why.
        QVERIFY(LeadImporter::preview(fixture(u"windows1252_semicolon.csv"_s), {{u"remarque"_s, u"ignore"_s}}, 1,
                                      &preview, &error));
        QCOMPARE(preview.targets.last(), u"ignore"_s);
        QCOMPARE(preview.rows.size(), 1);
        QVERIFY(LeadImporter::preview(fixture(u"windows1252_semicolon.csv"_s), {{u"Email"_s, u"ignore"_s}}, 1,
                                      &preview, &error));
        QVERIFY2(preview.problem.contains(u"no email column"_s), qPrintable(preview.problem));

        QVERIFY(!LeadImporter::preview(QByteArray("\n\n"), {}, 5, &preview, &error));
        QVERIFY(error.contains(u"empty"_s));
        QCOMPARE(LeadStore(*m_workspace).count(), 5);
    }

    void cancelledImportSavesNothing()
    {
        QByteArray data = "email,first_name\n";
        for (int i = 0; i < 2000; ++i)
            data += "cancel" + QByteArray::number(i) + "@example.com,Name\n";
        LeadImporter::Options options;
        int calls = 0;
        int lastLine = 0;
        int lineCount = 0;
        options.progress = [&](int line, int lines) {
            ++calls;
            lastLine = line;
            lineCount = lines;
            return calls < 2;
        };
        QString error;
        ImportReport report;
        QVERIFY(!LeadImporter(*m_workspace).importData(data, options, &report, &error));
        QVERIFY2(error.contains(u"cancelled"_s), qPrintable(error));
        QCOMPARE(calls, 2);
        QCOMPARE(lastLine, 1001); // record 1000 starts on line 1001, after the header
        QCOMPARE(lineCount, 2002);
        QCOMPARE(LeadStore(*m_workspace).count(), 5);
    }
};

QTEST_GUILESS_MAIN(TestLeadBulkEdit)
#include "tst_leadbulkedit.moc"
