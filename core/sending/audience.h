#pragma once

#include "store/leadquery.h"

#include <QString>

#include <optional>

namespace leadtrail {

struct Lead;

/**
 * A campaign's saved audience: `all`, or comma-separated conditions that all
 * have to hold: `category=buyer,stage=New,tag=vip,score>=10`. Category, stage
 * and tag compare case-insensitively, as the leads list does; the lead query
 * does that part (LeadFilter) and the score is checked on the rows it returns.
 *
 * Or, alone, `unreached=ID`: the leads campaign ID never reached because it
 * was cancelled before their turn (CampaignStore::unreachedLeadIds), for
 * sending the same campaign to them and to nobody else.
 */
class Audience final
{
public:
    /** The audience, or nullopt and a message naming the bad part. */
    static std::optional<Audience> parse(const QString &expression, QString *error);

    LeadFilter leadFilter() const { return m_filter; }
    std::optional<int> minScore() const { return m_minScore; }
    /** With `unreached=ID`, the cancelled campaign ID; the filter and score are then empty. */
    std::optional<qint64> unreachedBy() const { return m_unreachedBy; }
    /** The expression of the audience `unreached=@p campaignId`. */
    static QString unreachedExpression(qint64 campaignId);
    /** True when @p lead is in the audience (for `unreached=ID`, ask CampaignStore::unreachedLeadIds). */
    bool contains(const Lead &lead) const;
    /** The expression in its canonical form (`all` when there is no condition). */
    QString toString() const;

private:
    LeadFilter m_filter;
    std::optional<int> m_minScore;
    std::optional<qint64> m_unreachedBy;
};

} // namespace leadtrail
