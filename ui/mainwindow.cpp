#include "mainwindow.h"

#include "leadspage.h"
#include "welcomepage.h"
#include "store/leadstore.h"
#include "store/workspace.h"

#include <QDir>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QStackedWidget>
#include <QStatusBar>

namespace leadtrail {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Leadtrail"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/leadtrail.svg")));

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_sidebar = new QListWidget(central);
    m_sidebar->setAccessibleName(tr("Sections"));
    m_sidebar->setFixedWidth(170);
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setSpacing(2);
    auto *leadsItem = new QListWidgetItem(tr("Leads"), m_sidebar);
    leadsItem->setToolTip(tr("Your leads and their activity (Ctrl+1)"));
    layout->addWidget(m_sidebar);

    m_pages = new QStackedWidget(central);
    m_welcome = new WelcomePage(m_pages);
    m_pages->addWidget(m_welcome);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    connect(m_welcome, &WelcomePage::workspaceRequested, this, &MainWindow::workspaceRequested);

    m_workspaceLabel = new QLabel(this);
    statusBar()->addWidget(m_workspaceLabel, 1);

    resize(1200, 760);
    setWorkspace(nullptr);
}

MainWindow::~MainWindow() = default;

void MainWindow::setWorkspace(Workspace *workspace)
{
    if (m_leadsPage) {
        m_pages->removeWidget(m_leadsPage);
        delete m_leadsPage;
        m_leadsPage = nullptr;
    }
    m_leadStore.reset();

    m_sidebar->setVisible(workspace != nullptr);
    if (!workspace) {
        m_workspaceLabel->setText(tr("No workspace open"));
        m_pages->setCurrentWidget(m_welcome);
        return;
    }

    m_leadStore = std::make_unique<LeadStore>(*workspace);
    m_leadsPage = new LeadsPage(*m_leadStore, m_pages);
    m_pages->addWidget(m_leadsPage);
    m_pages->setCurrentWidget(m_leadsPage);
    m_sidebar->setCurrentRow(0);
    m_workspaceLabel->setText(tr("Workspace: %1").arg(QDir::toNativeSeparators(workspace->folder())));
    m_welcome->showError(QString());
}

void MainWindow::showWorkspaceError(const QString &message)
{
    setWorkspace(nullptr);
    m_welcome->showError(message);
}

} // namespace leadtrail
