#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace leadtrail {

class Audience;
class Workspace;
struct Campaign;

/**
 * What to look at before a campaign goes out: the checks the campaign
 * editor lists and `send` refuses on. Each problem carries a code (the GUI
 * words it in the user's language) and the detail it needs; blocking ones
 * make a send fail anyway, the others are warnings.
 */
class SendCheck final
{
public:
    enum class Problem {
        SmtpNotSet,          ///< detail: what SenderConfig says is missing
        RelayNotPaired,
        UnknownMergeFields,  ///< fields: the placeholders as written
        BadAudience,         ///< detail: why the expression does not parse
        EmptyAudience,
        NoUnsubscribeLink,   ///< a footer with the link is added; a warning
    };

    struct Finding
    {
        Problem problem = Problem::SmtpNotSet;
        bool blocking = true;
        QString detail;
        QStringList fields;
    };

    /** Every finding for @p campaign as it stands (it need not be saved). */
    static QList<Finding> run(const Workspace &workspace, const Campaign &campaign);
    /** How many deliveries freezing @p audience now would make: the campaign's Total. */
    static qint64 audienceSize(const Workspace &workspace, const Audience &audience);
    /** True when any finding is blocking. */
    static bool blocks(const QList<Finding> &findings);
};

} // namespace leadtrail
