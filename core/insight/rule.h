#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace leadtrail {

/**
 * One automation rule: "when a lead <trigger> in <any campaign | campaign C>,
 * then <action>", optionally only for leads in some stages. A stage action
 * moves a lead forward in the configured stage order only, unless
 * allowBackward says so. A plain value; RuleStore keeps them.
 */
struct Rule
{
    enum class Trigger {
        Open,        ///< opens (a human click implies an open, but only opens trigger this)
        Click,       ///< clicks any link
        ClickMatch,  ///< clicks a link whose URL contains pattern (case-insensitive)
        Convert,
        Unsubscribe,
    };
    enum class Action {
        MoveToStage, ///< argument: the stage
        AddTag,      ///< argument: the tag
        AddScore,    ///< argument: the number to add
        RaiseAlert,  ///< a hot-lead alert, whatever the score
    };

    qint64 id = 0;
    QString name;
    Trigger trigger = Trigger::Click;
    QString pattern;
    qint64 campaignId = 0; ///< 0: any campaign
    Action action = Action::MoveToStage;
    QString argument;
    bool enabled = true;
    /** A stage action may move a lead to an earlier stage (e.g. Customer back to Hot). */
    bool allowBackward = false;
    /** Empty: any lead; else only leads currently in one of these stages (stored spelling). */
    QStringList onlyInStages;

    static QString triggerName(Trigger trigger);
    static std::optional<Trigger> triggerFromName(const QString &name);
    static QString actionName(Action action);
    static std::optional<Action> actionFromName(const QString &name);
    /** "when a lead clicks a link matching "pricing" in any campaign, then move to stage Hot" */
    QString describe() const;
};

} // namespace leadtrail
