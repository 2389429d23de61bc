#pragma once

#include "insight/hotleadalert.h"
#include "insight/insightconfig.h"

#include <QList>

namespace leadtrail {

class Workspace;

/**
 * The leads that are hot now (above their threshold since their last alert),
 * hottest first, each with its latest alert: the "hot leads" list. Each
 * comes with its threshold under @p config (not the one of its alert, which
 * may have changed since) and the evidence that counts: every human open,
 * click and conversion, with its campaign, link and time.
 *
 * Scores are as InsightEngine last stored them: after a weight or threshold
 * change, InsightEngine::rescoreAll() brings them in line first.
 */
class HotLeadList final
{
public:
    static QList<HotLeadAlert> current(const Workspace &workspace, const InsightConfig &config);
    /** current() with the workspace's settings. */
    static QList<HotLeadAlert> current(const Workspace &workspace);
};

} // namespace leadtrail
