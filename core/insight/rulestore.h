#pragma once

#include "insight/rule.h"

#include <QList>
#include <QString>

#include <optional>

namespace leadtrail {

class Workspace;

/**
 * The automation rules of a workspace, in the database. Checks a rule before
 * saving it (a stage that exists, a number for a score, a pattern for a
 * match). InsightEngine applies them; this class only keeps them.
 */
class RuleStore final
{
public:
    explicit RuleStore(const Workspace &workspace);

    QList<Rule> list() const;
    bool add(Rule &rule, QString *error);
    /** Replaces every field of the rule with @p rule.id, checked as add() checks; enabled included. */
    bool update(Rule &rule, QString *error);
    /** A disabled rule is kept but no longer applied (InsightEngine loads enabled rules only). */
    bool setEnabled(qint64 id, bool enabled, QString *error);
    bool remove(qint64 id, QString *error);
    std::optional<Rule> find(qint64 id) const;
    std::optional<Rule> findByName(const QString &name) const;

    /** The example shipped in the sample workspace: clicking the pricing link moves the lead to Hot. */
    static Rule pricingExample();
    /** Adds pricingExample() unless a rule of that name exists; for the sample workspace setup. */
    bool addPricingExample(QString *error);

private:
    /** Normalises @p rule (trimmed text, the stage's stored spelling); false with the problem in @p error. */
    bool check(Rule &rule, QString *error) const;
    static QString saveError(const QString &dbError, const Rule &rule);

    const Workspace &m_workspace;
};

} // namespace leadtrail
