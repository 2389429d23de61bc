#pragma once

// The generated data of the benchmarks (bench-insight, bench-ui): a workspace
// of leads with one sent campaign, and a relay store of events for it,
// written through the relay's own EventStore.

#include "relayconfig.h"

#include <QString>

#include <string>

namespace leadtrail {
class Workspace;
}

namespace benchseed {

/** Delivery 1's lead gets this many events: the "busy lead" of the timeline figures. */
constexpr int busyLeadEvents = 1000;

/** Delivery @p i's id: @p i as 32 hex digits. */
QString deliveryHex(qint64 i);

/** @p deliveries leads, one sent campaign (id 1) and a delivery per lead, written straight into the workspace. */
bool seedWorkspace(const leadtrail::Workspace &ws, qint64 deliveries, qint64 sentAt);

/**
 * The relay's store, through the relay's own append(): per delivery a few
 * opens and clicks by browsers, some by scanners, HEADs, decoys, Apple proxy
 * opens, unsubscribes and conversions; delivery 1 gets busyLeadEvents.
 */
void seedRelay(const std::string &path, qint64 events, qint64 deliveries, qint64 sentAt);

/** A relay on 127.0.0.1, port 0, serving the store at @p path to the API key @p apiKey. */
leadtrail::relay::RelayConfig relayConfig(const std::string &path, const std::string &apiKey);

} // namespace benchseed
