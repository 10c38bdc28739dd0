import EcotopCore

/// The 0-100 health of the ecosystem as a whole and of each metric family.
///
/// A metric scores 100 on the good side of its warning threshold, 50 at its critical
/// threshold, and 0 one warn-to-critical distance beyond it (`Thresholds.score`). A family
/// scores the mean of its metrics that have fresh data; the ecosystem scores the weighted
/// mean of its families. Stale metrics and families without data are left out, not counted
/// as zero, and are shown as such instead.
public struct HealthScore: Sendable, Hashable {
    /// Each family's score; a family with no fresh metric has none.
    public var families: [MetricFamily: Double]
    /// The weighted mean of the family scores; nil when no family has one.
    public var overall: Double?

    public init(families: [MetricFamily: Double], overall: Double?) {
        self.families = families
        self.overall = overall
    }

    /// The formula in one paragraph, for the help overlay.
    public static let formulaSummary = """
        Health score: each metric scores 100 on the good side of its warning threshold, 50 at its \
        critical threshold and 0 one warn-to-critical distance beyond. A family scores the mean of its \
        fresh metrics; the ecosystem scores the weighted mean of its families (weights from the config, \
        1 each by default). Stale metrics are left out, not counted as zero.
        """

    /// Scores metric summaries with family weights (a missing weight counts as 1).
    public init(summaries: [MetricSummary], weights: [MetricFamily: Double] = [:]) {
        var families: [MetricFamily: Double] = [:]
        var weightedTotal = 0.0, totalWeight = 0.0
        for family in MetricFamily.allCases {
            let scores = summaries.filter { $0.definition.family == family }.compactMap(\.score)
            guard !scores.isEmpty else { continue }
            let score = scores.reduce(0, +) / Double(scores.count)
            families[family] = score
            let weight = max(0, weights[family] ?? 1)
            weightedTotal += score * weight
            totalWeight += weight
        }
        self.init(families: families, overall: totalWeight > 0 ? weightedTotal / totalWeight : nil)
    }
}
