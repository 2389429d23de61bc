#include "store/version.h"

namespace leadtrail {

QString applicationVersion()
{
    return QStringLiteral(LEADTRAIL_VERSION);
}

} // namespace leadtrail
