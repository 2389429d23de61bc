#pragma once

#include <QString>

namespace leadtrail {

/**
 * Where the tracked URLs of one delivery point. Rendering asks for them and
 * does not care how they are made: production signs relay tokens
 * (SignedTrackingLinks), tests can return readable URLs.
 */
class TrackingLinks
{
public:
    virtual ~TrackingLinks() = default;

    /** The relay URL for the @p linkIndex-th tracked link, leading to @p destination; empty when it cannot be tracked (the link then stays as written). */
    virtual QString clickUrl(int linkIndex, const QString &destination) = 0;
    /** The source of the open pixel. */
    virtual QString openPixelUrl() = 0;
    /** The one-click unsubscribe URL (page on GET, RFC 8058 on POST). */
    virtual QString unsubscribeUrl() = 0;
    /** The hidden link only machines follow. */
    virtual QString decoyUrl() = 0;

protected:
    TrackingLinks() = default;
    TrackingLinks(const TrackingLinks &) = default;
    TrackingLinks &operator=(const TrackingLinks &) = default;
};

} // namespace leadtrail
