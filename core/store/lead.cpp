#include "store/lead.h"

using namespace Qt::StringLiterals;

namespace leadtrail {

QString Lead::displayName() const
{
    const QString name = QStringList{firstName, lastName}.join(u' ').trimmed();
    return name.isEmpty() ? email : name;
}

bool Lead::sameData(const Lead &other) const
{
    return email == other.email && firstName == other.firstName && lastName == other.lastName
        && company == other.company && phone == other.phone && category == other.category
        && stage == other.stage && tags == other.tags && owner == other.owner
        && customFields == other.customFields && score == other.score && bounced == other.bounced
        && unsubscribedAt == other.unsubscribedAt;
}

} // namespace leadtrail
