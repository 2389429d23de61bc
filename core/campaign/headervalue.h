#pragma once

#include <QString>

namespace leadtrail {

/**
 * Makes a value safe to place in a mail header: every CR, LF and other
 * control character becomes a space, so no value (a subject, a display name,
 * a merge field) can ever start a new header line or smuggle in a NUL.
 */
QString sanitizeHeaderValue(const QString &value);

} // namespace leadtrail
