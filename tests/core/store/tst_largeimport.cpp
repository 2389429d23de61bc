// A 100,000-row import completes in one piece. Its speed is measured by
// tests/bench/bench-import, not here: no timing assertion in a unit test.
#include "store/leadimporter.h"
#include "store/leadstore.h"
#include "store/workspace.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace leadtrail;

class TestLargeImport : public QObject
{
    Q_OBJECT

private slots:
    void importsOneHundredThousandRows()
    {
        constexpr int Rows = 100000;
        QTemporaryDir dir;
        const QString path = dir.filePath(u"large.csv"_s);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QByteArray chunk = "Email,First Name,Last Name,Company,Phone,Category,Stage,Tags,Region\r\n";
            const char *categories[] = {"buyer", "seller", "landlord"};
            const char *stages[] = {"New", "Contacted", "Engaged", "Hot", "Customer", "Lost"};
            for (int i = 0; i < Rows; ++i) {
                chunk += "lead" + QByteArray::number(i) + "@example.com,First" + QByteArray::number(i % 997)
                    + ",Last" + QByteArray::number(i % 1009) + ",\"Company " + QByteArray::number(i % 503)
                    + ", Ltd\",+1 555 " + QByteArray::number(100000 + i) + ',' + categories[i % 3] + ','
                    + stages[i % 6] + ",\"tag" + QByteArray::number(i % 10) + ";batch\",North\r\n";
                if (chunk.size() > (1 << 20)) {
                    QCOMPARE(file.write(chunk), chunk.size());
                    chunk.clear();
                }
            }
            QCOMPARE(file.write(chunk), chunk.size());
        }

        QString error;
        auto workspace = Workspace::open(dir.filePath(u"ws"_s), Workspace::OpenMode::CreateIfMissing, &error);
        QVERIFY2(workspace, qPrintable(error));
        ImportReport report;
        QVERIFY2(LeadImporter(*workspace).importFile(path, {}, &report, &error), qPrintable(error));
        QCOMPARE(report.records, Rows);
        QCOMPARE(report.imported, Rows);
        QVERIFY(report.skipped.isEmpty());

        const LeadStore store(*workspace);
        QCOMPARE(store.count(), qint64(Rows));
        LeadFilter sellers;
        sellers.category = u"seller"_s;
        QCOMPARE(store.count(sellers), qint64(Rows / 3));
        LeadFilter tagged;
        tagged.tag = u"tag7"_s;
        QCOMPARE(store.count(tagged), qint64(Rows / 10));
        const auto last = store.findByEmail(u"lead99999@example.com"_s);
        QVERIFY(last);
        QCOMPARE(last->company, u"Company %1, Ltd"_s.arg(99999 % 503));
        QCOMPARE(last->tags, QStringList({u"batch"_s, u"tag9"_s}));
        QCOMPARE(last->customFields.value(u"Region"_s), u"North"_s);
    }
};

QTEST_GUILESS_MAIN(TestLargeImport)
#include "tst_largeimport.moc"
