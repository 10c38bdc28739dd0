import EcotopCore

/// The 0-100 health of the ecosystem as a whole and of each metric family.
///
/// 1. **Metric score** `sᵢ` (`Thresholds.score`): 100 on the good side of the warning
///    threshold, falling linearly to 50 at the critical threshold and on to 0 one more
///    warn-to-critical distance beyond it. For a higher-is-better metric with warn 40 and
///    critical 30, a value of 35 scores 75 and 25 scores 25. Only the latest value counts; an
///    anomaly does not lower the score.
/// 2. **Family score** `F = Σ wᵢ·sᵢ / Σ wᵢ` over the family's metrics that have fresh data,
///    where `wᵢ` is the metric's weight (default 1).
/// 3. **Overall score** `H = Σ W_f·F_f / Σ W_f` over the families that have a score, where
///    `W_f` is the family's weight (default 1).
///
/// Weights below 0 count as 0. Stale metrics and metrics without data are left out, not
/// counted as 0: they show as STALE or N/A instead. A family whose metrics all lack
/// fresh data, or all weigh 0, has no score and is left out of the overall score; with no
/// family score at all there is no overall score. The same text, for users, is in
/// docs/health-score.md and (short) in `formulaSummary`.
public struct HealthScore: Sendable, Hashable {
    /// Each family's score; a family with no fresh metric has none.
    public var families: [MetricFamily: Double]
    /// The weighted mean of the family scores; nil when no family has one.
    public var overall: Double?

    public init(families: [MetricFamily: Double], overall: Double?) {
        self.families = families
        self.overall = overall
    }

    /// Scores metric summaries with family weights and metric weights (a missing weight counts as 1).
    public init(
        summaries: [MetricSummary], weights: [MetricFamily: Double] = [:], metricWeights: [MetricID: Double] = [:]
    ) {
        var order: [MetricFamily] = []
        for summary in summaries where !order.contains(summary.definition.family) { order.append(summary.definition.family) }
        var families: [MetricFamily: Double] = [:]
        for family in order {
            let scored = summaries.filter { $0.definition.family == family }.compactMap { summary in
                summary.score.map { (value: $0, weight: Self.weight(metricWeights[summary.id])) }
            }
            if let score = Self.weightedMean(scored) { families[family] = score }
        }
        let overall = Self.weightedMean(
            order.compactMap { family in
                families[family].map { (value: $0, weight: Self.weight(weights[family])) }
            })
        self.init(families: families, overall: overall)
    }

    /// The formula in one paragraph, for the help overlay.
    public static let formulaSummary = """
        Health is 0-100. Each metric scores 100 while on the good side of its warning threshold, \
        50 at its critical threshold and 0 one more warn-to-critical step beyond it, linearly in \
        between. A family scores the weighted mean of its metrics with fresh data; the overall \
        score is the weighted mean of the family scores. Weights default to 1 and are set per \
        family and per metric in the config. Stale metrics and those without data are left out, \
        not counted as zero; anomalies are flagged but do not lower the score.
        """

    private static func weight(_ configured: Double?) -> Double {
        max(0, configured ?? 1)
    }

    /// Σ wᵢ·vᵢ / Σ wᵢ; nil when the weights add up to 0.
    private static func weightedMean(_ items: [(value: Double, weight: Double)]) -> Double? {
        let totalWeight = items.reduce(0) { $0 + $1.weight }
        guard totalWeight > 0 else { return nil }
        return items.reduce(0) { $0 + $1.value * $1.weight } / totalWeight
    }
}
