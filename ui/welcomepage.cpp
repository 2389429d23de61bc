#include "welcomepage.h"

#include "errorlabel.h"

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
                                "results. Create one for your team, open one you already have, or look around "
                                "the sample workspace first."),
                             this);
    intro->setWordWrap(true);
    intro->setAlignment(Qt::AlignCenter);
    // A fixed width: a wrapped label aligned in a box layout gets no height for its width otherwise.
    intro->setFixedWidth(520);
    intro->setMinimumHeight(intro->heightForWidth(520));
    layout->addWidget(intro, 0, Qt::AlignHCenter);
    layout->addSpacing(16);

    auto *create = new QPushButton(tr("&Create a workspace…"), this);
    create->setDefault(true);
    create->setAccessibleName(tr("Create a workspace"));
    auto *open = new QPushButton(tr("&Open a workspace…"), this);
    open->setAccessibleName(tr("Open a workspace"));
    m_sample = new QPushButton(tr("Open the &sample workspace"), this);
    m_sample->setAccessibleName(tr("Open the sample workspace"));
    m_sample->setToolTip(tr("A few dozen leads and a sent campaign with opens, clicks, a link scanner, an "
                            "unsubscribe and a conversion, kept apart from your own workspaces"));
    for (QPushButton *button : {create, open, m_sample}) {
        button->setMinimumWidth(260);
        layout->addWidget(button, 0, Qt::AlignHCenter);
    }

    m_error = new ErrorLabel(this);
    m_error->setAlignment(Qt::AlignCenter);
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
    connect(m_sample, &QPushButton::clicked, this, &WelcomePage::sampleRequested);
}

void WelcomePage::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

QString WelcomePage::errorText() const
{
    return m_error->text();
}

} // namespace leadtrail

