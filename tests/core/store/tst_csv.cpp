// The CSV layer on its own: encoding detection, the Windows-1252 table, separator detection,
// the reader's handling of quotes and line numbers, and the writer's quoting.
#include "store/csvreader.h"
#include "store/csvwriter.h"
#include "store/textdecoder.h"

#include <QBuffer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace leadtrail;

namespace {

QList<CsvReader::Record> readAll(const QString &text, QChar separator)
{
    CsvReader reader(text, separator);
    QList<CsvReader::Record> records;
    CsvReader::Record record;
    while (reader.next(record))
        records.append(record);
    return records;
}

} // namespace

class TestCsv : public QObject
{
    Q_OBJECT

private slots:
    void windows1252MapsTheBytesWhereItDiffersFromLatin1()
    {
        // Code points from the Unicode Consortium's CP1252.TXT mapping table.
        const QList<QPair<uchar, char16_t>> expected = {
            {0x80, 0x20AC}, {0x82, 0x201A}, {0x83, 0x0192}, {0x84, 0x201E}, {0x85, 0x2026}, {0x86, 0x2020},
            {0x87, 0x2021}, {0x88, 0x02C6}, {0x89, 0x2030}, {0x8A, 0x0160}, {0x8B, 0x2039}, {0x8C, 0x0152},
            {0x8E, 0x017D}, {0x91, 0x2018}, {0x92, 0x2019}, {0x93, 0x201C}, {0x94, 0x201D}, {0x95, 0x2022},
            {0x96, 0x2013}, {0x97, 0x2014}, {0x98, 0x02DC}, {0x99, 0x2122}, {0x9A, 0x0161}, {0x9B, 0x203A},
            {0x9C, 0x0153}, {0x9E, 0x017E}, {0x9F, 0x0178},
            // undefined in CP1252: kept as the C1 control of the same value (WHATWG)
            {0x81, 0x0081}, {0x8D, 0x008D}, {0x8F, 0x008F}, {0x90, 0x0090}, {0x9D, 0x009D},
            // the rest is ISO-8859-1
            {0x41, u'A'}, {0xA0, 0x00A0}, {0xC9, 0x00C9}, {0xE9, 0x00E9}, {0xFF, 0x00FF},
        };
        for (const auto &[byte, codePoint] : expected) {
            const QString text = TextDecoder::decodeWindows1252(QByteArray(1, char(byte)));
            QCOMPARE(text.size(), 1);
            QVERIFY2(text.at(0).unicode() == codePoint, qPrintable(u"byte 0x%1"_s.arg(byte, 2, 16)));
        }
    }

    void detectsTheEncoding_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<QString>("text");
        QTest::newRow("utf-8") << QByteArray("Zo\xC3\xAB,\xE2\x82\xAC") << u"UTF-8"_s << u"Zoë,€"_s;
        QTest::newRow("utf-8 bom") << QByteArray("\xEF\xBB\xBFJos\xC3\xA9") << u"UTF-8 with BOM"_s << u"José"_s;
        QTest::newRow("1252") << QByteArray("Jos\xE9;250 \x80") << u"Windows-1252"_s << u"José;250 €"_s;
        QTest::newRow("1252 late") << QByteArray(4000, 'a') + QByteArray("\x93quoted\x94")
                                   << u"Windows-1252"_s << QString(4000, u'a') + u"“quoted”"_s;
        QTest::newRow("ascii") << QByteArray("plain") << u"UTF-8"_s << u"plain"_s;
    }

    void detectsTheEncoding()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, encoding);
        QFETCH(QString, text);
        const TextDecoder::Result result = TextDecoder::decode(bytes);
        QCOMPARE(TextDecoder::encodingName(result.encoding), encoding);
        QCOMPARE(result.text, text);
    }

    void detectsTheSeparator_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("separator");
        QTest::newRow("comma") << u"a,b,c\n1,2,3\n"_s << u","_s;
        QTest::newRow("semicolon") << u"a;b;c\n1;2;3\n"_s << u";"_s;
        QTest::newRow("tab") << u"a\tb\tc\n1\t2\t3\n"_s << u"\t"_s;
        QTest::newRow("semicolon with commas in values") << u"name;email\nSmith, Jane;j@x.com\nDoe, John;d@x.com\n"_s << u";"_s;
        QTest::newRow("commas inside quotes do not count") << u"\"a;b\",\"c;d\";e\n1;2\n"_s << u";"_s;
        QTest::newRow("single column") << u"email\na@x.com\n"_s << u","_s;
        QTest::newRow("no line end") << u"a\tb"_s << u"\t"_s;
    }

    void detectsTheSeparator()
    {
        QFETCH(QString, text);
        QFETCH(QString, separator);
        QCOMPARE(QString(CsvReader::detectSeparator(text)), separator);
    }

    void readsQuotesAndCountsPhysicalLines()
    {
        const QString text = u"h1,h2,h3\r\n"                // line 1
                             "\"a,1\",\"say \"\"hi\"\"\",x\r\n" // line 2
                             "b,\"two\r\nlines\",y\r\n"        // lines 3-4
                             "\r\n"                            // line 5: blank
                             "c,5\" screen,\"q\"tail\n"        // line 6: stray quotes kept
                             "d,\"three\nline\nvalue\",z\r"    // lines 7-9, CR line end
                             "e,last,no-newline"_s;            // line 10
        const QList<CsvReader::Record> records = readAll(text, u',');
        QCOMPARE(records.size(), 7);
        QCOMPARE(records[0].fields, QStringList({u"h1"_s, u"h2"_s, u"h3"_s}));
        QCOMPARE(records[1].fields, QStringList({u"a,1"_s, u"say \"hi\""_s, u"x"_s}));
        QCOMPARE(records[1].line, 2);
        QCOMPARE(records[2].fields, QStringList({u"b"_s, u"two\r\nlines"_s, u"y"_s}));
        QCOMPARE(records[2].line, 3);
        QVERIFY(records[3].isBlank());
        QCOMPARE(records[3].line, 5);
        QCOMPARE(records[4].fields, QStringList({u"c"_s, u"5\" screen"_s, u"qtail"_s}));
        QCOMPARE(records[4].line, 6);
        QCOMPARE(records[5].fields, QStringList({u"d"_s, u"three\nline\nvalue"_s, u"z"_s}));
        QCOMPARE(records[5].line, 7);
        QCOMPARE(records[6].fields, QStringList({u"e"_s, u"last"_s, u"no-newline"_s}));
        QCOMPARE(records[6].line, 10);
        for (const auto &record : records)
            QVERIFY(!record.unterminatedQuote);
    }

    void reportsAnUnterminatedQuote()
    {
        const QList<CsvReader::Record> records = readAll(u"a,b\n1,\"open\n2,3\n"_s, u',');
        QCOMPARE(records.size(), 2);
        QVERIFY(records[1].unterminatedQuote);
        QCOMPARE(records[1].line, 2);
    }

    void emptyFieldsAndTrailingSeparators()
    {
        const QList<CsvReader::Record> records = readAll(u";;\n\"\";x;\n"_s, u';');
        QCOMPARE(records.size(), 2);
        QCOMPARE(records[0].fields, QStringList({QString(), QString(), QString()}));
        QCOMPARE(records[1].fields, QStringList({QString(), u"x"_s, QString()}));
    }

    void writerQuotesWhatNeedsItAndReadsBack()
    {
        const QStringList tricky = {u"plain"_s, u"comma, inside"_s, u"quote \" inside"_s, u"line\r\nbreak"_s,
                                    u" padded "_s, QString(), u"ünïcødé €"_s, u"semi;colon"_s};
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        {
            CsvWriter writer(buffer);
            writer.writeRecord(tricky);
            writer.writeRecord({u"second"_s});
        }
        const QByteArray bytes = buffer.data();
        QVERIFY(bytes.startsWith("plain,\"comma, inside\",\"quote \"\" inside\",\"line\r\nbreak\",\" padded \",,"));
        QVERIFY(bytes.endsWith("\r\nsecond\r\n"));
        const TextDecoder::Result decoded = TextDecoder::decode(bytes);
        QCOMPARE(decoded.encoding, TextDecoder::Encoding::Utf8);
        const QList<CsvReader::Record> records = readAll(decoded.text, u',');
        QCOMPARE(records.size(), 2);
        QCOMPARE(records[0].fields, tricky);
        QCOMPARE(records[1].line, 3);
    }
};

QTEST_APPLESS_MAIN(TestCsv)
#include "tst_csv.moc"
