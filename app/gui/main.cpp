// The desktop application: parses the command line, loads the translation,
// opens the workspace and wires it to the main window.

#include "mainwindow.h"
#include "theme.h"
#include "store/version.h"
#include "store/workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <memory>

namespace {

void installTranslations(QApplication &app, const QLocale &locale)
{
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qtTranslator);
    // English plural forms ("1 lead", "2 leads") beneath every language:
    // Qt asks the translator installed last first.
    auto *plurals = new QTranslator(&app);
    if (plurals->load(QStringLiteral(":/i18n/leadtrail_en.qm")))
        QApplication::installTranslator(plurals);
    auto *translator = new QTranslator(&app);
    if (translator->load(locale, QStringLiteral("leadtrail"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(translator);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Leadtrail"));
    QApplication::setApplicationName(QStringLiteral("Leadtrail"));
    QApplication::setApplicationVersion(leadtrail::applicationVersion());
    QApplication::setDesktopFileName(QStringLiteral("leadtrail"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Leadtrail desktop CRM"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption workspaceOption(QStringLiteral("workspace"),
                                       QApplication::translate("main", "Open the workspace in <folder>."),
                                       QStringLiteral("folder"));
    QCommandLineOption languageOption(QStringLiteral("language"),
                                      QApplication::translate("main", "Use <language> (e.g. de) instead of the system's."),
                                      QStringLiteral("language"));
    QCommandLineOption themeOption(QStringLiteral("theme"),
                                   QApplication::translate("main", "Use the <theme>: system, light or dark."),
                                   QStringLiteral("theme"));
    parser.addOption(workspaceOption);
    parser.addOption(languageOption);
    parser.addOption(themeOption);
    parser.process(app);

    QSettings appSettings;
    const QString language = parser.isSet(languageOption)
        ? parser.value(languageOption)
        : appSettings.value(QStringLiteral("language")).toString();
    installTranslations(app, language.isEmpty() ? QLocale() : QLocale(language));

    leadtrail::Theme::apply(leadtrail::Theme::fromName(
        parser.isSet(themeOption) ? parser.value(themeOption)
                                  : appSettings.value(QStringLiteral("theme")).toString()));

    leadtrail::MainWindow window;
    std::unique_ptr<leadtrail::Workspace> workspace;

    auto openWorkspace = [&](const QString &folder, bool create) {
        QString error;
        auto opened = leadtrail::Workspace::open(
            folder,
            create ? leadtrail::Workspace::OpenMode::CreateIfMissing
                   : leadtrail::Workspace::OpenMode::OpenExisting,
            &error);
        if (!opened) {
            window.showWorkspaceError(error);
            return;
        }
        window.setWorkspace(nullptr);
        workspace = std::move(opened);
        window.setWorkspace(workspace.get());
        appSettings.setValue(QStringLiteral("lastWorkspace"), workspace->folder());
    };
    QObject::connect(&window, &leadtrail::MainWindow::workspaceRequested, &window, openWorkspace);

    const QString folder = parser.isSet(workspaceOption)
        ? parser.value(workspaceOption)
        : appSettings.value(QStringLiteral("lastWorkspace")).toString();
    if (!folder.isEmpty())
        openWorkspace(folder, parser.isSet(workspaceOption));

    window.show();
    const int status = QApplication::exec();
    window.setWorkspace(nullptr);
    return status;
}
