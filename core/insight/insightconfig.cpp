#include "insight/insightconfig.h"

#include "store/settings.h"

using namespace Qt::StringLiterals;

namespace leadtrail {

double InsightConfig::thresholdFor(const QString &category) const
{
    return categoryThresholds.value(category.toLower(), hotThreshold);
}

double InsightConfig::clickWeightFor(const QString &url) const
{
    const QString lower = url.toLower();
    std::optional<double> best;
    for (auto it = linkWeights.cbegin(); it != linkWeights.cend(); ++it) {
        if (lower.contains(it.key()) && (!best || it.value() > *best))
            best = it.value();
    }
    return best.value_or(clickWeight);
}

bool InsightConfig::scoresLike(const InsightConfig &other) const
{
    return openWeight == other.openWeight && clickWeight == other.clickWeight
        && conversionWeight == other.conversionWeight && linkWeights == other.linkWeights
        && halfLifeDays == other.halfLifeDays && hotThreshold == other.hotThreshold
        && categoryThresholds == other.categoryThresholds;
}

InsightConfig InsightConfig::fromWorkspace(const Workspace &workspace)
{
    InsightConfig c;
    const Settings settings(workspace);
    const QMap<QString, QString> all = settings.all();
    const auto number = [&all](const QString &key, double fallback) {
        bool ok = false;
        const double v = all.value(key).toDouble(&ok);
        return ok && v >= 0 ? v : fallback;
    };
    const auto ms = [&](const QString &key, qint64 fallback) {
        return static_cast<qint64>(number(key, static_cast<double>(fallback) / 1000.0) * 1000.0);
    };
    c.settleMs = ms(u"insight.settle_seconds"_s, c.settleMs);
    c.tooSoonMs = ms(u"insight.too_soon_seconds"_s, c.tooSoonMs);
    c.minReadMs = ms(u"insight.min_read_seconds"_s, c.minReadMs);
    c.burstMs = static_cast<qint64>(number(u"insight.burst_ms"_s, static_cast<double>(c.burstMs)));
    c.decoyWindowMs = ms(u"insight.decoy_window_seconds"_s, c.decoyWindowMs);
    c.openWeight = number(u"insight.weight.open"_s, c.openWeight);
    c.clickWeight = number(u"insight.weight.click"_s, c.clickWeight);
    c.conversionWeight = number(u"insight.weight.conversion"_s, c.conversionWeight);
    c.halfLifeDays = number(u"insight.half_life_days"_s, c.halfLifeDays);
    if (c.halfLifeDays <= 0)
        c.halfLifeDays = 14;
    c.hotThreshold = number(u"insight.hot_threshold"_s, c.hotThreshold);
    const QString linkPrefix = u"insight.weight.link."_s;
    const QString thresholdPrefix = u"insight.hot_threshold."_s;
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        if (it.key().startsWith(linkPrefix))
            c.linkWeights.insert(it.key().mid(linkPrefix.size()), number(it.key(), c.clickWeight));
        else if (it.key().startsWith(thresholdPrefix))
            c.categoryThresholds.insert(it.key().mid(thresholdPrefix.size()), number(it.key(), c.hotThreshold));
    }
    return c;
}

} // namespace leadtrail
