#include "mainwindow.h"

#include <QLabel>

namespace leadtrail {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Leadtrail"));
    setCentralWidget(new QLabel(tr("Leadtrail"), this));
    resize(1100, 700);
}

MainWindow::~MainWindow() = default;

} // namespace leadtrail
