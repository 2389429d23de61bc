// CSV import into a real workspace, one hand-written fixture per real-world case,
// and the export → import round trip.
#include "store/leadexporter.h"
#include "store/leadimporter.h"
#include "store/leadstore.h"
#include "store/workspace.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace leadtrail;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(LEADTRAIL_TEST_DATA) + u"/csv/"_s + name;
}

QString skippedText(const ImportReport &report)
{
    QStringList lines;
    for (const SkippedRow &row : report.skipped)
        lines.append(u"%1: %2"_s.arg(row.line).arg(row.reason));
    return lines.join(u'\n');
}

QList<Lead> allLeads(const LeadStore &store)
{
    LeadQuery query;
    query.sortKey = LeadSortKey::Email;
    query.limit = 0;
    return store.page(query).leads;
}

} // namespace

class TestLeadImport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    int m_counter = 0;

    std::unique_ptr<Workspace> newWorkspace()
    {
        QString error;
        auto workspace = Workspace::open(m_dir.filePath(u"ws%1"_s.arg(++m_counter)),
                                         Workspace::OpenMode::CreateIfMissing, &error);
        if (!workspace)
            qWarning("%s", qPrintable(error));
        return workspace;
    }

    ImportReport importFixture(const QString &name, const LeadImporter::Options &options = {})
    {
        ImportReport report;
        QString error;
        const bool ok = LeadImporter(*m_workspace).importFile(fixture(name), options, &report, &error);
        if (!ok)
            qWarning("import of %s failed: %s", qPrintable(name), qPrintable(error));
        return report;
    }

    Lead lead(const QString &email) const { return LeadStore(*m_workspace).findByEmail(email).value_or(Lead{}); }

private slots:
    void init()
    {
        m_workspace = newWorkspace();
        QVERIFY(m_workspace);
    }

    void cleanup() { m_workspace.reset(); }

    void utf8WithBom()
    {
        const ImportReport report = importFixture(u"utf8_bom_comma.csv"_s);
        QCOMPARE(report.encoding, u"UTF-8 with BOM"_s);
        QCOMPARE(report.separator, QChar(u','));
        QCOMPARE(report.imported, 2);
        QVERIFY2(report.skipped.isEmpty(), qPrintable(skippedText(report)));
        // The BOM did not end up in the first header: "E-mail" was recognised.
        QVERIFY(report.columns.contains(u"E-mail → email"_s));
        const Lead zoe = lead(u"zoe.muller@example.com"_s);
        QCOMPARE(zoe.firstName, u"Zoë"_s);
        QCOMPARE(zoe.lastName, u"Müller"_s);
        QCOMPARE(zoe.company, u"Müller Immobilien GmbH"_s);
        QCOMPARE(zoe.phone, u"+49 30 1234567"_s);
        QCOMPARE(zoe.category, u"seller"_s);
        QCOMPARE(zoe.stage, u"Contacted"_s);
        QCOMPARE(zoe.tags, QStringList({u"open-house"_s, u"spring"_s}));
        QCOMPARE(lead(u"li.wei@example.cn"_s).company, u"北京地产"_s);
    }

    void utf8WithoutBomAndNonAsciiAddress()
    {
        const ImportReport report = importFixture(u"utf8_no_bom.csv"_s);
        QCOMPARE(report.encoding, u"UTF-8"_s);
        QCOMPARE(report.imported, 1);
        QCOMPARE(lead(u"ANAÏS.DUPONT@example.fr"_s).firstName, u"Anaïs"_s);
    }

    void windows1252WithSemicolons()
    {
        const ImportReport report = importFixture(u"windows1252_semicolon.csv"_s);
        QCOMPARE(report.encoding, u"Windows-1252"_s);
        QCOMPARE(report.separator, QChar(u';'));
        QCOMPARE(report.imported, 2);
        QVERIFY2(report.skipped.isEmpty(), qPrintable(skippedText(report)));
        QCOMPARE(report.customColumns, QStringList({u"Budget"_s, u"Remarque"_s}));
        const Lead jose = lead(u"jose@example.es"_s);
        QCOMPARE(jose.firstName, u"José"_s);
        QCOMPARE(jose.lastName, u"Núñez"_s);
        QCOMPARE(jose.company, u"Inmobiliaria Peña; Hijos"_s);
        QCOMPARE(jose.customFields.value(u"Budget"_s), u"250 000 €"_s);
        QCOMPARE(jose.customFields.value(u"Remarque"_s), u"“Très” intéressé – rappeler"_s);
        const Lead francoise = lead(u"francoise@example.fr"_s);
        QCOMPARE(francoise.firstName, u"Françoise"_s);
        QCOMPARE(francoise.lastName, u"Œlberg"_s);
        QCOMPARE(francoise.company, u"Š&Co"_s);
        QVERIFY(!francoise.customFields.contains(u"Remarque"_s)); // empty cells add nothing
    }

    void tabsAndCrmHeaders()
    {
        const ImportReport report = importFixture(u"tab_separated.csv"_s);
        QCOMPARE(report.separator, QChar(u'\t'));
        QCOMPARE(report.imported, 2);
        QVERIFY(report.columns.contains(u"Lifecycle Stage → stage"_s));
        // Two columns claim the stage: the first wins and the second is kept, not dropped.
        QCOMPARE(report.customColumns, QStringList({u"Lead Status"_s}));
        QCOMPARE(report.newStages, QStringList({u"Negotiation"_s}));
        const Lead tina = lead(u"tab.one@example.com"_s);
        QCOMPARE(tina.stage, u"Customer"_s);
        QCOMPARE(tina.tags, QStringList({u"repeat"_s, u"vip"_s}));
        QCOMPARE(tina.customFields.value(u"Lead Status"_s), u"Open deal"_s);
        QCOMPARE(lead(u"tab.two@example.com"_s).stage, u"Negotiation"_s);
        QCOMPARE(LeadStore(*m_workspace).stages().last(), u"Negotiation"_s);

        const ImportReport hubspot = importFixture(u"hubspot_export.csv"_s);
        QCOMPARE(hubspot.imported, 1);
        const Lead harriet = lead(u"harriet@example.com"_s);
        QCOMPARE(harriet.phone, u"555-0100"_s);
        QCOMPARE(harriet.company, u"Spot Homes"_s);
        QCOMPARE(harriet.owner, u"Sam Seller"_s);
        QCOMPARE(harriet.customFields.value(u"Create Date"_s), u"2024-03-01 10:00"_s);
    }

    void quotedSeparatorsQuotesAndNewlines()
    {
        const ImportReport report = importFixture(u"quoted.csv"_s);
        QCOMPARE(report.records, 4);
        QCOMPARE(report.imported, 3);
        QCOMPARE(skippedText(report), u"7: invalid email \"not-an-email\""_s);
        QCOMPARE(lead(u"ann@example.com"_s).company, u"Smith, Jones & Co"_s);
        QCOMPARE(lead(u"ann@example.com"_s).customFields.value(u"Notes"_s), u"Met at the \"Spring\" open house"_s);
        QCOMPARE(lead(u"bob@example.com"_s).customFields.value(u"Notes"_s), u"Line one\r\nline two\r\nline three"_s);
        QCOMPARE(lead(u"cat@example.com"_s).company, u"The \"Best\" Realty"_s);
    }

    void everyBadRowIsReportedWithItsLine()
    {
        const ImportReport report = importFixture(u"bad_rows.csv"_s);
        QCOMPARE(report.imported, 3);
        QCOMPARE(report.records, 9); // the blank line 11 is not a record
        QCOMPARE(skippedText(report),
                 u"3: missing email\n"
                 "4: invalid email \"bad@@example.com\"\n"
                 "7: duplicate of line 2 (same email GOOD1@example.com)\n"
                 "8: invalid email \"also bad\"\n"
                 "9: 5 fields, but the header has 4 (an unquoted separator in a value?)\n"
                 "12: invalid email \"no-domain@localhost\""_s);
        // The first occurrence is kept as it was; the rows around the bad ones are all there.
        QCOMPARE(lead(u"good1@example.com"_s).firstName, u"Good"_s);
        QCOMPARE(lead(u"multi@example.com"_s).firstName, u"Multi\nLine"_s);
        QCOMPARE(lead(u"good2@example.com"_s).category, u"landlord"_s);
        QCOMPARE(LeadStore(*m_workspace).count(), 3);
    }

    void unterminatedQuoteIsReported()
    {
        const ImportReport report = importFixture(u"unterminated.csv"_s);
        QCOMPARE(report.imported, 1);
        QCOMPARE(skippedText(report), u"3: a quoted field opened on this line is never closed"_s);
        // "name" is a full name: split into first and last.
        QCOMPARE(lead(u"a@example.com"_s).firstName, u"Ann"_s);
        QCOMPARE(lead(u"a@example.com"_s).lastName, u"Archer"_s);
    }

    void reimportUpdatesInsteadOfDuplicating()
    {
        QCOMPARE(importFixture(u"reimport_first.csv"_s).imported, 2);
        const Lead before = lead(u"ann@reimport.example"_s);
        const ImportReport report = importFixture(u"reimport_update.csv"_s);
        QCOMPARE(report.imported, 1);
        QCOMPARE(report.updated, 1);
        QCOMPARE(LeadStore(*m_workspace).count(), 3);
        const Lead ann = lead(u"ann@reimport.example"_s);
        QCOMPARE(ann.id, before.id);
        QCOMPARE(ann.email, u"ann@reimport.example"_s); // first spelling kept
        QCOMPARE(ann.firstName, u"Ann"_s);               // not in the file: kept
        QCOMPARE(ann.lastName, u"New"_s);                // changed
        QCOMPARE(ann.company, u"OldCo"_s);               // empty cell: kept
        QCOMPARE(ann.score, 5);
        QCOMPARE(ann.category, u"buyer"_s);
        QCOMPARE(ann.tags, QStringList({u"t1"_s, u"t2"_s})); // merged
        QCOMPARE(ann.customFields.value(u"Region"_s), u"North"_s);
        QCOMPARE(ann.createdAt, before.createdAt);
        QCOMPARE(lead(u"bob@reimport.example"_s).company, u"BCo"_s);
    }

    void explicitMapAndCustomFields()
    {
        ImportReport report;
        QString error;
        LeadImporter importer(*m_workspace);
        // Without a map the file has no email column: refused, nothing written.
        QVERIFY(!importer.importFile(fixture(u"custom_map.csv"_s), {}, &report, &error));
        QVERIFY2(error.contains(u"no email column"_s) && error.contains(u"--map"_s), qPrintable(error));

        LeadImporter::Options options;
        options.columnMap = {{u"contact handle"_s, u"email"_s}, {u"Given"_s, u"first_name"_s},
                             {u"Org"_s, u"company"_s}, {u"Internal ID"_s, u"ignore"_s}};
        QVERIFY2(importer.importFile(fixture(u"custom_map.csv"_s), options, &report, &error), qPrintable(error));
        QCOMPARE(report.imported, 1);
        QCOMPARE(report.customColumns, QStringList({u"Zip"_s}));
        const Lead hal = lead(u"hal@example.com"_s);
        QCOMPARE(hal.firstName, u"Hal"_s);
        QCOMPARE(hal.company, u"Org One"_s);
        QCOMPARE(hal.customFields, (QMap<QString, QString>{{u"Zip"_s, u"12345"_s}}));

        options.columnMap = {{u"Contact Handle"_s, u"email"_s}, {u"Zip"_s, u"postcode"_s}};
        QVERIFY(!importer.importFile(fixture(u"custom_map.csv"_s), options, &report, &error));
        QVERIFY2(error.contains(u"unknown field \"postcode\""_s), qPrintable(error));
        options.columnMap = {{u"Contact Handle"_s, u"email"_s}, {u"Zip"_s, u"custom:Postcode"_s}};
        QVERIFY(importer.importFile(fixture(u"custom_map.csv"_s), options, &report, &error));
        QCOMPARE(lead(u"hal@example.com"_s).customFields.value(u"Postcode"_s), u"12345"_s);
        options.columnMap = {{u"Handle"_s, u"email"_s}};
        QVERIFY(!importer.importFile(fixture(u"custom_map.csv"_s), options, &report, &error));
        QVERIFY2(error.contains(u"\"Handle\""_s), qPrintable(error));
    }

    void repeatedHeadersKeepEveryColumn()
    {
        ImportReport report;
        QString error;
        QVERIFY2(LeadImporter(*m_workspace)
                     .importData("email,Notes,notes,Email Address\nrep@example.com,first,second,other@example.com\n",
                                 {}, &report, &error),
                 qPrintable(error));
        QCOMPARE(report.customColumns, QStringList({u"Notes"_s, u"notes (2)"_s, u"Email Address"_s}));
        const Lead rep = lead(u"rep@example.com"_s);
        QCOMPARE(rep.customFields.value(u"Notes"_s), u"first"_s);
        QCOMPARE(rep.customFields.value(u"notes (2)"_s), u"second"_s);
        QCOMPARE(rep.customFields.value(u"Email Address"_s), u"other@example.com"_s);
    }

    void unreadableInputIsAnErrorThatWritesNothing()
    {
        ImportReport report;
        QString error;
        LeadImporter importer(*m_workspace);
        QVERIFY(!importer.importFile(m_dir.filePath(u"missing.csv"_s), {}, &report, &error));
        QVERIFY2(error.contains(u"missing.csv"_s), qPrintable(error));
        QVERIFY(!importer.importData(QByteArray(), {}, &report, &error));
        QVERIFY2(error.contains(u"empty"_s), qPrintable(error));
        QVERIFY(!importer.importData("\n\n  \n", {}, &report, &error));
        QVERIFY(!importer.importFile(fixture(u"no_email_column.csv"_s), {}, &report, &error));
        QCOMPARE(LeadStore(*m_workspace).count(), 0);
    }

    void dryRunReportsButSavesNothing()
    {
        LeadImporter::Options options;
        options.dryRun = true;
        const ImportReport report = importFixture(u"bad_rows.csv"_s, options);
        QVERIFY(report.dryRun);
        QCOMPARE(report.imported, 3);
        QCOMPARE(report.skipped.size(), 6);
        QCOMPARE(LeadStore(*m_workspace).count(), 0);
        options.dryRun = true;
        QCOMPARE(importFixture(u"tab_separated.csv"_s, options).newStages, QStringList({u"Negotiation"_s}));
        QCOMPARE(LeadStore(*m_workspace).stages().size(), 6);
    }

    void theSampleWorkspaceDataImportsCleanly()
    {
        // scripts/run imports this file into the demo workspace.
        ImportReport report;
        QString error;
        const QString sample = QStringLiteral(LEADTRAIL_SOURCE_DIR) + u"/resources/sample/leads.csv"_s;
        QVERIFY2(LeadImporter(*m_workspace).importFile(sample, {}, &report, &error), qPrintable(error));
        QVERIFY2(report.skipped.isEmpty(), qPrintable(skippedText(report)));
        QVERIFY(report.newStages.isEmpty());
        QVERIFY(report.imported >= 30);
        const LeadStore store(*m_workspace);
        QCOMPARE(store.categories(), QStringList({u"buyer"_s, u"landlord"_s, u"seller"_s}));
        for (const QString &stage : store.stages())
            QVERIFY2(store.count({{}, {}, stage, {}}) > 0, qPrintable(stage));
    }

    void exportThenImportGivesTheSameLeads()
    {
        for (const char *name : {"utf8_bom_comma.csv", "windows1252_semicolon.csv", "tab_separated.csv",
                                 "quoted.csv", "bad_rows.csv", "hubspot_export.csv", "reimport_first.csv"}) {
            importFixture(QString::fromLatin1(name));
        }
        LeadStore source(*m_workspace);
        QString error;
        Lead tricky;
        tricky.email = u"tricky@example.com"_s;
        tricky.firstName = u"Ünïcødé, \"quoted\""_s;
        tricky.customFields = {{u"Status"_s, u"looks like a field name"_s}, {u"Note"_s, u"multi\nline; with, separators"_s}};
        tricky.score = -3;
        tricky.bounced = true;
        tricky.unsubscribedAt = QDateTime(QDate(2024, 2, 29), QTime(23, 59, 58, 123), Qt::UTC);
        tricky.tags = {u"a b"_s, u"Z"_s};
        QVERIFY2(source.add(tricky, &error), qPrintable(error));
        QVERIFY(source.setStage(tricky.id, u"Lost"_s, &error));
        const QList<Lead> original = allLeads(source);
        QVERIFY(original.size() >= 15);

        const QString file = m_dir.filePath(u"export%1.csv"_s.arg(m_counter));
        QCOMPARE(LeadExporter(*m_workspace).exportToFile(file, {}, &error), qint64(original.size()));

        auto copy = newWorkspace();
        QVERIFY(copy);
        ImportReport report;
        QVERIFY2(LeadImporter(*copy).importFile(file, {}, &report, &error), qPrintable(error));
        QVERIFY2(report.skipped.isEmpty(), qPrintable(skippedText(report)));
        QCOMPARE(report.imported, original.size());
        const QList<Lead> copied = allLeads(LeadStore(*copy));
        QCOMPARE(copied.size(), original.size());
        for (qsizetype i = 0; i < original.size(); ++i) {
            QVERIFY2(copied.at(i).sameData(original.at(i)), qPrintable(original.at(i).email));
        }
        QCOMPARE(LeadStore(*copy).stages(), source.stages());

        // A filtered export holds just the matching leads.
        const QString sellers = m_dir.filePath(u"sellers%1.csv"_s.arg(m_counter));
        LeadFilter filter;
        filter.category = u"seller"_s;
        QCOMPARE(LeadExporter(*m_workspace).exportToFile(sellers, filter, &error), source.count(filter));
        QVERIFY(source.count(filter) > 0);
    }
};

QTEST_GUILESS_MAIN(TestLeadImport)
#include "tst_leadimport.moc"
