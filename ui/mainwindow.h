#pragma once

#include <QMainWindow>

#include <memory>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace leadtrail {

class LeadStore;
class LeadsPage;
class WelcomePage;
class Workspace;

/**
 * The application's main window: a sidebar of sections and the page of the
 * current one. It shows a workspace it does not own; without one it shows
 * the welcome page and asks the application (workspaceRequested) to open one.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /** Shows this workspace (nullptr: the welcome page). The window does not own it. */
    void setWorkspace(Workspace *workspace);
    /** Tells the user, on the welcome page, why a workspace could not be opened. */
    void showWorkspaceError(const QString &message);

    LeadsPage *leadsPage() const { return m_leadsPage; }

signals:
    void workspaceRequested(const QString &folder, bool create);

private:
    QListWidget *m_sidebar = nullptr;
    QStackedWidget *m_pages = nullptr;
    WelcomePage *m_welcome = nullptr;
    LeadsPage *m_leadsPage = nullptr;
    QLabel *m_workspaceLabel = nullptr;
    std::unique_ptr<LeadStore> m_leadStore;
};

} // namespace leadtrail
