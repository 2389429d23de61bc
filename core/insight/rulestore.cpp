#include "insight/rulestore.h"

#include "store/storesupport.h"
#include "store/workspace.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {

/** The columns are NOT NULL: an unset pattern or argument is stored as ''. */
QVariant notNull(const QString &value)
{
    return value.isNull() ? QVariant(u""_s) : QVariant(value);
}

/** only_in_stages holds a JSON array of stage names. */
QString stagesToJson(const QStringList &stages)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(stages)).toJson(QJsonDocument::Compact));
}

QStringList stagesFromJson(const QString &json)
{
    QStringList stages;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array())
        stages.append(v.toString());
    return stages;
}

/**
 * Binds name, trigger, pattern, campaign, action, argument, enabled,
 * allow_backward and only_in_stages, in that order.
 */
void bindFields(QSqlQuery &query, const Rule &rule)
{
    query.addBindValue(rule.name);
    query.addBindValue(Rule::triggerName(rule.trigger));
    query.addBindValue(notNull(rule.pattern.trimmed()));
    query.addBindValue(rule.campaignId > 0 ? QVariant(rule.campaignId) : QVariant(QMetaType::fromType<qint64>()));
    query.addBindValue(Rule::actionName(rule.action));
    query.addBindValue(notNull(rule.argument));
    query.addBindValue(rule.enabled ? 1 : 0);
    query.addBindValue(rule.allowBackward ? 1 : 0);
    query.addBindValue(stagesToJson(rule.onlyInStages));
}

/** Runs a statement that must touch exactly the rule @p id; false with why when it did not. */
bool execOnRule(QSqlQuery &query, qint64 id, QString *error)
{
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    if (query.numRowsAffected() == 0) {
        *error = u"there is no rule %1"_s.arg(id);
        return false;
    }
    return true;
}

} // namespace

RuleStore::RuleStore(const Workspace &workspace) : m_workspace(workspace) {}

QList<Rule> RuleStore::list() const
{
    QList<Rule> rules;
    QSqlQuery query(m_workspace.database());
    if (!query.exec(u"SELECT id, name, trigger, pattern, campaign_id, action, argument, enabled, allow_backward,"
                    " only_in_stages FROM rules ORDER BY id"_s))
        return rules;
    while (query.next()) {
        Rule r;
        r.id = query.value(0).toLongLong();
        r.name = query.value(1).toString();
        r.trigger = Rule::triggerFromName(query.value(2).toString()).value_or(Rule::Trigger::Click);
        r.pattern = query.value(3).toString();
        r.campaignId = query.value(4).toLongLong();
        r.action = Rule::actionFromName(query.value(5).toString()).value_or(Rule::Action::AddTag);
        r.argument = query.value(6).toString();
        r.enabled = query.value(7).toBool();
        r.allowBackward = query.value(8).toBool();
        r.onlyInStages = stagesFromJson(query.value(9).toString());
        rules.append(r);
    }
    return rules;
}

std::optional<Rule> RuleStore::findByName(const QString &name) const
{
    for (const Rule &r : list()) {
        if (r.name == name)
            return r;
    }
    return std::nullopt;
}

std::optional<Rule> RuleStore::find(qint64 id) const
{
    for (const Rule &r : list()) {
        if (r.id == id)
            return r;
    }
    return std::nullopt;
}

bool RuleStore::check(Rule &rule, QString *error) const
{
    rule.name = rule.name.trimmed();
    rule.argument = rule.argument.trimmed();
    if (rule.name.isEmpty()) {
        *error = u"a rule needs a name"_s;
        return false;
    }
    if (rule.trigger == Rule::Trigger::ClickMatch && rule.pattern.trimmed().isEmpty()) {
        *error = u"a \"clicks a link matching\" rule needs the text to match"_s;
        return false;
    }
    // The stored spelling of a stage, or nothing when there is no such stage.
    const auto storedStage = [this](const QString &name) -> std::optional<QString> {
        QSqlQuery stage(m_workspace.database());
        if (!execPrepared(stage, u"SELECT name FROM stages WHERE name = ?"_s, {name.trimmed()}) || !stage.next())
            return std::nullopt;
        return stage.value(0).toString();
    };
    QStringList onlyIn;
    for (const QString &name : std::as_const(rule.onlyInStages)) {
        const std::optional<QString> stage = storedStage(name);
        if (!stage) {
            *error = u"there is no stage \"%1\""_s.arg(name.trimmed());
            return false;
        }
        if (!onlyIn.contains(*stage))
            onlyIn.append(*stage);
    }
    rule.onlyInStages = onlyIn;
    switch (rule.action) {
    case Rule::Action::MoveToStage: {
        const std::optional<QString> stage = storedStage(rule.argument);
        if (!stage) {
            *error = u"there is no stage \"%1\""_s.arg(rule.argument);
            return false;
        }
        rule.argument = *stage;
        break;
    }
    case Rule::Action::AddTag:
        if (rule.argument.isEmpty() || rule.argument.contains(u',') || rule.argument.contains(u';')) {
            *error = u"a tag rule needs a tag without ',' or ';'"_s;
            return false;
        }
        break;
    case Rule::Action::AddScore: {
        bool ok = false;
        rule.argument.toDouble(&ok);
        if (!ok) {
            *error = u"a score rule needs a number to add, not \"%1\""_s.arg(rule.argument);
            return false;
        }
        break;
    }
    case Rule::Action::RaiseAlert:
        break;
    }
    return true;
}

QString RuleStore::saveError(const QString &dbError, const Rule &rule)
{
    return dbError.contains(u"UNIQUE"_s)        ? u"a rule named \"%1\" already exists"_s.arg(rule.name)
         : dbError.contains(u"FOREIGN KEY"_s) ? u"there is no campaign %1"_s.arg(rule.campaignId)
                                                : u"the rule was not saved: %1"_s.arg(dbError);
}

bool RuleStore::add(Rule &rule, QString *error)
{
    if (!check(rule, error))
        return false;
    QSqlQuery query(m_workspace.database());
    query.prepare(u"INSERT INTO rules (name, trigger, pattern, campaign_id, action, argument, enabled, allow_backward,"
                  " only_in_stages, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    bindFields(query, rule);
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!query.exec()) {
        *error = saveError(query.lastError().text(), rule);
        return false;
    }
    rule.id = query.lastInsertId().toLongLong();
    return true;
}

bool RuleStore::update(Rule &rule, QString *error)
{
    if (!check(rule, error))
        return false;
    QSqlQuery query(m_workspace.database());
    query.prepare(u"UPDATE rules SET name = ?, trigger = ?, pattern = ?, campaign_id = ?, action = ?, argument = ?,"
                  " enabled = ?, allow_backward = ?, only_in_stages = ? WHERE id = ?"_s);
    bindFields(query, rule);
    query.addBindValue(rule.id);
    if (execOnRule(query, rule.id, error))
        return true;
    if (query.lastError().isValid())
        *error = saveError(query.lastError().text(), rule);
    return false;
}

bool RuleStore::setEnabled(qint64 id, bool enabled, QString *error)
{
    QSqlQuery query(m_workspace.database());
    query.prepare(u"UPDATE rules SET enabled = ? WHERE id = ?"_s);
    query.addBindValue(enabled ? 1 : 0);
    query.addBindValue(id);
    return execOnRule(query, id, error);
}

bool RuleStore::remove(qint64 id, QString *error)
{
    QSqlQuery query(m_workspace.database());
    query.prepare(u"DELETE FROM rules WHERE id = ?"_s);
    query.addBindValue(id);
    return execOnRule(query, id, error);
}

Rule RuleStore::pricingExample()
{
    Rule rule;
    rule.name = u"Pricing click makes a lead hot"_s;
    rule.trigger = Rule::Trigger::ClickMatch;
    rule.pattern = u"pricing"_s;
    rule.action = Rule::Action::MoveToStage;
    rule.argument = u"Hot"_s;
    return rule;
}

bool RuleStore::addPricingExample(QString *error)
{
    Rule rule = pricingExample();
    if (findByName(rule.name))
        return true;
    return add(rule, error);
}

} // namespace leadtrail
