#include "welcomepage.h"

#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace leadtrail {

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);

    auto *title = new QLabel(tr("Welcome to Leadtrail"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 2);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignCenter);
    layout->addWidget(title);

    auto *intro = new QLabel(tr("A workspace is a folder that holds your leads, campaigns and their "
                                "results. Create one for your team, or open one you already have."),
                             this);
    intro->setWordWrap(true);
    intro->setAlignment(Qt::AlignCenter);
    intro->setMaximumWidth(520);
    layout->addWidget(intro, 0, Qt::AlignHCenter);
    layout->addSpacing(16);

    auto *create = new QPushButton(tr("Create a workspace…"), this);
    create->setDefault(true);
    auto *open = new QPushButton(tr("Open a workspace…"), this);
    for (QPushButton *button : {create, open}) {
        button->setMinimumWidth(240);
        layout->addWidget(button, 0, Qt::AlignHCenter);
    }

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setAlignment(Qt::AlignCenter);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_error->hide();
    layout->addWidget(m_error);
    layout->addStretch(2);

    connect(create, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(
            this, tr("Choose an empty folder for the new workspace"), QDir::homePath());
        if (!folder.isEmpty())
            emit workspaceRequested(folder, true);
    });
    connect(open, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(
            this, tr("Open a workspace folder"), QDir::homePath());
        if (!folder.isEmpty())
            emit workspaceRequested(folder, false);
    });
}

void WelcomePage::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

} // namespace leadtrail
