#pragma once

#include <QMap>
#include <QString>

namespace leadtrail {

class Workspace;

/**
 * The knobs of classification, scoring and hot-lead alerts, read from the
 * workspace settings (keys under `insight.`); tests set them directly.
 *
 *   insight.settle_seconds        evidence window before a delivery's events count (default 30)
 *   insight.too_soon_seconds      an open or click sooner after sending is a machine (default 3)
 *   insight.min_read_seconds      a first click with no open before it, sooner than this, is a machine (default 10)
 *   insight.burst_ms              different links of one message clicked within this are a machine (default 1000)
 *   insight.decoy_window_seconds  clicks this close to a decoy hit are machine clicks (default 5)
 *   insight.weight.open|click|conversion   score weights (1, 5, 20)
 *   insight.weight.link.<word>    weight of a click whose URL contains <word> (e.g. insight.weight.link.pricing = 10)
 *   insight.half_life_days        score decay half-life (default 14)
 *   insight.hot_threshold         hot-lead threshold (default 20)
 *   insight.hot_threshold.<category>  per lead category (lower case)
 */
struct InsightConfig
{
    qint64 settleMs = 30'000;
    qint64 tooSoonMs = 3'000;
    qint64 minReadMs = 10'000;
    qint64 burstMs = 1'000;
    int burstMinLinks = 2;
    qint64 decoyWindowMs = 5'000;
    double openWeight = 1;
    double clickWeight = 5;
    double conversionWeight = 20;
    QMap<QString, double> linkWeights; ///< lower-case word in the URL → click weight
    double halfLifeDays = 14;
    double hotThreshold = 20;
    QMap<QString, double> categoryThresholds; ///< lower-case category → threshold

    /** The hot-lead threshold for a lead of @p category. */
    double thresholdFor(const QString &category) const;
    /** The weight of a human click on @p url: the largest matching link weight, else clickWeight. */
    double clickWeightFor(const QString &url) const;

    /** Whether @p other gives every lead the same score and threshold (weights, decay, thresholds). */
    bool scoresLike(const InsightConfig &other) const;

    static InsightConfig fromWorkspace(const Workspace &workspace);
};

} // namespace leadtrail
