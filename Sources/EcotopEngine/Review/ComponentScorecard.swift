import EcotopCore

/// How one component did over a review's period, against the period before: its place in the
/// ecosystem (hub or endpoint, how many integrations, how many of them critical), what is
/// attributed to it by the `component` label, how its integrations failed, how current its
/// sources are, and its value against its cost.
public struct ComponentScorecard: Sendable, Hashable, Identifiable {
    /// One metric's part attributed to the component (`MetricBreakdown.Part.latest`).
    public struct Attributed: Sendable, Hashable {
        public var metric: MetricDefinition
        public var current: Double?
        /// Nil where the data does not reach back a whole period.
        public var previous: Double?
        /// The period's points, oldest first.
        public var points: [SeriesPoint]
    }

    public var component: Component
    /// How many integrations start or end at it, and how many of those are critical.
    public var degree: Int
    public var criticalEdges: Int
    /// Its integrations over the period, ranked as the errors screen ranks them.
    public var integrations: [IntegrationErrorSummary]
    /// Its integrations' failures in the period, and in the period before (nil: no events then).
    public var failures: Int
    public var previousFailures: Int?
    /// Usage and value attributed to it, in the catalog's order.
    public var attributed: [Attributed]
    /// Its sources (series labelled with it), stalest first.
    public var sources: [DataFreshness.Entry]

    public var id: String { component.id }

    /// Its integrations that were unhealthy over the period.
    public var unhealthyIntegrations: [IntegrationErrorSummary] { integrations.filter { $0.health.state == .unhealthy } }

    /// Its sources that are not fresh.
    public var staleSources: [DataFreshness.Entry] { sources.filter { !$0.isFresh } }

    /// The money attributed to it: the sum of its parts of the value family's currency metrics.
    public var value: Double? { Self.money(attributed.map { ($0.metric, $0.current) }) }
    public var previousValue: Double? { Self.money(attributed.map { ($0.metric, $0.previous) }) }

    /// What it costs a month, when the configuration says.
    public var monthlyCost: Double? { component.cost?.monthly }

    /// Value per monthly cost, when both are known and the cost is not zero.
    public var valuePerCost: Double? { Self.ratio(value, monthlyCost) }
    public var previousValuePerCost: Double? { Self.ratio(previousValue, monthlyCost) }

    /// The scorecard of every component of the evidence's ecosystem, in its order.
    public static func scorecards(_ evidence: ReviewEvidence) -> [ComponentScorecard] {
        let ecosystem = evidence.ecosystem
        return ecosystem.components.map { component in
            let edges = ecosystem.integrations.filter { $0.from == component.id || $0.to == component.id }
            let ids = Set(edges.map(\.id))
            let integrations = evidence.integrations.filter { ids.contains($0.id) }
            let previous = evidence.previousIntegrations.filter { ids.contains($0.id) }
            let attributed = evidence.attributions.compactMap { attribution -> Attributed? in
                guard let part = attribution.current.parts.first(where: { $0.value == component.id }) else { return nil }
                let before = attribution.previous.parts.first { $0.value == component.id }
                return Attributed(metric: attribution.metric, current: part.latest, previous: before?.latest, points: part.points)
            }
            return ComponentScorecard(
                component: component, degree: edges.count, criticalEdges: edges.count(where: \.isCritical), integrations: integrations,
                failures: integrations.reduce(0) { $0 + $1.failures },
                previousFailures: evidence.previousHasEvents ? previous.reduce(0) { $0 + $1.failures } : nil, attributed: attributed,
                sources: evidence.freshness.entries.filter { $0.key[label: "component"] == component.id })
        }
    }

    private static func money(_ values: [(MetricDefinition, Double?)]) -> Double? {
        let known = values.filter { $0.0.family == .value && $0.0.unit == .currency }.compactMap(\.1)
        return known.isEmpty ? nil : known.reduce(0, +)
    }

    private static func ratio(_ value: Double?, _ cost: Double?) -> Double? {
        guard let value, let cost, cost > 0 else { return nil }
        return value / cost
    }
}
