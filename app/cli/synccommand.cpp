#include "command.h"
#include "commandcontext.h"
#include "commandregistry.h"

#include "insight/insightconfig.h"
#include "insight/insightengine.h"
#include "insight/relaypoller.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace leadtrail::cli {

namespace {

QString when(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(Qt::ISODate) : u"never"_s;
}

/** `sync [--follow] [--status]`: pulls the relay's events and settles what is due. */
class SyncCommand final : public Command
{
public:
    QString name() const override { return u"sync"_s; }
    QString summary() const override { return u"pull opens, clicks and conversions from the relay"_s; }

    int run(CommandContext &context, const QStringList &args) override
    {
        QCommandLineParser parser;
        parser.setApplicationDescription(
            u"Pulls new events from the paired relay until up to date (or keeps following with --follow), "
            "stores them, and classifies the deliveries whose settle window has passed. Prints how many "
            "events were ingested, skipped as duplicates, and kept aside for deliveries this workspace does "
            "not know."_s);
        const QCommandLineOption follow(u"follow"_s, u"keep following new events until interrupted"_s);
        const QCommandLineOption status(u"status"_s, u"print the sync state and exit"_s);
        const QCommandLineOption retries(u"retries"_s, u"give up after N failed attempts in a row (default 3; 0: never)"_s,
                                         u"N"_s, u"3"_s);
        const QCommandLineOption json(u"json"_s, u"print the summary as JSON"_s);
        parser.addOptions({follow, status, retries, json});
        if (const int code = context.parse(parser, name(), args); code >= 0)
            return code;
        bool ok = false;
        const int maxFailures = parser.value(retries).toInt(&ok);
        if (!ok || maxFailures < 0)
            return context.fail(u"--retries needs a whole number"_s, CommandContext::Usage);
        const auto workspace = context.openWorkspace(Workspace::OpenMode::OpenExisting);
        if (!workspace)
            return CommandContext::Failure;

        if (parser.isSet(status)) {
            const SyncState s = RelayPoller::storedState(*workspace);
            context.out() << "cursor " << s.cursor << "\nlast success: " << when(s.lastSuccess)
                          << "\nlast attempt: " << when(s.lastAttempt)
                          << "\nerror: " << (s.error.isEmpty() ? u"none"_s : s.error) << "\ningested " << s.ingested
                          << ", duplicates " << s.duplicates << ", kept aside " << s.keptAside << '\n';
            return CommandContext::Success;
        }

        RelayPoller poller(*workspace);
        QString error;
        if (!poller.configureFromWorkspace(&error))
            return context.fail(error);
        poller.setMaxFailures(maxFailures);
        InsightEngine engine(*workspace, InsightConfig::fromWorkspace(*workspace));
        QTextStream &out = context.out();
        // With --json, stdout carries only the summary object.
        QTextStream &alerts = parser.isSet(json) ? context.err() : out;
        QObject::connect(&engine, &InsightEngine::hotLeadAlert, [&alerts](const HotLeadAlert &alert) {
            QTextStream &out = alerts;
            out << "Hot lead: " << alert.email << " (score " << QString::number(alert.score, 'f', 1) << "): "
                << alert.reason << '\n';
            out.flush();
        });
        InsightEngine::Result settled;
        QString settleError;
        const auto settle = [&] {
            const std::optional<InsightEngine::Result> r = engine.settle(QDateTime::currentMSecsSinceEpoch(), &settleError);
            if (!r)
                return false;
            settled.deliveries += r->deliveries;
            settled.events += r->events;
            settled.rulesApplied += r->rulesApplied;
            settled.alerts += r->alerts;
            return true;
        };
        QObject::connect(&poller, &RelayPoller::stateChanged, [&context](const SyncState &s) {
            if (!s.error.isEmpty())
                context.err() << "sync: " << s.error << (s.retryInMs > 0 ? u" (retrying in %1 s)"_s.arg(
                                                                               double(s.retryInMs) / 1000.0)
                                                                         : QString())
                              << '\n';
            context.err().flush();
        });
        QTimer settleTimer;
        if (parser.isSet(follow)) {
            poller.setMaxFailures(0);
            QObject::connect(&poller, &RelayPoller::pageIngested, [&out](const IngestResult &page) {
                if (page.ingested + page.duplicates + page.keptAside == 0)
                    return;
                out << "ingested " << page.ingested << ", duplicates " << page.duplicates << ", kept aside "
                    << page.keptAside << " (cursor " << page.cursor << ")\n";
                out.flush();
            });
            QObject::connect(&settleTimer, &QTimer::timeout, [&] {
                if (!settle())
                    context.err() << "sync: " << settleError << '\n';
            });
            settleTimer.start(1000);
        }
        bool pulled = false;
        QObject::connect(&poller, &RelayPoller::finished, [&pulled](bool result) {
            pulled = result;
            QCoreApplication::exit(0);
        });
        poller.start(parser.isSet(follow) ? RelayPoller::Mode::Follow : RelayPoller::Mode::UntilCaughtUp);
        QCoreApplication::exec();
        if (!settle())
            return context.fail(settleError);

        const IngestResult totals = poller.totals();
        if (parser.isSet(json)) {
            out << QJsonDocument(QJsonObject{{u"ok"_s, pulled},
                                             {u"error"_s, poller.state().error},
                                             {u"ingested"_s, totals.ingested},
                                             {u"duplicates"_s, totals.duplicates},
                                             {u"kept_aside"_s, totals.keptAside},
                                             {u"cursor"_s, RelayPoller::storedState(*workspace).cursor},
                                             {u"classified"_s, settled.events},
                                             {u"rules_applied"_s, settled.rulesApplied},
                                             {u"alerts"_s, settled.alerts}})
                       .toJson(QJsonDocument::Compact)
                << '\n';
        } else {
            out << "Ingested " << totals.ingested << " events, skipped " << totals.duplicates
                << " duplicates, kept aside " << totals.keptAside << " for unknown deliveries.\n"
                << "Classified " << settled.events << " events of " << settled.deliveries << " deliveries; "
                << settled.rulesApplied << " rules applied, " << settled.alerts << " hot-lead alerts.\n";
        }
        if (!pulled)
            return context.fail(u"not up to date: %1"_s.arg(poller.state().error));
        return CommandContext::Success;
    }
};

const CommandRegistration registration{u"sync"_s, [] { return std::make_unique<SyncCommand>(); }};

} // namespace

} // namespace leadtrail::cli
