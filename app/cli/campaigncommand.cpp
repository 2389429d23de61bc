#include "command.h"
#include "commandcontext.h"
#include "commandregistry.h"

#include "campaign/smtptransport.h"
#include "campaign/trackingdefaults.h"
#include "insight/campaignstats.h"
#include "insight/insightconfig.h"
#include "insight/insightengine.h"
#include "sending/campaignsender.h"
#include "sending/campaignstore.h"
#include "sending/senderconfig.h"
#include "store/leadstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace leadtrail::cli {

namespace {

QJsonObject toJson(const Campaign &c, const DeliveryCounts &counts)
{
    const auto time = [](const QDateTime &t) { return t.isValid() ? QJsonValue(t.toString(Qt::ISODateWithMs)) : QJsonValue(); };
    return QJsonObject{
        {u"id"_s, c.id},
        {u"name"_s, c.name},
        {u"state"_s, Campaign::stateName(c.state)},
        {u"state_message"_s, c.stateMessage},
        {u"from_name"_s, c.fromName},
        {u"from_email"_s, c.fromEmail},
        {u"reply_to"_s, c.replyTo},
        {u"subject"_s, c.subject},
        {u"audience"_s, c.audience},
        {u"track_opens"_s, c.trackOpens},
        {u"track_clicks"_s, c.trackClicks},
        {u"decoy_link"_s, c.decoyLink},
        {u"utm"_s, c.utm},
        {u"click_ids"_s, c.clickIds},
        {u"created_at"_s, time(c.createdAt)},
        {u"started_at"_s, time(c.startedAt)},
        {u"finished_at"_s, time(c.finishedAt)},
        {u"total"_s, counts.total()},
        {u"queued"_s, counts.queued},
        {u"sending"_s, counts.sending},
        {u"sent"_s, counts.sent},
        {u"failed"_s, counts.failed},
        {u"unknown"_s, counts.unknown},
        {u"cancelled"_s, counts.cancelled},
    };
}

std::optional<QString> readText(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1: %2"_s.arg(path, file.errorString());
        return std::nullopt;
    }
    return QString::fromUtf8(file.readAll());
}

bool parseId(const QString &text, qint64 *id)
{
    bool ok = false;
    *id = text.toLongLong(&ok);
    return ok && *id > 0;
}

/** True when the only positional argument is a campaign ID, stored in @p id. */
bool onlyCampaignId(const QCommandLineParser &parser, qint64 *id)
{
    return parser.positionalArguments().size() == 1 && parseId(parser.positionalArguments().at(0), id);
}

/** `campaign create|list|show|test|send|pause|resume|cancel|resend-unreached|stats|reclassify`. */
class CampaignCommand final : public Command
{
public:
    QString name() const override { return u"campaign"_s; }
    QString summary() const override { return u"create, test and send campaigns"_s; }

    int run(CommandContext &context, const QStringList &args) override
    {
        const QString action = args.value(0);
        const QStringList rest = args.mid(1);
        if (action == u"create"_s)
            return create(context, rest);
        if (action == u"list"_s || action == u"show"_s)
            return show(context, action, rest);
        if (action == u"test"_s)
            return test(context, rest);
        if (action == u"send"_s || action == u"resume"_s)
            return send(context, action, rest);
        if (action == u"pause"_s || action == u"cancel"_s)
            return stop(context, action, rest);
        if (action == u"resend-unreached"_s)
            return resendUnreached(context, rest);
        if (action == u"stats"_s)
            return stats(context, rest);
        if (action == u"reclassify"_s)
            return reclassify(context, rest);
        const QString help = u"Usage: leadtrail-cli campaign ACTION [OPTIONS]\n\n"
                             "Actions:\n"
                             "  create --name N --subject S --html FILE [...]  a new draft; prints its id\n"
                             "  list [--json]                                  every campaign with its counts\n"
                             "  show ID [--json]                               one campaign\n"
                             "  test ID --to ADDRESS [--lead EMAIL]            one test message, not counted\n"
                             "  send ID [--wait]                               freeze the audience and send\n"
                             "  pause ID | resume ID [--wait] | cancel ID\n"
                             "  resend-unreached ID [--name N]                 a new draft for the leads a cancelled\n"
                             "                                                 campaign never reached; prints its id\n"
                             "  stats ID [--json]                              opens, clicks, links, revenue\n"
                             "  reclassify ID                                  human or machine again, from the evidence\n\n"
                             "Run 'leadtrail-cli campaign ACTION --help' for an action's options.\n"_s;
        if (action.isEmpty() || action == u"--help"_s || action == u"-h"_s || action == u"help"_s) {
            (action.isEmpty() ? context.err() : context.out()) << help;
            return action.isEmpty() ? int(CommandContext::Usage) : int(CommandContext::Success);
        }
        return context.fail(u"unknown action \"campaign %1\"\n\n%2"_s.arg(action, help), CommandContext::Usage);
    }

private:
    int create(CommandContext &context, const QStringList &args)
    {
        QCommandLineParser parser;
        parser.setApplicationDescription(
            u"Creates a draft campaign and prints its id. Subject and bodies may use merge fields such as "
            "{{first_name|there}}; unknown fields are refused here rather than sent.\nAudience: all, or "
            "comma-separated conditions, e.g. category=buyer,stage=New,tag=vip,score>=10"_s);
        const QCommandLineOption nameOpt(u"name"_s, u"the campaign's name"_s, u"N"_s);
        const QCommandLineOption subject(u"subject"_s, u"the subject line"_s, u"S"_s);
        const QCommandLineOption html(u"html"_s, u"the HTML body (UTF-8 file)"_s, u"FILE"_s);
        const QCommandLineOption text(u"text"_s, u"a hand-written text part (default: derived from the HTML)"_s, u"FILE"_s);
        const QCommandLineOption fromName(u"from-name"_s, u"sender name (default: sender.name)"_s, u"NAME"_s);
        const QCommandLineOption fromEmail(u"from-email"_s, u"sender address (default: sender.email)"_s, u"ADDRESS"_s);
        const QCommandLineOption replyTo(u"reply-to"_s, u"Reply-To address"_s, u"ADDRESS"_s);
        const QCommandLineOption audience(u"audience"_s, u"who receives it (default: all)"_s, u"EXPR"_s);
        const QCommandLineOption noOpens(u"no-track-opens"_s, u"no open pixel"_s);
        const QCommandLineOption noClicks(u"no-track-clicks"_s, u"links go straight to their destination"_s);
        const QCommandLineOption noDecoy(u"no-decoy"_s, u"no hidden decoy link"_s);
        const QCommandLineOption utm(u"utm"_s, u"add utm_source, utm_medium=email, utm_campaign to links"_s);
        const QCommandLineOption utmCategory(u"utm-category"_s, u"with --utm: the lead's category as utm_term"_s);
        const QCommandLineOption sequence(u"sequence-position"_s, u"with --utm: position in a sequence (utm_content)"_s, u"N"_s);
        const QCommandLineOption clickIds(u"click-ids"_s, u"the relay adds a click id to landing URLs"_s);
        // The workspace's tracking defaults (desktop Settings > Tracking) apply
        // unless a flag says otherwise, so each switch can go both ways.
        const QCommandLineOption opens(u"track-opens"_s, u"an open pixel even if the tracking defaults have none"_s);
        const QCommandLineOption clicks(u"track-clicks"_s, u"tracked links even if the tracking defaults have none"_s);
        const QCommandLineOption decoy(u"decoy"_s, u"a hidden decoy link even if the tracking defaults have none"_s);
        const QCommandLineOption noUtm(u"no-utm"_s, u"no UTM parameters even if the tracking defaults add them"_s);
        const QCommandLineOption noClickIds(u"no-click-ids"_s, u"no click ids even if the tracking defaults add them"_s);
        parser.addOptions({nameOpt, subject, html, text, fromName, fromEmail, replyTo, audience, noOpens, noClicks,
                           noDecoy, utm, utmCategory, sequence, clickIds, opens, clicks, decoy, noUtm, noClickIds});
        if (const int code = context.parse(parser, u"campaign create"_s, args); code >= 0)
            return code;
        for (const auto *required : {&nameOpt, &subject, &html}) {
            if (!parser.isSet(*required))
                return context.fail(u"campaign create needs --%1"_s.arg(required->names().constFirst()),
                                    CommandContext::Usage);
        }
        const std::pair<const QCommandLineOption *, const QCommandLineOption *> switches[] = {
            {&opens, &noOpens}, {&clicks, &noClicks}, {&decoy, &noDecoy}, {&utm, &noUtm}, {&clickIds, &noClickIds}};
        for (const auto &[on, off] : switches) {
            if (parser.isSet(*on) && parser.isSet(*off))
                return context.fail(u"campaign create: --%1 and --%2 contradict each other"_s.arg(
                                        on->names().constFirst(), off->names().constFirst()),
                                    CommandContext::Usage);
        }
        const auto workspace = context.openWorkspace(Workspace::OpenMode::OpenExisting);
        if (!workspace)
            return CommandContext::Failure;

        Campaign campaign;
        TrackingDefaults::fromWorkspace(*workspace).applyTo(campaign);
        campaign.name = parser.value(nameOpt);
        campaign.subject = parser.value(subject);
        QString error;
        const std::optional<QString> htmlText = readText(parser.value(html), &error);
        if (!htmlText)
            return context.fail(error);
        campaign.html = *htmlText;
        if (parser.isSet(text)) {
            campaign.text = readText(parser.value(text), &error);
            if (!campaign.text)
                return context.fail(error);
        }
        campaign.fromName = parser.value(fromName);
        campaign.fromEmail = parser.value(fromEmail);
        campaign.replyTo = parser.value(replyTo);
        if (parser.isSet(audience))
            campaign.audience = parser.value(audience);
        const auto choose = [&parser](bool fallback, const QCommandLineOption &on, const QCommandLineOption &off) {
            return parser.isSet(on) || (fallback && !parser.isSet(off));
        };
        campaign.trackOpens = choose(campaign.trackOpens, opens, noOpens);
        campaign.trackClicks = choose(campaign.trackClicks, clicks, noClicks);
        campaign.decoyLink = choose(campaign.decoyLink, decoy, noDecoy);
        campaign.utm = choose(campaign.utm, utm, noUtm);
        campaign.utmCategory = parser.isSet(utmCategory);
        campaign.clickIds = choose(campaign.clickIds, clickIds, noClickIds);
        if (parser.isSet(sequence)) {
            bool ok = false;
            campaign.sequencePosition = parser.value(sequence).toInt(&ok);
            if (!ok || campaign.sequencePosition < 0)
                return context.fail(u"--sequence-position needs a whole number"_s, CommandContext::Usage);
        }

        if (!CampaignStore(*workspace).create(campaign, &error))
            return context.fail(error);
        context.out() << campaign.id << '\n';
        return CommandContext::Success;
    }

    int show(CommandContext &context, const QString &action, const QStringList &args)
    {
        QCommandLineParser parser;
        const QCommandLineOption json(u"json"_s, u"print JSON"_s);
        parser.addOption(json);
        if (action == u"show"_s)
            parser.addPositionalArgument(u"id"_s, u"the campaign"_s);
        if (const int code = context.parse(parser, u"campaign "_s + action, args); code >= 0)
            return code;
        qint64 id = 0;
        if (action == u"show"_s && !onlyCampaignId(parser, &id))
            return context.fail(u"campaign show needs one campaign ID"_s, CommandContext::Usage);
        const auto workspace = context.openWorkspace(Workspace::OpenMode::OpenExisting);
        if (!workspace)
            return CommandContext::Failure;
        CampaignStore store(*workspace);
        QList<Campaign> campaigns;
        if (action == u"show"_s) {
            const std::optional<Campaign> campaign = store.find(id);
            if (!campaign)
                return context.fail(u"no campaign with id %1"_s.arg(id));
            campaigns.append(*campaign);
        } else {
            campaigns = store.list();
        }
        QJsonArray array;
        for (const Campaign &c : std::as_const(campaigns)) {
            const DeliveryCounts counts = store.counts(c.id);
            if (parser.isSet(json)) {
                QJsonObject object = toJson(c, counts);
                if (action == u"show"_s) {
                    QJsonArray problems; // what a user looks at first: what did not go out, and why
                    for (const DeliveryState state : {DeliveryState::Failed, DeliveryState::Unknown}) {
                        for (const Delivery &d : store.deliveries(c.id, state)) {
                            problems.append(QJsonObject{{u"email"_s, d.email}, {u"state"_s, Delivery::stateName(d.state)},
                                                        {u"reason"_s, d.failureReason}, {u"reply_code"_s, d.replyCode},
                                                        {u"attempts"_s, d.attempts}});
                        }
                    }
                    object.insert(u"problems"_s, problems);
                }
                array.append(object);
                continue;
            }
            QTextStream &out = context.out();
            out << c.id << "  " << c.name << "  [" << Campaign::stateName(c.state) << "]  total " << counts.total()
                << ", sent " << counts.sent << ", failed " << counts.failed << ", unknown " << counts.unknown
                << ", cancelled " << counts.cancelled << ", queued " << counts.queued << '\n';
            if (action == u"show"_s) {
                out << "  subject:  " << c.subject << "\n  audience: " << c.audience << '\n';
                if (!c.stateMessage.isEmpty())
                    out << "  note:     " << c.stateMessage << '\n';
                if (counts.cancelled > 0) {
                    const qint64 unreached = store.unreachedLeadIds(c.id).size();
                    out << "  not reached: " << counts.cancelled << " cancelled before their turn";
                    if (unreached > 0)
                        out << "; send to the " << unreached << " not reached yet with: leadtrail-cli campaign "
                            << "resend-unreached " << c.id;
                    out << '\n';
                }
                for (const DeliveryState state : {DeliveryState::Failed, DeliveryState::Unknown}) {
                    for (const Delivery &d : store.deliveries(c.id, state))
                        out << "  " << Delivery::stateName(d.state) << "  " << d.email << "  " << d.failureReason << '\n';
                }
            }
        }
        if (parser.isSet(json))
            context.out() << QJsonDocument(action == u"show"_s ? QJsonDocument(array.at(0).toObject())
                                                               : QJsonDocument(array))
                                 .toJson(QJsonDocument::Indented);
        return CommandContext::Success;
    }

    int test(CommandContext &context, const QStringList &args)
    {
        QCommandLineParser parser;
        parser.setApplicationDescription(u"Sends the campaign once to ADDRESS, marked [Test]. It is not a delivery "
                                         "and does not count in the campaign."_s);
        parser.addPositionalArgument(u"id"_s, u"the campaign"_s);
        const QCommandLineOption to(u"to"_s, u"where to send it"_s, u"ADDRESS"_s);
        const QCommandLineOption lead(u"lead"_s, u"take merge fields from this lead"_s, u"EMAIL"_s);
        parser.addOptions({to, lead});
        if (const int code = context.parse(parser, u"campaign test"_s, args); code >= 0)
            return code;
        qint64 id = 0;
        if (!onlyCampaignId(parser, &id) || !parser.isSet(to))
            return context.fail(u"usage: campaign test ID --to ADDRESS [--lead EMAIL]"_s, CommandContext::Usage);
        const auto workspace = context.openWorkspace(Workspace::OpenMode::OpenExisting);
        if (!workspace)
            return CommandContext::Failure;
        QString error;
        const std::optional<SenderConfig> config = SenderConfig::fromWorkspace(*workspace, &error);
        if (!config)
            return context.fail(error);
        std::optional<Lead> mergeLead;
        if (parser.isSet(lead)) {
            mergeLead = LeadStore(*workspace).findByEmail(parser.value(lead));
            if (!mergeLead)
                return context.fail(u"no lead with email %1"_s.arg(parser.value(lead)));
        }
        SmtpTransport transport(config->smtp);
        const MailTransport::Result result =
            CampaignSender::sendTest(*workspace, *config, transport, id, parser.value(to), mergeLead, &error);
        if (result.outcome != MailTransport::Outcome::Sent)
            return context.fail(u"the test message was not sent: %1"_s.arg(error));
        context.out() << "Test message sent to " << parser.value(to) << ": " << result.code << ' ' << result.reply << '\n';
        return CommandContext::Success;
    }

    int send(CommandContext &context, const QString &action, const QStringList &args)
    {
        QCommandLineParser parser;
        parser.setApplicationDescription(
            u"Sends the campaign (a draft's audience is frozen first) or resumes a paused or interrupted one. "
            "Without --wait it sends in a background process and returns. Deliveries that a killed sender left "
            "half-sent are queued again when the server cannot have received them, and marked unknown (never "
            "resent automatically) when it may have; --resend-unknown puts those back in the queue."_s);
        parser.addPositionalArgument(u"id"_s, u"the campaign"_s);
        const QCommandLineOption wait(u"wait"_s, u"send in the foreground with a progress line"_s);
        const QCommandLineOption resendUnknown(u"resend-unknown"_s,
                                               u"also send deliveries marked unknown again (may deliver twice)"_s);
        parser.addOptions({wait, resendUnknown});
        if (const int code = context.parse(parser, u"campaign "_s + action, args); code >= 0)
            return code;
        qint64 id = 0;
        if (!onlyCampaignId(parser, &id))
            return context.fail(u"campaign %1 needs one campaign ID"_s.arg(action), CommandContext::Usage);
        const auto workspace = context.openWorkspace(Workspace::OpenMode::OpenExisting);
        if (!workspace)
            return CommandContext::Failure;
        QString error;
        const std::optional<SenderConfig> config = SenderConfig::fromWorkspace(*workspace, &error);
        if (!config)
            return context.fail(error);
        CampaignStore store(*workspace);
        if (parser.isSet(resendUnknown)) {
            const std::optional<int> requeued = store.requeueUnknown(id, &error);
            if (!requeued)
                return context.fail(error);
            context.out() << *requeued << " unknown deliveries queued again\n";
        }

        if (!parser.isSet(wait)) {
            QStringList childArgs = {u"--workspace"_s, workspace->folder(), u"campaign"_s, u"send"_s,
                                     QString::number(id), u"--wait"_s};
            qint64 pid = 0;
            if (!QProcess::startDetached(QCoreApplication::applicationFilePath(), childArgs, QString(), &pid))
                return context.fail(u"cannot start the background sender"_s);
            context.out() << "Sending campaign " << id << " in the background (pid " << pid
                          << "); follow it with: leadtrail-cli campaign show " << id << '\n';
            return CommandContext::Success;
        }

        CampaignSender sender(*workspace, *config);
        int exitCode = CommandContext::Success;
        QTextStream &err = context.err();
        QObject::connect(&sender, &CampaignSender::progressChanged, [&err](const SendProgress &progress) {
            err << '\r' << CampaignSender::progressLine(progress) << "\x1b[K";
            err.flush();
        });
        QDateTime resumeAt;
        QObject::connect(&sender, &CampaignSender::resumeScheduled,
                         [&resumeAt](qint64, const QDateTime &at) { resumeAt = at; });
        QObject::connect(&sender, &CampaignSender::finished,
                         [&](qint64, CampaignState state, const QString &message) {
                             err << '\n';
                             context.out() << "Campaign " << id << " is " << Campaign::stateName(state)
                                           << (message.isEmpty() ? QString() : u": "_s + message) << '\n';
                             if (state == CampaignState::Paused && sender.isResumeScheduled()) {
                                 context.out() << "Waiting to go on by itself at "
                                               << resumeAt.toString(u"yyyy-MM-dd HH:mm:ss"_s)
                                               << " (Ctrl-C stops waiting; the campaign stays paused)\n";
                                 context.out().flush();
                                 return;
                             }
                             if (state != CampaignState::Sent)
                                 exitCode = CommandContext::Failure;
                             QCoreApplication::exit(0);
                         });
        if (!sender.start(id, &error))
            return context.fail(error);
        QCoreApplication::exec();
        return exitCode;
    }

    int stats(CommandContext &context, const QStringList &args);
    int reclassify(CommandContext &context, const QStringList &args);

    int resendUnreached(CommandContext &context, const QStringList &args)
    {
        QCommandLineParser parser;
        parser.setApplicationDescription(
            u"Creates a new draft that copies a cancelled campaign (sender, subject, bodies, tracking) for the "
            "leads it never reached, and prints its id. Leads it was sent to, failed for or may have reached are "
            "never in it, nor leads an earlier copy already reached. Review it, then: campaign send NEW_ID"_s);
        parser.addPositionalArgument(u"id"_s, u"the cancelled campaign"_s);
        const QCommandLineOption nameOpt(u"name"_s, u"the new campaign's name (default: the original's, \"(not reached)\")"_s,
                                         u"N"_s);
        parser.addOption(nameOpt);
        if (const int code = context.parse(parser, u"campaign resend-unreached"_s, args); code >= 0)
            return code;
        qint64 id = 0;
        if (!onlyCampaignId(parser, &id))
            return context.fail(u"campaign resend-unreached needs one campaign ID"_s, CommandContext::Usage);
        const auto workspace = context.openWorkspace(Workspace::OpenMode::OpenExisting);
        if (!workspace)
            return CommandContext::Failure;
        CampaignStore store(*workspace);
        const std::optional<Campaign> original = store.find(id);
        if (!original)
            return context.fail(u"no campaign with id %1"_s.arg(id));
        const QString name = parser.isSet(nameOpt) ? parser.value(nameOpt) : u"%1 (not reached)"_s.arg(original->name);
        QString error;
        const std::optional<Campaign> copy = store.createUnreachedCopy(id, name, &error);
        if (!copy)
            return context.fail(error);
        context.out() << copy->id << '\n';
        return CommandContext::Success;
    }

    int stop(CommandContext &context, const QString &action, const QStringList &args)
    {
        QCommandLineParser parser;
        parser.addPositionalArgument(u"id"_s, u"the campaign"_s);
        if (const int code = context.parse(parser, u"campaign "_s + action, args); code >= 0)
            return code;
        qint64 id = 0;
        if (!onlyCampaignId(parser, &id))
            return context.fail(u"campaign %1 needs one campaign ID"_s.arg(action), CommandContext::Usage);
        const auto workspace = context.openWorkspace(Workspace::OpenMode::OpenExisting);
        if (!workspace)
            return CommandContext::Failure;
        CampaignStore store(*workspace);
        const std::optional<Campaign> campaign = store.find(id);
        if (!campaign)
            return context.fail(u"no campaign with id %1"_s.arg(id));
        QString error;
        // A running sender sees the change within a moment and stops after the messages in flight.
        if (action == u"pause"_s) {
            if (campaign->state != CampaignState::Sending)
                return context.fail(u"campaign %1 is %2, not sending"_s.arg(id).arg(Campaign::stateName(campaign->state)));
            if (!store.setState(id, CampaignState::Paused, u"paused by the user"_s, &error))
                return context.fail(error);
        } else {
            if (campaign->state == CampaignState::Sent || campaign->state == CampaignState::Cancelled)
                return context.fail(u"campaign %1 is already %2"_s.arg(id).arg(Campaign::stateName(campaign->state)));
            if (!store.cancel(id, &error))
                return context.fail(error);
        }
        if (action == u"pause"_s) {
            context.out() << "Campaign " << id << " paused\n";
            return CommandContext::Success;
        }
        // Messages in flight in a running sender may still be accepted: the counts settle within a moment.
        const DeliveryCounts counts = store.counts(id);
        context.out() << "Campaign " << id << " cancelled: " << counts.sent << " sent, " << counts.cancelled
                      << " not reached (cancelled, not failed)\n";
        if (counts.cancelled > 0)
            context.out() << "Send it to the leads it did not reach with: leadtrail-cli campaign resend-unreached "
                          << id << '\n';
        return CommandContext::Success;
    }
};

// Issue 5 (insight): stats and reclassify, over core/insight.
int CampaignCommand::stats(CommandContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"The stats panel of a campaign: opened and clicked count unique leads with a "
                                     "human open or click; machine activity is counted beside them."_s);
    parser.addPositionalArgument(u"id"_s, u"the campaign"_s);
    const QCommandLineOption json(u"json"_s, u"print JSON"_s);
    parser.addOption(json);
    if (const int code = context.parse(parser, u"campaign stats"_s, args); code >= 0)
        return code;
    qint64 id = 0;
    if (!onlyCampaignId(parser, &id))
        return context.fail(u"campaign stats needs one campaign ID"_s, CommandContext::Usage);
    const auto workspace = context.openWorkspace(Workspace::OpenMode::OpenExisting);
    if (!workspace)
        return CommandContext::Failure;
    QString error;
    const std::optional<CampaignStats> s = CampaignStats::compute(*workspace, id, &error);
    if (!s)
        return context.fail(error);
    QTextStream &out = context.out();
    if (parser.isSet(json)) {
        out << QJsonDocument(s->toJson()).toJson(QJsonDocument::Indented);
        return CommandContext::Success;
    }
    const auto percent = [](double rate) { return QString::number(rate * 100, 'f', 1) + u'%'; };
    out << s->name << "\n  total " << s->total << ", sent " << s->sent << ", failed " << s->failed << ", unknown "
        << s->unknown << ", cancelled " << s->cancelled << "\n  opened " << s->opened << " (" << percent(s->openRate()) << "), clicked " << s->clicked
        << " (" << percent(s->clickRate()) << ")\n  machine opens " << s->machineOpens << ", machine clicks "
        << s->machineClicks << "\n  unsubscribed " << s->unsubscribed << ", conversions " << s->conversions << '\n';
    for (const CampaignStats::Revenue &r : s->revenue)
        out << "  revenue " << r.amount << ' ' << r.currency << (r.perClick.isEmpty() ? QString() : u" ("_s + r.perClick + u" per click)"_s) << '\n';
    for (const CampaignStats::Reason &r : s->failureReasons)
        out << "  failed " << r.count << "× " << r.reason << '\n';
    for (const CampaignStats::Link &l : s->links)
        out << "  link " << l.url << ": " << l.clicks << " clicks, " << l.uniqueClicks << " unique, " << l.machineClicks
            << " machine\n";
    return CommandContext::Success;
}

int CampaignCommand::reclassify(CommandContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Classifies every open and click of the campaign again from the stored "
                                     "evidence, with the current insight.* settings."_s);
    parser.addPositionalArgument(u"id"_s, u"the campaign"_s);
    if (const int code = context.parse(parser, u"campaign reclassify"_s, args); code >= 0)
        return code;
    qint64 id = 0;
    if (!onlyCampaignId(parser, &id))
        return context.fail(u"campaign reclassify needs one campaign ID"_s, CommandContext::Usage);
    const auto workspace = context.openWorkspace(Workspace::OpenMode::OpenExisting);
    if (!workspace)
        return CommandContext::Failure;
    InsightEngine engine(*workspace, InsightConfig::fromWorkspace(*workspace));
    QString error;
    const auto result = engine.reclassifyCampaign(id, QDateTime::currentMSecsSinceEpoch(), &error);
    if (!result)
        return context.fail(error);
    context.out() << "Reclassified campaign " << id << ": " << result->events << " verdicts changed over "
                  << result->deliveries << " deliveries; " << result->rulesApplied << " rules applied\n";
    return CommandContext::Success;
}

const CommandRegistration registration{u"campaign"_s, [] { return std::make_unique<CampaignCommand>(); }};

} // namespace

} // namespace leadtrail::cli
