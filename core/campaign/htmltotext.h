#pragma once

#include <QString>

namespace leadtrail {

/**
 * Derives a readable plain-text part from an email's HTML, for campaigns
 * whose author wrote none: paragraphs become blank-line separated, `<br>` a
 * line break, list items `- ` lines, links `text (url)`. Styles, scripts,
 * comments, the head, Outlook-only conditional blocks and elements hidden
 * with `display:none` (preheaders, decoys) are left out.
 */
class HtmlToText final
{
public:
    static QString convert(const QString &html);
};

} // namespace leadtrail
