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
 */
class Audience final
{
public:
    /** The audience, or nullopt and a message naming the bad part. */
    static std::optional<Audience> parse(const QString &expression, QString *error);

    LeadFilter leadFilter() const { return m_filter; }
    std::optional<int> minScore() const { return m_minScore; }
    /** True when @p lead is in the audience. */
    bool contains(const Lead &lead) const;
    /** The expression in its canonical form (`all` when there is no condition). */
    QString toString() const;

private:
    LeadFilter m_filter;
    std::optional<int> m_minScore;
};

} // namespace leadtrail
