#include "store/emailaddress.h"

#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {

// RFC 5322 atext, plus non-ASCII letters (RFC 6531 allows UTF-8 local parts).
bool isAtext(QChar c)
{
    if (c.unicode() > 0x7f)
        return c.isLetterOrNumber();
    return c.isLetterOrNumber() || QStringView(u"!#$%&'*+-/=?^_`{|}~").contains(c);
}

bool isLocalPartValid(QStringView local)
{
    if (local.isEmpty() || local.size() > 64 || local.startsWith(u'.') || local.endsWith(u'.')
        || local.contains(u".."))
        return false;
    for (QChar c : local) {
        if (c != u'.' && !isAtext(c))
            return false;
    }
    return true;
}

bool isDomainValid(QStringView domain)
{
    if (domain.isEmpty() || domain.size() > 253)
        return false;
    const auto labels = domain.split(u'.');
    if (labels.size() < 2)
        return false;
    for (QStringView label : labels) {
        if (label.isEmpty() || label.size() > 63 || label.startsWith(u'-') || label.endsWith(u'-'))
            return false;
        for (QChar c : label) {
            if (c != u'-' && !c.isLetterOrNumber())
                return false;
        }
    }
    // The top-level domain is never all digits (that would be an IP address without brackets).
    const QStringView tld = labels.last();
    return std::any_of(tld.begin(), tld.end(), [](QChar c) { return !c.isDigit(); });
}

} // namespace

bool EmailAddress::isValid(const QString &address)
{
    const QString value = normalized(address);
    if (value.size() > 254)
        return false;
    const qsizetype at = value.lastIndexOf(u'@');
    if (at <= 0)
        return false;
    return isLocalPartValid(QStringView(value).left(at)) && isDomainValid(QStringView(value).mid(at + 1));
}

QString EmailAddress::normalized(const QString &address)
{
    return address.trimmed();
}

QString EmailAddress::key(const QString &address)
{
    return normalized(address).toCaseFolded();
}

} // namespace leadtrail
