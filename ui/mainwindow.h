#pragma once

#include "insight/hotleadalert.h"
#include "insight/syncstate.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QLabel;
class QListWidget;
class QStackedWidget;
class QSystemTrayIcon;
class QTimer;
class QUndoStack;

namespace leadtrail {

class CampaignsPage;
class HotLeadsPage;
class BackgroundSync;
class LeadStore;
class LeadsPage;
class RulesPage;
class SettingsPage;
class WelcomePage;
class Workspace;
class WorkspaceWatcher;

/**
 * The application's main window: a sidebar of sections (Leads, Campaigns,
 * Hot leads, Rules, Settings) and the page of the current one, and a status
 * area with the workspace and the relay sync state in words. It shows a
 * workspace it does not own (except the sample workspace, which it opens
 * itself); while one is open it follows the relay and settles new events on
 * a thread of its own (BackgroundSync), refreshes what is on screen when
 * that reports back, and shows a tray message when a lead turns hot.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum Section { LeadsSection, CampaignsSection, HotLeadsSection, RulesSection, SettingsSection };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /** Shows this workspace (nullptr: the welcome page). The window does not own it. */
    void setWorkspace(Workspace *workspace);
    /**
     * Opens the sample workspace (SampleWorkspace) from sampleFolder(),
     * building it when absent, and shows it; the window owns that one.
     * False, with the reason on the welcome page, when it cannot.
     */
    bool openSampleWorkspace();
    QString sampleFolder() const { return m_sampleFolder; }
    void setSampleFolder(const QString &folder) { m_sampleFolder = folder; }
    WelcomePage *welcomePage() const { return m_welcome; }
    /** Tells the user, on the welcome page, why a workspace could not be opened. */
    void showWorkspaceError(const QString &message);
    void showSection(Section section);
    /** Opens a lead in the Leads section (from a notification, hot leads, a recipient). */
    void openLead(qint64 leadId);
    /**
     * Pulls the relay's new events and settles them (UntilCaughtUp) on the
     * sync thread; the screens refresh when it reports back (synced()).
     * Also run every minute.
     */
    void syncNow();
    /** Settles events whose window has passed (on the sync thread) and refreshes the screens. */
    void settle();

    /** The workspace shown, nullptr on the welcome page. */
    Workspace *workspace() const { return m_workspace; }
    LeadsPage *leadsPage() const { return m_leadsPage; }
    CampaignsPage *campaignsPage() const { return m_campaignsPage; }
    HotLeadsPage *hotLeadsPage() const { return m_hotLeadsPage; }
    RulesPage *rulesPage() const { return m_rulesPage; }
    SettingsPage *settingsPage() const { return m_settingsPage; }
    BackgroundSync *sync() const { return m_sync.get(); }
    QString syncStatusText() const;
    /** What the window said about the keychain being unavailable, or empty. */
    QString keychainNotice() const { return m_keychainNotice; }
    /** Hot-lead alerts not seen yet (shown as a count on the Hot leads entry until that page is opened). */
    int unseenAlerts() const;
    WorkspaceWatcher *watcher() const { return m_watcher.get(); }
    QUndoStack *undoStack() const { return m_undo; }

signals:
    void workspaceRequested(const QString &folder, bool create);
    /** A sync finished (ok: up to date) and what it brought was settled. */
    void synced(bool ok);
    void hotLeadNotified(const leadtrail::HotLeadAlert &alert);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void clearWorkspace();
    void updateSyncStatus();
    void notifyHotLead(const HotLeadAlert &alert);
    void refreshPages();
    void updateAlertCount();

    Workspace *m_workspace = nullptr;
    QListWidget *m_sidebar = nullptr;
    QStackedWidget *m_pages = nullptr;
    WelcomePage *m_welcome = nullptr;
    LeadsPage *m_leadsPage = nullptr;
    CampaignsPage *m_campaignsPage = nullptr;
    HotLeadsPage *m_hotLeadsPage = nullptr;
    RulesPage *m_rulesPage = nullptr;
    SettingsPage *m_settingsPage = nullptr;
    QLabel *m_workspaceLabel = nullptr;
    QLabel *m_syncLabel = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    QTimer *m_syncTimer = nullptr;
    QAction *m_syncAction = nullptr;
    QUndoStack *m_undo = nullptr;
    int m_unseenAlerts = 0;
    QString m_keychainNotice;
    bool m_leadsStale = false; ///< changed elsewhere while another page was shown
    QTimer *m_statusTimer = nullptr;
    qint64 m_lastAlertLead = 0;
    qint64 m_syncedCursor = 0; ///< the relay cursor when the screens last reloaded
    bool m_paired = false;
    QString m_sampleFolder;
    std::unique_ptr<LeadStore> m_leadStore;
    std::unique_ptr<BackgroundSync> m_sync;
    std::unique_ptr<WorkspaceWatcher> m_watcher;
    std::unique_ptr<Workspace> m_ownedWorkspace; ///< the sample, when that is what is shown
};

} // namespace leadtrail
