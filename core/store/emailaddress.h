#pragma once

#include <QString>

namespace leadtrail {

/**
 * The one place that decides what a usable email address is and how two
 * addresses compare (case-insensitively, whitespace around them ignored).
 */
class EmailAddress final
{
public:
    /** A practical check of addr-spec (RFC 5322 dot-atom local part, DNS-like domain with a dot). */
    static bool isValid(const QString &address);
    /** The address as stored: surrounding whitespace removed. */
    static QString normalized(const QString &address);
    /** The comparison key: normalized and case-folded. */
    static QString key(const QString &address);
};

} // namespace leadtrail
