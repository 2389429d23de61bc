#pragma once

#include <QString>
#include <QVector>

namespace leadtrail {

class TrackingLinks;

/**
 * Turns one delivery's merged HTML into its tracked HTML: every `http(s)`
 * link in `<a>`, `<area>` and VML (`<v:roundrect href>` etc., also inside
 * Outlook conditional comments) goes through the relay, with UTM parameters
 * merged into the destination when asked; then the unsubscribe footer, the
 * hidden decoy link and the open pixel are added.
 *
 * Only the rewritten attribute values change and the inserted markup is
 * added: every other character of the document is copied through. Left
 * alone: links that are not http(s) (`mailto:`, `tel:`, `sms:`, `#anchors`,
 * relative or empty hrefs, merge fields that resolved to something else),
 * links carrying `data-lt-notrack`, the delivery's own unsubscribe link, and
 * anything inside ordinary comments, `<style>` or `<script>`.
 */
class LinkRewriter final
{
public:
    struct Options
    {
        bool trackClicks = true;
        bool trackOpens = true;
        bool decoyLink = false;
        /** The author placed no `{{unsubscribe_url}}`: add a footer line with it. */
        bool unsubscribeFooter = false;
        bool utm = false;
        QString utmSource;
        QString utmCampaign;
        /** Position of this email in a sequence (1-based), sent as utm_content; 0 for none. */
        int sequencePosition = 0;
        /** The lead's category, sent as utm_term; empty for none. */
        QString leadCategory;
    };

    struct Link
    {
        int index = 0;       ///< the link index signed into the click token
        QString destination; ///< where the recipient lands: decoded once, UTM merged
        QString href;        ///< what the document now says
    };

    struct Result
    {
        QString html;
        QVector<Link> links; ///< every rewritten link, in document order
    };

    static Result rewrite(const QString &html, const Options &options, TrackingLinks &links);

    /**
     * @p url with the UTM parameters of @p options merged in: added to the
     * existing query (after `?`, before any `#fragment`), never replacing a
     * parameter the URL already has, everything else byte for byte.
     */
    static QString mergeUtm(const QString &url, const Options &options);

    /** True for `http:`/`https:` URLs (any case), the only ones tracked. */
    static bool isHttpUrl(const QString &url);

    /** The exact open-pixel markup placed before `</body>`. */
    static QString pixelMarkup(const QString &pixelUrl);
    /** The decoy link: invisible, not focusable, skipped by screen readers. */
    static QString decoyMarkup(const QString &decoyUrl);
    /** The footer line added when the author placed no unsubscribe link. */
    static QString footerMarkup(const QString &unsubscribeUrl);
};

} // namespace leadtrail
