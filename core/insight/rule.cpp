#include "insight/rule.h"

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {

const std::array<std::pair<Rule::Trigger, QStringView>, 5> triggers = {{
    {Rule::Trigger::Open, u"open"},
    {Rule::Trigger::Click, u"click"},
    {Rule::Trigger::ClickMatch, u"click_match"},
    {Rule::Trigger::Convert, u"convert"},
    {Rule::Trigger::Unsubscribe, u"unsubscribe"},
}};

const std::array<std::pair<Rule::Action, QStringView>, 4> actions = {{
    {Rule::Action::MoveToStage, u"stage"},
    {Rule::Action::AddTag, u"tag"},
    {Rule::Action::AddScore, u"score"},
    {Rule::Action::RaiseAlert, u"alert"},
}};

} // namespace

QString Rule::triggerName(Trigger trigger)
{
    for (const auto &[t, name] : triggers) {
        if (t == trigger)
            return name.toString();
    }
    return {};
}

std::optional<Rule::Trigger> Rule::triggerFromName(const QString &name)
{
    for (const auto &[t, text] : triggers) {
        if (text == name)
            return t;
    }
    return std::nullopt;
}

QString Rule::actionName(Action action)
{
    for (const auto &[a, name] : actions) {
        if (a == action)
            return name.toString();
    }
    return {};
}

std::optional<Rule::Action> Rule::actionFromName(const QString &name)
{
    for (const auto &[a, text] : actions) {
        if (text == name)
            return a;
    }
    return std::nullopt;
}

QString Rule::describe() const
{
    QString when;
    switch (trigger) {
    case Trigger::Open: when = u"opens"_s; break;
    case Trigger::Click: when = u"clicks any link"_s; break;
    case Trigger::ClickMatch: when = u"clicks a link matching \"%1\""_s.arg(pattern); break;
    case Trigger::Convert: when = u"converts"_s; break;
    case Trigger::Unsubscribe: when = u"unsubscribes"_s; break;
    }
    QString then;
    switch (action) {
    case Action::MoveToStage: then = u"move to stage %1"_s.arg(argument); break;
    case Action::AddTag: then = u"add tag %1"_s.arg(argument); break;
    case Action::AddScore: then = u"add %1 to the score"_s.arg(argument); break;
    case Action::RaiseAlert: then = u"raise a hot-lead alert"_s; break;
    }
    const QString where = campaignId > 0 ? u"campaign %1"_s.arg(campaignId) : u"any campaign"_s;
    QString text = u"when a lead %1 in %2, then %3"_s.arg(when, where, then);
    if (!onlyInStages.isEmpty())
        text += u", only for leads in %1"_s.arg(onlyInStages.join(u", "_s));
    if (action == Action::MoveToStage && allowBackward)
        text += u", backward moves allowed"_s;
    return text;
}

} // namespace leadtrail
