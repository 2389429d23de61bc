#pragma once

#include <QObject>
#include <QTimer>

namespace leadtrail {

class Workspace;

/**
 * Notices that another connection changed the workspace database: another
 * process (leadtrail-cli sync, a second window, a send from the CLI) or a
 * thread of this one (the background sync). It asks SQLite's
 * `PRAGMA data_version` on this thread's connection, which changes exactly
 * when a commit from any other connection lands, so polling it costs one
 * tiny query and reads no table. Changes made through this thread's own
 * connection are not reported: whoever made them already knows.
 *
 * Lives on the thread whose connection it asks (the GUI thread for a window).
 * `changed()` is emitted at most once per interval, however many commits
 * landed in it, so a long send or sync refreshes the screens at a steady pace.
 */
class WorkspaceWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceWatcher)

public:
    explicit WorkspaceWatcher(const Workspace &workspace, QObject *parent = nullptr);
    ~WorkspaceWatcher() override;

    void setInterval(int ms);
    int interval() const { return m_timer.interval(); }

    /** Asks SQLite now; emits changed() when another connection committed since the last look. */
    void check();

signals:
    void changed();

private:
    qint64 dataVersion() const;

    const Workspace &m_workspace;
    QTimer m_timer;
    qint64 m_version = -1;
};

} // namespace leadtrail
