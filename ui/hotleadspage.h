#pragma once

#include <QWidget>

class QLabel;
class QTableWidget;

namespace leadtrail {

class Workspace;
struct HotLeadAlert;

/** The leads over their hot-lead threshold, hottest first, each with what made it hot (core HotLeadList). */
class HotLeadsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HotLeadsPage)

public:
    explicit HotLeadsPage(const Workspace &workspace, QWidget *parent = nullptr);

    void reload();
    QTableWidget *table() const { return m_table; }
    /**
     * "Why hot" in the user's language: the threshold, then what the lead did
     * (opens, clicks with their link, conversions; each with campaign and
     * time), at most @p maxItems of them, newest first, and how many more.
     */
    static QString why(const HotLeadAlert &alert, int maxItems, const QString &separator);

signals:
    void openLeadRequested(qint64 leadId);

private:
    const Workspace &m_workspace;
    QLabel *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
};

} // namespace leadtrail
