#pragma once

#include <QString>

#include <memory>

namespace leadtrail {

class Workspace;

/**
 * The sample workspace a newcomer opens from the welcome page: the bundled
 * sample leads (imported with LeadImporter), the pricing-click rule, and a
 * campaign that was "sent" yesterday (its deliveries marked sent through
 * CampaignStore, no mail leaves the machine) with what recipients did
 * afterwards: opens, clicks, a link scanner's HEAD requests, an Apple proxy
 * open, an unsubscribe and a conversion. Those events carry the fields of
 * real signed tokens and go through EventIngestor and InsightEngine exactly
 * as a relay's page would, so every screen shows what the product computes,
 * not a picture of it.
 */
class SampleWorkspace final
{
public:
    /** Where the application keeps it: <AppDataLocation>/sample. */
    static QString defaultFolder();

    /**
     * Opens the sample workspace in @p folder, building it first when the
     * folder holds none. It is built beside the folder and moved into place
     * only when complete, so a failure leaves nothing half made. nullptr and
     * the reason in @p error on failure.
     */
    static std::unique_ptr<Workspace> open(const QString &folder, QString *error);

    /** Fills an empty, freshly created workspace with the sample. */
    static bool populate(const Workspace &workspace, qint64 nowMs, QString *error);

    /** The sample campaign's name (the one with the results). */
    static QString campaignName();
};

} // namespace leadtrail
