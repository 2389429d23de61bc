#include "campaign/headervalue.h"

namespace leadtrail {

QString sanitizeHeaderValue(const QString &value)
{
    QString out = value;
    for (QChar &c : out) {
        const char16_t u = c.unicode();
        // C0 controls, DEL, C1 controls and the Unicode line/paragraph
        // separators: a mail reader could treat any of them as a break.
        if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0) || u == 0x2028 || u == 0x2029)
            c = QLatin1Char(' ');
    }
    return out;
}

} // namespace leadtrail
