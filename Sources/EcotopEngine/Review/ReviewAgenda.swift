import EcotopCore

/// What a review walks through, most severe first: degraded integrations, metrics in CRIT,
/// WARN or ANOM, divergences, stale sources, retirement candidates and new integrations, each
/// with the figures, chart and error groups it is judged by. A pure function of the evidence.
public struct ReviewAgenda: Sendable, Hashable {
    public var items: [ReviewItem]
    public var scorecards: [ComponentScorecard]

    /// A component whose value per monthly cost is below this is a retirement candidate.
    public static let lowValuePerCost = 1.0
    /// How many error groups an item shows.
    public static let errorGroupsShown = 3

    /// Severities, highest first: what stops the business before what costs money.
    enum Severity {
        static let criticalIntegration = 90
        static let criticalMetric = 80
        static let integration = 70
        static let divergence = 60
        static let warningMetric = 50
        static let staleSource = 45
        static let anomaly = 40
        static let isolatedComponent = 35
        static let lowValue = 30
        static let newIntegration = 20
    }

    public init(items: [ReviewItem], scorecards: [ComponentScorecard]) {
        self.items = items
        self.scorecards = scorecards
    }

    /// The agenda of `evidence`.
    public init(evidence: ReviewEvidence) {
        scorecards = ComponentScorecard.scorecards(evidence)
        var items = Self.degradedIntegrations(evidence) + Self.metricStatuses(evidence) + Self.divergences(evidence)
        items += Self.staleSources(evidence) + scorecards.compactMap(Self.retirementCandidate) + Self.newIntegrations(evidence, scorecards)
        self.items = items.sorted { ($0.severity, $1.id) > ($1.severity, $0.id) }
    }

    private static func degradedIntegrations(_ evidence: ReviewEvidence) -> [ReviewItem] {
        evidence.integrations.filter { $0.health.state == .unhealthy }.map { summary in
            let previous = evidence.previousIntegrations.first { $0.id == summary.id }
            let known = evidence.previousHasEvents
            return ReviewItem(
                kind: .degradedIntegration, subject: summary.id,
                reason: (summary.integration.isCritical ? "critical integration " : "integration ") + "unhealthy over "
                    + (evidence.eventWindow < evidence.period.seconds ? "the period's last \(Int(evidence.eventWindow / 86_400)) days" : "the period"),
                severity: summary.integration.isCritical ? Severity.criticalIntegration : Severity.integration,
                figures: [
                    ReviewFigure(name: "failures", current: Double(summary.failures), previous: known ? previous.map { Double($0.failures) } : nil),
                    ReviewFigure(name: "failure rate", current: summary.failureRate, previous: known ? previous?.failureRate : nil, unit: .metric(.percent)),
                    ReviewFigure(
                        name: "errors per minute", current: summary.health.errorsPerMinute,
                        previous: known ? previous?.health.errorsPerMinute : nil, unit: .metric(.perMinute)),
                    ReviewFigure(
                        name: "p95 latency", current: summary.p95LatencyMilliseconds, previous: known ? previous?.p95LatencyMilliseconds : nil,
                        unit: .milliseconds),
                ],
                chart: summary.failuresPerBucket.map(Double.init), errorGroups: groups(of: [summary.id], in: evidence))
        }
    }

    private static func metricStatuses(_ evidence: ReviewEvidence) -> [ReviewItem] {
        evidence.summaries.compactMap { summary in
            let severity: Int
            switch summary.status {
            case .critical: severity = Severity.criticalMetric
            case .warn: severity = Severity.warningMetric
            case .anomaly: severity = Severity.anomaly
            case .ok, .stale, .noData: return nil
            }
            let unit = ReviewFigure.Unit.metric(summary.definition.unit)
            return ReviewItem(
                kind: .metricStatus, subject: summary.id.rawValue,
                reason: "\(summary.definition.title) is \(summary.status.label) on the dashboard", severity: severity,
                figures: [
                    ReviewFigure(name: "latest", current: summary.latest?.value, previous: nil, unit: unit),
                    ReviewFigure(name: "average", current: summary.average, previous: summary.previousAverage, unit: unit),
                ],
                chart: summary.history.map(\.value))
        }
    }

    private static func divergences(_ evidence: ReviewEvidence) -> [ReviewItem] {
        evidence.agreements.filter(\.isBreached).map { check in
            ReviewItem(
                kind: .divergence, subject: check.agreement.name, reason: "its two sources disagree past the tolerance",
                severity: Severity.divergence,
                figures: [
                    ReviewFigure(name: "reference", current: check.reference, previous: nil),
                    ReviewFigure(name: "compared", current: check.compared, previous: nil),
                    ReviewFigure(name: "divergence", current: check.divergence.map { $0.share * 100 }, previous: nil, unit: .metric(.percent)),
                ])
        }
    }

    private static func staleSources(_ evidence: ReviewEvidence) -> [ReviewItem] {
        evidence.freshness.staleEntries.map { entry in
            ReviewItem(
                kind: .staleSource, subject: entry.key.description,
                reason: entry.age == nil ? "no data within the lookback" : "its newest point is older than its limit",
                severity: Severity.staleSource,
                figures: [
                    ReviewFigure(name: "age", current: entry.age, previous: nil, unit: .seconds),
                    ReviewFigure(name: "limit", current: entry.limit, previous: nil, unit: .seconds),
                ])
        }
    }

    private static func retirementCandidate(_ card: ComponentScorecard) -> ReviewItem? {
        let reason: String
        let severity: Int
        if card.degree == 0 {
            reason = "no integrations: an isolated tool"
            severity = Severity.isolatedComponent
        } else if let ratio = card.valuePerCost, ratio < lowValuePerCost {
            reason = "low value per cost"
            severity = Severity.lowValue
        } else if card.value == nil, let cost = card.monthlyCost, cost > 0 {
            reason = "a cost but no value attributed to it"
            severity = Severity.lowValue
        } else {
            return nil
        }
        return ReviewItem(
            kind: .retirementCandidate, subject: card.id, reason: reason, severity: severity,
            figures: figures(of: card), chart: card.attributed.first { $0.metric.unit == .currency }?.points.map(\.value) ?? [])
    }

    /// A scorecard's headline figures: its value against its cost, its connections and failures.
    static func figures(of card: ComponentScorecard) -> [ReviewFigure] {
        [
            ReviewFigure(name: "value", current: card.value, previous: card.previousValue, unit: .metric(.currency)),
            ReviewFigure(name: "monthly cost", current: card.monthlyCost, previous: card.monthlyCost, unit: .currencyPerMonth),
            ReviewFigure(name: "value per cost", current: card.valuePerCost, previous: card.previousValuePerCost, unit: .ratio),
            ReviewFigure(name: "integrations", current: Double(card.degree), previous: nil),
            ReviewFigure(name: "critical integrations", current: Double(card.criticalEdges), previous: nil),
            ReviewFigure(name: "failures", current: Double(card.failures), previous: card.previousFailures.map(Double.init)),
        ] + card.attributed.map { ReviewFigure(name: $0.metric.shortTitle, current: $0.current, previous: $0.previous, unit: .metric($0.metric.unit)) }
    }

    /// Integrations first seen within the period, each with the outcomes attributed to its two
    /// components before it was first seen (`previous`) and after (`current`).
    private static func newIntegrations(_ evidence: ReviewEvidence, _ scorecards: [ComponentScorecard]) -> [ReviewItem] {
        evidence.ecosystem.integrations.compactMap { integration in
            guard evidence.previousHasEvents, let first = evidence.firstSeen[integration.id], first >= evidence.end - evidence.eventWindow else {
                return nil
            }
            let cards = scorecards.filter { $0.id == integration.from || $0.id == integration.to }
            // A point stands for the bucket that ends at it: the bucket around the first event
            // is neither before nor after.
            let width = evidence.period.seconds / Double(ReviewEvidence.buckets)
            let effects = cards.flatMap { card in
                card.attributed.map { part in
                    let before = part.points.filter { $0.timestamp <= first }.map(\.value)
                    let after = part.points.filter { $0.timestamp - width >= first }.map(\.value)
                    return ReviewFigure(
                        name: "\(card.id) \(part.metric.shortTitle)", current: mean(after), previous: mean(before), unit: .metric(part.metric.unit))
                }
            }
            let summary = evidence.integrations.first { $0.id == integration.id }
            return ReviewItem(
                kind: .newIntegration, subject: integration.id, reason: "first seen within the period; figures: after against before",
                severity: Severity.newIntegration,
                figures: [ReviewFigure(name: "failures", current: summary.map { Double($0.failures) }, previous: nil)] + effects,
                chart: summary?.failuresPerBucket.map(Double.init) ?? [], errorGroups: groups(of: [integration.id], in: evidence))
        }
    }

    private static func groups(of integrations: Set<String>, in evidence: ReviewEvidence) -> [String] {
        evidence.errorGroups.filter { integrations.contains($0.integration) }.prefix(errorGroupsShown).map {
            "\($0.code)  \($0.template)  ×\($0.count)"
        }
    }

    private static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}
