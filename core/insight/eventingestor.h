#pragma once

#include "insight/relayevent.h"

#include <QString>

#include <optional>

namespace leadtrail {

class Workspace;

/** What one ingested page did. */
struct IngestResult
{
    int ingested = 0;   ///< new events of known deliveries
    int duplicates = 0; ///< already stored (a page delivered twice)
    int keptAside = 0;  ///< new events of deliveries this workspace does not know
    qint64 cursor = 0;  ///< the stored cursor after the page
};

/**
 * Writes pages of relay events into the workspace database. Each page and
 * the new cursor go in one transaction, and inserts are idempotent on the
 * relay's event id, so a page stored twice (a retry after a lost answer)
 * changes nothing. Unsubscribes mark the lead unsubscribed at once; a
 * conversion is attached to the click whose id it carries.
 *
 * Classification is not done here: see InsightEngine::settle().
 */
class EventIngestor final
{
public:
    explicit EventIngestor(const Workspace &workspace);

    std::optional<IngestResult> ingest(const RelayEventPage &page, QString *error);

    /** The stored cursor: the relay id of the last event ingested. */
    qint64 cursor() const;

private:
    const Workspace &m_workspace;
};

} // namespace leadtrail
