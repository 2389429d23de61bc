#pragma once

#include <QWidget>

class QLabel;

namespace leadtrail {

/**
 * First-run page: create a new workspace or open an existing one. It only
 * asks for a folder; opening it is the application's job (see app/gui).
 */
class WelcomePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomePage)

public:
    explicit WelcomePage(QWidget *parent = nullptr);

    /** Shows why the last attempt failed, in words. */
    void showError(const QString &message);

signals:
    void workspaceRequested(const QString &folder, bool create);

private:
    QLabel *m_error = nullptr;
};

} // namespace leadtrail
