#include "mainwindow.h"

#include "campaignspage.h"
#include "hotleadspage.h"
#include "leaddetailpanel.h"
#include "leadspage.h"
#include "rulespage.h"
#include "settingspage.h"
#include "syncstatustext.h"
#include "theme.h"
#include "welcomepage.h"
#include "insight/backgroundsync.h"
#include "insight/hotalerts.h"
#include "insight/insightconfig.h"
#include "insight/relaypoller.h"
#include "insight/sampleworkspace.h"
#include "sending/campaignstore.h"
#include "store/leadstore.h"
#include "store/keychainsecretstore.h"
#include "store/secrets.h"
#include "store/workspace.h"
#include "store/workspacewatcher.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTime>
#include <QTimer>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {
constexpr int syncIntervalMs = 60'000;
}

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Leadtrail"));
    setWindowIcon(QIcon(u":/icons/leadtrail.svg"_s));

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_sidebar = new QListWidget(central);
    m_sidebar->setAccessibleName(tr("Sections"));
    m_sidebar->setFixedWidth(170);
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setSpacing(2);
    m_sidebar->setIconSize(QSize(22, 22));
    const struct { QString icon; QString text; QString tip; } sections[] = {
        {u"leads"_s, tr("Leads"), tr("Your leads and their activity (Ctrl+1)")},
        {u"campaigns"_s, tr("Campaigns"), tr("Compose, send and follow campaigns (Ctrl+2)")},
        {u"hot"_s, tr("Hot leads"), tr("Leads over their threshold, hottest first (Ctrl+3)")},
        {u"rules"_s, tr("Rules"), tr("What happens automatically when leads act (Ctrl+4)")},
        {u"settings"_s, tr("Settings"), tr("Sending, relay, scoring, stages and appearance (Ctrl+5)")},
    };
    int key = 0;
    for (const auto &section : sections) {
        auto *item = new QListWidgetItem(QIcon(u":/icons/%1.svg"_s.arg(section.icon)), section.text, m_sidebar);
        item->setToolTip(section.tip);
        item->setSizeHint(QSize(160, 36));
        auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + key)), this);
        connect(shortcut, &QShortcut::activated, this, [this, key] { showSection(Section(key)); });
        ++key;
    }
    layout->addWidget(m_sidebar);

    m_pages = new QStackedWidget(central);
    m_welcome = new WelcomePage(m_pages);
    m_pages->addWidget(m_welcome);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    connect(m_welcome, &WelcomePage::workspaceRequested, this, &MainWindow::workspaceRequested);
    connect(m_welcome, &WelcomePage::sampleRequested, this, &MainWindow::openSampleWorkspace);
    m_sampleFolder = SampleWorkspace::defaultFolder();
    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            showSection(Section(row));
    });

    m_workspaceLabel = new QLabel(this);
    m_syncLabel = new QLabel(this);
    m_syncLabel->setAccessibleName(tr("Sync state"));
    statusBar()->addWidget(m_workspaceLabel, 1);
    statusBar()->addPermanentWidget(m_syncLabel);

    m_syncTimer = new QTimer(this);
    m_syncTimer->setInterval(syncIntervalMs);
    connect(m_syncTimer, &QTimer::timeout, this, &MainWindow::syncNow);
    // "Synced 1 min ago" has to age even when nothing happens.
    m_statusTimer = new QTimer(this);
    m_statusTimer->setInterval(30'000);
    connect(m_statusTimer, &QTimer::timeout, this, &MainWindow::updateSyncStatus);
    m_statusTimer->start();

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->setToolTip(tr("Leadtrail"));
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            if (m_lastAlertLead > 0) {
                showNormal();
                raise();
                activateWindow();
                openLead(m_lastAlertLead);
            }
        });
    }

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *quit = fileMenu->addAction(tr("&Quit"), this, &MainWindow::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    // Edits to leads, stages, tags, notes and rules can be taken back. Text
    // fields keep their own Ctrl+Z while they have the focus.
    m_undo = new QUndoStack(this);
    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setObjectName(u"undo"_s);
    QAction *redo = m_undo->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setObjectName(u"redo"_s);
    editMenu->addAction(undo);
    editMenu->addAction(redo);
    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    m_syncAction = viewMenu->addAction(tr("&Sync Now"), this, &MainWindow::syncNow);
    m_syncAction->setObjectName(u"syncNow"_s);
    m_syncAction->setShortcut(QKeySequence::Refresh);
    m_syncAction->setToolTip(tr("Fetch new opens and clicks from the relay now (F5)"));
    m_syncAction->setEnabled(false);

    resize(1280, 800);
    setWorkspace(nullptr);
}

MainWindow::~MainWindow()
{
    clearWorkspace();
}

void MainWindow::clearWorkspace()
{
    if (m_campaignsPage)
        m_campaignsPage->pauseSending();
    m_syncTimer->stop();
    m_watcher.reset();
    m_undo->clear(); // its commands belong to the workspace that goes
    // Joins the sync thread: nothing writes to the workspace after this.
    m_sync.reset();
    for (QWidget *page : std::initializer_list<QWidget *>{m_leadsPage, m_campaignsPage, m_hotLeadsPage, m_rulesPage,
                                                           m_settingsPage}) {
        if (page) {
            m_pages->removeWidget(page);
            delete page;
        }
    }
    m_leadsPage = nullptr;
    m_campaignsPage = nullptr;
    m_hotLeadsPage = nullptr;
    m_rulesPage = nullptr;
    m_settingsPage = nullptr;
    m_leadStore.reset();
    m_workspace = nullptr;
    m_ownedWorkspace.reset();
}

bool MainWindow::openSampleWorkspace()
{
    // Building it takes a moment the first time (import, send bookkeeping, settle).
    QApplication::setOverrideCursor(Qt::WaitCursor);
    setWorkspace(nullptr);
    QString error;
    std::unique_ptr<Workspace> sample = SampleWorkspace::open(m_sampleFolder, &error);
    QApplication::restoreOverrideCursor();
    if (!sample) {
        showWorkspaceError(tr("The sample workspace could not be opened: %1").arg(error));
        return false;
    }
    setWorkspace(sample.get());
    m_ownedWorkspace = std::move(sample);
    // A newcomer sees the results first: the sent campaign's stats panel.
    showSection(CampaignsSection);
    const QList<Campaign> campaigns = CampaignStore(*m_workspace).list();
    if (!campaigns.isEmpty())
        m_campaignsPage->showCampaign(campaigns.constFirst().id);
    return true;
}

void MainWindow::setWorkspace(Workspace *workspace)
{
    if (workspace && workspace == m_ownedWorkspace.get())
        return;
    clearWorkspace();
    m_sidebar->setVisible(workspace != nullptr);
    m_syncAction->setEnabled(workspace != nullptr);
    if (m_tray)
        m_tray->setVisible(workspace != nullptr);
    if (!workspace) {
        m_workspaceLabel->setText(tr("No workspace open"));
        m_syncLabel->clear();
        m_pages->setCurrentWidget(m_welcome);
        return;
    }
    m_workspace = workspace;
    m_leadStore = std::make_unique<LeadStore>(*workspace);
    m_leadsPage = new LeadsPage(*workspace, *m_leadStore, m_pages);
    m_campaignsPage = new CampaignsPage(*workspace, m_pages);
    m_hotLeadsPage = new HotLeadsPage(*workspace, m_pages);
    m_rulesPage = new RulesPage(*workspace, m_pages);
    m_settingsPage = new SettingsPage(*workspace, m_pages);
    for (QWidget *page : std::initializer_list<QWidget *>{m_leadsPage, m_campaignsPage, m_hotLeadsPage, m_rulesPage,
                                                           m_settingsPage})
        m_pages->addWidget(page);
    m_leadsPage->setUndoStack(m_undo);
    m_rulesPage->setUndoStack(m_undo);
    connect(m_campaignsPage, &CampaignsPage::openLeadRequested, this, &MainWindow::openLead);
    connect(m_hotLeadsPage, &HotLeadsPage::openLeadRequested, this, &MainWindow::openLead);
    connect(m_settingsPage, &SettingsPage::syncRequested, this, &MainWindow::syncNow);
    connect(m_settingsPage, &SettingsPage::themeChanged, this, [](const QString &theme) {
        Theme::apply(Theme::fromName(theme));
    });
    connect(m_settingsPage, &SettingsPage::workspaceSettingsChanged, this, [this] {
        if (m_sync)
            m_sync->setConfig(InsightConfig::fromWorkspace(*m_workspace));
        m_leadsPage->reload();
        m_rulesPage->reload();
    });

    // Every signal of the sync thread arrives here queued, on the GUI thread.
    m_sync = std::make_unique<BackgroundSync>(*workspace, InsightConfig::fromWorkspace(*workspace));
    connect(m_sync.get(), &BackgroundSync::hotLeadAlert, this, &MainWindow::notifyHotLead);
    connect(m_sync.get(), &BackgroundSync::pairingChecked, this, [this](bool paired) { m_paired = paired; });
    connect(m_sync.get(), &BackgroundSync::stateChanged, this, &MainWindow::updateSyncStatus);
    // The screens reload only when something changed: a settle that found
    // nothing new (the usual case at start-up) costs the GUI thread nothing.
    m_syncedCursor = m_sync->state().cursor;
    connect(m_sync.get(), &BackgroundSync::settled, this, [this](int events) {
        if (events > 0)
            refreshPages();
    });
    // A weight or threshold saved in Settings has been applied to every lead.
    connect(m_sync.get(), &BackgroundSync::rescored, this, &MainWindow::refreshPages);
    connect(m_sync.get(), &BackgroundSync::settleFailed, this, [this](const QString &error) {
        statusBar()->showMessage(tr("New activity could not be processed: %1").arg(error), 10'000);
    });
    connect(m_sync.get(), &BackgroundSync::finished, this, [this](bool ok) {
        // New events not settled yet still show (as "being checked").
        if (m_sync->state().cursor != m_syncedCursor) {
            m_syncedCursor = m_sync->state().cursor;
            refreshPages();
        }
        updateSyncStatus();
        emit synced(ok);
    });
    m_syncTimer->start();

    // Another process (leadtrail-cli sync, a send from the CLI) or the sync
    // thread committed: what is on screen is refreshed, at most once a second.
    m_watcher = std::make_unique<WorkspaceWatcher>(*workspace);
    connect(m_watcher.get(), &WorkspaceWatcher::changed, this, &MainWindow::refreshPages);

    showSection(LeadsSection);
    updateAlertCount();
    // The folder's name; where it is, on hover (a long path crowded the bar).
    m_workspaceLabel->setText(tr("Workspace: %1").arg(QDir(workspace->folder()).dirName()));
    m_workspaceLabel->setToolTip(QDir::toNativeSeparators(workspace->folder()));
    m_welcome->showError(QString());
    updateSyncStatus();
    // Events that arrived while the application was closed are settled now.
    QTimer::singleShot(0, this, &MainWindow::syncNow);
}

void MainWindow::showWorkspaceError(const QString &message)
{
    setWorkspace(nullptr);
    m_welcome->showError(message);
}

void MainWindow::showSection(Section section)
{
    if (m_settingsPage && m_pages->currentWidget() == m_settingsPage && section != SettingsSection
        && !m_settingsPage->leave()) {
        const QSignalBlocker blocker(m_sidebar);
        m_sidebar->setCurrentRow(int(SettingsSection)); // stays on Settings
        return;
    }
    QWidget *page = nullptr;
    switch (section) {
    case LeadsSection:
        page = m_leadsPage;
        if (m_leadsPage && m_leadsStale) {
            m_leadsStale = false;
            m_leadsPage->refresh();
        }
        break;
    case CampaignsSection: page = m_campaignsPage; break;
    case HotLeadsSection:
        page = m_hotLeadsPage;
        if (m_hotLeadsPage)
            m_hotLeadsPage->reload();
        break;

    case RulesSection: page = m_rulesPage; break;
    case SettingsSection: page = m_settingsPage; break;
    }
    if (!page)
        return;
    m_pages->setCurrentWidget(page);
    if (m_sidebar->currentRow() != int(section))
        m_sidebar->setCurrentRow(int(section));
    if (section == HotLeadsSection && m_workspace) {
        // Looking at the list is seeing its alerts.
        HotAlerts::markAllSeen(*m_workspace);
        updateAlertCount();
    }
}

int MainWindow::unseenAlerts() const
{
    return m_unseenAlerts;
}

void MainWindow::updateAlertCount()
{
    QListWidgetItem *item = m_sidebar->item(HotLeadsSection);
    const std::optional<int> unseen = m_workspace ? HotAlerts::unseenCount(*m_workspace) : std::optional<int>(0);
    m_unseenAlerts = unseen.value_or(0);
    item->setText(m_unseenAlerts > 0 ? tr("Hot leads (%L1)").arg(m_unseenAlerts) : tr("Hot leads"));
    item->setData(Qt::AccessibleDescriptionRole,
                  m_unseenAlerts > 0 ? tr("%n new hot-lead alert(s)", nullptr, m_unseenAlerts) : QString());
    QFont font = item->font();
    font.setBold(m_unseenAlerts > 0);
    item->setFont(font);
}

void MainWindow::openLead(qint64 leadId)
{
    if (!m_leadsPage || leadId <= 0)
        return;
    showSection(LeadsSection);
    m_leadsPage->openLead(leadId);
}

void MainWindow::syncNow()
{
    if (!m_sync)
        return;
    m_sync->syncNow();
    updateSyncStatus();
}

void MainWindow::settle()
{
    if (m_sync)
        m_sync->settleNow();
}

void MainWindow::refreshPages()
{
    updateAlertCount();
    updateSyncStatus();
    if (m_campaignsPage)
        m_campaignsPage->refreshResults();
    if (m_hotLeadsPage && m_pages->currentWidget() == m_hotLeadsPage)
        m_hotLeadsPage->reload();
    // The leads table only while it is on screen (a send commits every
    // moment; 100,000 rows need not follow it unseen); else when shown again.
    if (m_leadsPage && m_pages->currentWidget() == m_leadsPage)
        m_leadsPage->refresh();
    else
        m_leadsStale = m_leadsPage != nullptr;
}

QString MainWindow::syncStatusText() const
{
    return m_syncLabel->text();
}

void MainWindow::updateSyncStatus()
{
    if (!m_workspace)
        return;
    // Said once in words, the first time the keychain let a secret read down.
    if (m_keychainNotice.isEmpty() && !KeychainSecretStore::unavailableReason().isEmpty()
        && Secrets::keychainEnabled()) {
        m_keychainNotice = tr("No system keychain answered, so passwords and relay keys are read from environment "
                              "variables and from files only you can read in the workspace folder.");
        statusBar()->showMessage(m_keychainNotice, 30'000);
    }
    const bool running = m_sync && m_sync->isRunning();
    const SyncState state = running ? m_sync->state() : RelayPoller::storedState(*m_workspace);
    QString text = SyncStatusText::describe(state, m_paired, running);
    if (m_paired && !running && m_syncTimer->isActive())
        text = tr("%1 · next sync at %2 (F5: now)")
                   .arg(text, QLocale().toString(QTime::currentTime().addMSecs(m_syncTimer->remainingTime()),
                                                 QLocale::ShortFormat));
    m_syncLabel->setText(text);
    m_syncLabel->setToolTip(state.error);
    if (m_settingsPage)
        m_settingsPage->setRelayState(state.error.isEmpty() ? text : tr("%1: %2").arg(text, state.error));
}

void MainWindow::notifyHotLead(const HotLeadAlert &alert)
{
    m_lastAlertLead = alert.leadId;
    if (m_pages->currentWidget() == m_hotLeadsPage && isActiveWindow() && m_workspace)
        HotAlerts::markAllSeen(*m_workspace); // seen as it arrives
    updateAlertCount();
    emit hotLeadNotified(alert);
    if (m_tray && m_tray->isVisible())
        m_tray->showMessage(tr("Hot lead: %1").arg(alert.name.isEmpty() ? alert.email : alert.name),
                            tr("%1 (score %2). Click to open the lead.").arg(alert.reason).arg(alert.score, 0, 'f', 1),
                            QSystemTrayIcon::Information, 15'000);
    statusBar()->showMessage(tr("Hot lead: %1 — %2").arg(alert.name.isEmpty() ? alert.email : alert.name, alert.reason),
                             15'000);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Nothing typed is lost by closing: a draft is saved, settings are asked about.
    if ((m_campaignsPage && !m_campaignsPage->leaveEditor())
        || (m_settingsPage && m_pages->currentWidget() == m_settingsPage && !m_settingsPage->leave())) {
        event->ignore();
        return;
    }
    // A send in progress is paused, not killed: the next start offers to resume.
    if (m_campaignsPage)
        m_campaignsPage->pauseSending();
    QMainWindow::closeEvent(event);
}

} // namespace leadtrail
