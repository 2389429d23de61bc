// The compiled translations as the program loads them: English plural forms
// beneath the user's language, German above them, and the English plural file
// in step with the sources.
#include "leadspage.h"
#include "mainwindow.h"
#include "store/leadstore.h"
#include "store/workspace.h"

#include <QFile>
#include <QLabel>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace leadtrail;

class TestTranslations final : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void englishCountsReadNaturally();
    void germanWinsOverEnglishPlurals();
    void pluralFileHasEveryCountedString();

private:
    bool install(const char *path);
    static QSet<QString> numerusSources(const QString &tsFile);

    QList<QTranslator *> m_installed;
};

bool TestTranslations::install(const char *path)
{
    auto *translator = new QTranslator(this);
    if (!translator->load(QString::fromUtf8(path)))
        return false;
    QCoreApplication::installTranslator(translator);
    m_installed.append(translator);
    return true;
}

void TestTranslations::cleanup()
{
    for (QTranslator *translator : std::as_const(m_installed)) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    m_installed.clear();
}

void TestTranslations::englishCountsReadNaturally()
{
    QVERIFY2(install(LEADTRAIL_PLURALS_QM), LEADTRAIL_PLURALS_QM);
    const auto count = [](const char *context, const char *text, int n) {
        return QCoreApplication::translate(context, text, nullptr, n);
    };
    QCOMPARE(count("leadtrail::LeadsPage", "%n lead(s)", 1), u"1 lead"_s);
    QCOMPARE(count("leadtrail::LeadsPage", "%n lead(s)", 2), u"2 leads"_s);
    QCOMPARE(count("leadtrail::LeadsPage", "%n lead(s)", 0), u"0 leads"_s);
    QCOMPARE(count("leadtrail::CampaignEditor", "Send to %n recipient(s)", 1), u"Send to 1 recipient"_s);
    QCOMPARE(count("leadtrail::StatsPanel", "%Ln open(s)", 1), u"1 open"_s);
    QCOMPARE(count("leadtrail::StatsPanel", "%Ln click(s)", 3), u"3 clicks"_s);
    QCOMPARE(count("leadtrail::SendProgressView",
                   "%n delivery(ies) with an unknown outcome are never resent automatically", 1),
             u"1 delivery with an unknown outcome is never resent automatically"_s);

    // And where a person reads it: the Leads screen of a workspace with one lead.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    auto workspace = Workspace::open(dir.filePath(u"ws"_s), Workspace::OpenMode::CreateIfMissing, &error);
    QVERIFY2(workspace, qPrintable(error));
    Lead lead;
    lead.email = u"only@example.com"_s;
    QVERIFY2(LeadStore(*workspace).add(lead, &error), qPrintable(error));
    MainWindow window;
    window.setWorkspace(workspace.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const auto labels = window.findChildren<QLabel *>();
    const bool shown = std::any_of(labels.cbegin(), labels.cend(), [](const QLabel *label) {
        return label->text() == u"1 lead"_s;
    });
    QVERIFY2(shown, "the Leads screen does not say \"1 lead\"");
    window.setWorkspace(nullptr);
}

void TestTranslations::germanWinsOverEnglishPlurals()
{
    // The order main() installs them in: English plurals first, the language last.
    QVERIFY2(install(LEADTRAIL_PLURALS_QM), LEADTRAIL_PLURALS_QM);
    QVERIFY2(install(LEADTRAIL_GERMAN_QM), LEADTRAIL_GERMAN_QM);
    QCOMPARE(QCoreApplication::translate("leadtrail::LeadsPage", "%n lead(s)", nullptr, 1), u"1 Lead"_s);
    QCOMPARE(QCoreApplication::translate("leadtrail::LeadsPage", "%n lead(s)", nullptr, 3), u"3 Leads"_s);
}

QSet<QString> TestTranslations::numerusSources(const QString &tsFile)
{
    QFile file(tsFile);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    static const QRegularExpression numerus(uR"(<message numerus="yes">\s*<source>(.*?)</source>)"_s,
                                            QRegularExpression::DotMatchesEverythingOption);
    QSet<QString> sources;
    const QString text = QString::fromUtf8(file.readAll());
    for (auto it = numerus.globalMatch(text); it.hasNext();)
        sources.insert(it.next().captured(1));
    return sources;
}

void TestTranslations::pluralFileHasEveryCountedString()
{
    // lupdate refreshes both files together (update_translations); a counted
    // string missing from the English file would read "2 lead(s)".
    const QString dir = QStringLiteral(LEADTRAIL_SOURCE_DIR "/translations/");
    const QSet<QString> german = numerusSources(dir + u"leadtrail_de.ts"_s);
    const QSet<QString> english = numerusSources(dir + u"leadtrail_en.ts"_s);
    QVERIFY(!german.isEmpty());
    const QSet<QString> missing = german - english;
    QVERIFY2(missing.isEmpty(), qPrintable(QStringList(missing.cbegin(), missing.cend()).join(u"\n"_s)));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
