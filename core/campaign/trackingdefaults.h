#pragma once

#include <QString>

namespace leadtrail {

struct Campaign;
class Workspace;

/**
 * How a new campaign is tracked unless its author says otherwise: opens,
 * clicks, the decoy link, UTM parameters and click ids. Kept in the
 * workspace's settings (tracking.opens, tracking.clicks, tracking.decoy,
 * tracking.utm, tracking.click_ids as true/false); unset keys fall back to
 * Campaign's own defaults, so a workspace that never saved any behaves as
 * before.
 */
struct TrackingDefaults
{
    bool opens = true;
    bool clicks = true;
    bool decoy = true;
    bool utm = false;
    bool clickIds = false;

    static TrackingDefaults fromWorkspace(const Workspace &workspace);
    bool save(const Workspace &workspace, QString *error) const;
    /** Sets the tracking options of @p campaign (a new draft) to these. */
    void applyTo(Campaign &campaign) const;
};

} // namespace leadtrail
