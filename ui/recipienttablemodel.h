#pragma once

#include "insight/campaignrecipients.h"

#include <QAbstractTableModel>
#include <QList>

namespace leadtrail {

class Workspace;

/**
 * The recipients of one campaign and what each did, filtered by status
 * (opened, clicked, failed, machine-only, unsubscribed) and fetched page by
 * page as the view scrolls.
 */
class RecipientTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecipientTableModel)

public:
    enum Column { NameColumn, EmailColumn, StatusColumn, OpensColumn, ClicksColumn, MachineColumn, ColumnCount };
    enum Role { LeadIdRole = Qt::UserRole };

    explicit RecipientTableModel(const Workspace &workspace, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    void show(qint64 campaignId, CampaignRecipients::Filter filter);
    void reload() { show(m_campaignId, m_filter); }
    const CampaignRecipients::Recipient &recipientAt(int row) const { return m_rows.at(row); }

private:
    const Workspace &m_workspace;
    qint64 m_campaignId = 0;
    CampaignRecipients::Filter m_filter = CampaignRecipients::Filter::All;
    QList<CampaignRecipients::Recipient> m_rows;
    bool m_more = false;
};

} // namespace leadtrail
