#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace leadtrail {

/**
 * First-run page: create a new workspace, open an existing one, or open the
 * sample workspace to see a populated product at once. It only asks; opening
 * is done by the application (app/gui) and, for the sample, MainWindow.
 */
class WelcomePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomePage)

public:
    explicit WelcomePage(QWidget *parent = nullptr);

    /** Shows why the last attempt failed, in words. */
    void showError(const QString &message);
    QString errorText() const;
    QPushButton *sampleButton() const { return m_sample; }

signals:
    void workspaceRequested(const QString &folder, bool create);
    void sampleRequested();

private:
    QLabel *m_error = nullptr;
    QPushButton *m_sample = nullptr;
};

} // namespace leadtrail
