#pragma once

#include "store/lead.h"
#include "store/leadquery.h"

#include <QList>

#include <optional>

namespace leadtrail {

/** A page of leads, and the cursor that fetches the page after it (unset on the last page). */
struct LeadPage
{
    QList<Lead> leads;
    std::optional<LeadCursor> next;
};

} // namespace leadtrail
