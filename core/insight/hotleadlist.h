#pragma once

#include "insight/hotleadalert.h"

#include <QList>

namespace leadtrail {

class Workspace;

/**
 * The leads that are hot now (above their threshold since their last alert),
 * hottest first, each with its latest alert: the "hot leads" list.
 */
class HotLeadList final
{
public:
    static QList<HotLeadAlert> current(const Workspace &workspace);
};

} // namespace leadtrail
