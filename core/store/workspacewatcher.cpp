#include "store/workspacewatcher.h"

#include "store/workspace.h"

#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {
constexpr int DefaultIntervalMs = 1000;
}

WorkspaceWatcher::WorkspaceWatcher(const Workspace &workspace, QObject *parent)
    : QObject(parent), m_workspace(workspace)
{
    m_version = dataVersion();
    m_timer.setInterval(DefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &WorkspaceWatcher::check);
    m_timer.start();
}

WorkspaceWatcher::~WorkspaceWatcher() = default;

void WorkspaceWatcher::setInterval(int ms)
{
    m_timer.setInterval(ms);
}

void WorkspaceWatcher::check()
{
    const qint64 version = dataVersion();
    if (version < 0 || version == m_version)
        return;
    m_version = version;
    emit changed();
}

qint64 WorkspaceWatcher::dataVersion() const
{
    QSqlQuery query(m_workspace.database());
    if (!query.exec(u"PRAGMA data_version"_s) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

} // namespace leadtrail
