import EcotopCore

/// One component's scorecard as a review keeps it, for the overview (`v`) and the report:
/// its role and connections, its value against its cost, how its integrations failed, how many
/// of its sources are stale, with the value and failures of the period before. Answers "which
/// platforms pull their weight, which are isolated tools" at a glance.
public struct ReviewScorecardRow: Sendable, Hashable, Codable, Identifiable {
    public var component: String
    public var role: Component.Role
    public var degree: Int
    public var criticalEdges: Int
    /// Value attributed to it (currency), and value per monthly cost (ratio).
    public var value: ReviewFigure
    public var monthlyCost: Double?
    public var valuePerCost: ReviewFigure
    /// Its integrations' failures, and their failures over attempts in percent (nil when no
    /// attempts are known).
    public var failures: ReviewFigure
    public var failureRate: Double?
    public var staleSources: Int

    public var id: String { component }

    /// The row of `card`.
    public init(_ card: ComponentScorecard) {
        component = card.id
        role = card.component.role
        degree = card.degree
        criticalEdges = card.criticalEdges
        value = ReviewFigure(name: "value", current: card.value, previous: card.previousValue, unit: .metric(.currency))
        monthlyCost = card.monthlyCost
        valuePerCost = ReviewFigure(name: "value per cost", current: card.valuePerCost, previous: card.previousValuePerCost, unit: .ratio)
        failures = ReviewFigure(
            name: "failures", current: Double(card.failures), previous: card.previousFailures.map(Double.init), unit: .metric(.count))
        let measured = card.integrations.filter { $0.attempts != nil }
        let attempts = measured.reduce(0) { $0 + ($1.attempts ?? 0) }
        failureRate = attempts > 0 ? Double(measured.reduce(0) { $0 + $1.health.errorCount }) / Double(attempts) * 100 : nil
        staleSources = card.staleSources.count
    }
}
