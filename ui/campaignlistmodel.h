#pragma once

#include "sending/campaign.h"

#include <QAbstractTableModel>
#include <QList>

namespace leadtrail {

class Workspace;

/**
 * The campaigns of a workspace, newest first, with their status, send date
 * and headline numbers (Total, Sent, Opened, Clicked) from CampaignStats.
 * A workspace holds tens of campaigns, not thousands, so all rows are loaded.
 */
class CampaignListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CampaignListModel)

public:
    enum Column { NameColumn, StatusColumn, SentDateColumn, TotalColumn, SentColumn, OpenedColumn, ClickedColumn,
                  ColumnCount };
    enum Role { CampaignIdRole = Qt::UserRole };

    explicit CampaignListModel(const Workspace &workspace, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void reload();
    const Campaign &campaignAt(int row) const { return m_rows.at(row).campaign; }
    /** The row of campaign @p id, or -1. */
    int rowOf(qint64 id) const;
    /** The state in the user's words. */
    static QString stateText(CampaignState state);

private:
    struct Row
    {
        Campaign campaign;
        qint64 total = 0;
        qint64 sent = 0;
        qint64 opened = 0;
        qint64 clicked = 0;
    };
    const Workspace &m_workspace;
    QList<Row> m_rows;
};

} // namespace leadtrail
