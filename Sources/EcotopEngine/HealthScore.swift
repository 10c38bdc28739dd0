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
/// 3. **Integrations** (`IntegrationHealth`): while an integration is unhealthy, the usage
///    family's score (the overall score when the catalog has no usage family) is capped: at
///    `criticalIntegrationCap` (WARN) for a critical integration, at `integrationCap` for
///    another. Integrations in trouble are usage in trouble, whatever the usage metrics say.
/// 4. **Overall score** `H = Σ W_f·F_f / Σ W_f` over the families that have a score, where
///    `W_f` is the family's weight (default 1).
///
/// Weights below 0 count as 0. Stale metrics and metrics without data are left out, not
/// counted as 0: they show as STALE or N/A instead, and `reporting` of `total` says how many
/// metrics the score stands on. A family whose metrics all lack fresh data, or all weigh 0,
/// has no score and is left out of the overall score; with no family score at all there is no
/// overall score. The same text, for users, is in docs/health-score.md and (short) in
/// `formulaSummary`.
public struct HealthScore: Sendable, Hashable {
    /// Each family's score; a family with no fresh metric has none.
    public var families: [MetricFamily: Double]
    /// The weighted mean of the family scores; nil when no family has one.
    public var overall: Double?
    /// How many metrics have a fresh value and so a score.
    public var reporting: Int
    /// How many metrics the catalog has.
    public var total: Int
    /// The unhealthy integrations that capped the score, critical ones first.
    public var unhealthyIntegrations: [String]

    /// The highest the usage score may be while a critical integration is unhealthy: WARN.
    public static let criticalIntegrationCap = 60.0
    /// The highest it may be while another integration is unhealthy.
    public static let integrationCap = 79.0

    public init(
        families: [MetricFamily: Double], overall: Double?, reporting: Int = 0, total: Int = 0,
        unhealthyIntegrations: [String] = []
    ) {
        self.families = families
        self.overall = overall
        self.reporting = reporting
        self.total = total
        self.unhealthyIntegrations = unhealthyIntegrations
    }

    /// Scores metric summaries with family weights and metric weights (a missing weight counts
    /// as 1), capped by the integrations' health when it is known.
    public init(
        summaries: [MetricSummary], weights: [MetricFamily: Double] = [:], metricWeights: [MetricID: Double] = [:],
        integrations: IntegrationHealth? = nil
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
        let unhealthy = integrations?.unhealthy ?? []
        let cap = unhealthy.isEmpty ? nil
            : (unhealthy.contains { $0.integration.isCritical } ? Self.criticalIntegrationCap : Self.integrationCap)
        let capsUsage = order.contains(.usage)
        if let cap, capsUsage { families[.usage] = min(families[.usage] ?? cap, cap) }
        var overall = Self.weightedMean(
            order.compactMap { family in
                families[family].map { (value: $0, weight: Self.weight(weights[family])) }
            })
        if let cap, !capsUsage { overall = min(overall ?? cap, cap) }
        self.init(
            families: families, overall: overall, reporting: summaries.filter { $0.score != nil }.count,
            total: summaries.count, unhealthyIntegrations: unhealthy.map(\.id))
    }

    /// The formula in one paragraph, for the help overlay.
    public static let formulaSummary = """
        Health is 0-100. Each metric scores 100 while on the good side of its warning threshold, \
        50 at its critical threshold and 0 one more warn-to-critical step beyond it, linearly in \
        between. A family scores the weighted mean of its metrics with fresh data; while an \
        integration is unhealthy (over the last 15 minutes) the usage score is capped at 79, at 60 \
        for a critical one. The overall score is the weighted mean of the family scores. Weights \
        default to 1 and are set per family and per metric in the config. Stale metrics and those \
        without data are left out, not counted as zero, and the header says how many metrics \
        report; anomalies are flagged but do not lower the score.
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
