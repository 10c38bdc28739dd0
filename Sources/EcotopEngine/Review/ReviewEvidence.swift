import EcotopCore

/// Everything a review judges, read once for its period and the period of the same length
/// before it: each metric divided by component (`MetricBreakdown`), each integration's
/// failures (`IntegrationErrorSummary`), the period's error groups, when each integration was
/// first seen, how current the sources are, whether sources of truth agree, and the
/// dashboard's metric statuses. Plain values, so scorecards and the agenda are pure functions
/// of it.
public struct ReviewEvidence: Sendable {
    /// One metric divided by component, in the period and in the one before.
    public struct Attribution: Sendable {
        public var metric: MetricDefinition
        public var current: MetricBreakdown
        public var previous: MetricBreakdown

        public init(metric: MetricDefinition, current: MetricBreakdown, previous: MetricBreakdown) {
            self.metric = metric
            self.current = current
            self.previous = previous
        }
    }

    public var ecosystem: Ecosystem
    public var period: ReviewPeriod
    /// Seconds since the Unix epoch at the end of the period.
    public var end: Double
    /// The metrics whose series carry a `component` label.
    public var attributions: [Attribution]
    /// Every integration over the period, and over the period before.
    public var integrations: [IntegrationErrorSummary]
    public var previousIntegrations: [IntegrationErrorSummary]
    /// Whether any event was recorded in the period before: without one, its failures are unknown.
    public var previousHasEvents: Bool
    /// The period's error groups, most frequent first.
    public var errorGroups: [ErrorFingerprint]
    /// When each integration's first event in the two periods happened.
    public var firstSeen: [String: Double]
    public var freshness: DataFreshness
    public var agreements: [AgreementCheck]
    /// The dashboard's summaries, whose statuses (WARN, CRIT, ANOM) are agenda items.
    public var summaries: [MetricSummary]

    public init(
        ecosystem: Ecosystem, period: ReviewPeriod, end: Double, attributions: [Attribution], integrations: [IntegrationErrorSummary],
        previousIntegrations: [IntegrationErrorSummary], previousHasEvents: Bool, errorGroups: [ErrorFingerprint],
        firstSeen: [String: Double], freshness: DataFreshness, agreements: [AgreementCheck], summaries: [MetricSummary]
    ) {
        self.ecosystem = ecosystem
        self.period = period
        self.end = end
        self.attributions = attributions
        self.integrations = integrations
        self.previousIntegrations = previousIntegrations
        self.previousHasEvents = previousHasEvents
        self.errorGroups = errorGroups
        self.firstSeen = firstSeen
        self.freshness = freshness
        self.agreements = agreements
        self.summaries = summaries
    }

    /// The start of the period.
    public var start: Double { end - period.seconds }

    /// The buckets of the charts a review shows.
    public static let buckets = 30

    /// Reads the evidence of `period` ending at `end`: the breakdowns of `catalog`'s metrics
    /// from `source`, the events of both periods from `events`; `freshness`, `agreements` and
    /// `summaries` are the dashboard's own, read by its loader.
    public static func read(
        ecosystem: Ecosystem, catalog: MetricCatalog, source: any SeriesSource, events: any EventSource, end: Double,
        period: ReviewPeriod, classifier: FailureClassifier = .standard, freshness: DataFreshness, agreements: [AgreementCheck],
        summaries: [MetricSummary]
    ) throws -> ReviewEvidence {
        let length = period.seconds
        let attributions = try catalog.metrics.compactMap { metric -> Attribution? in
            let current = try MetricBreakdown(metric: metric, label: "component", source: source, at: end, seconds: length, buckets: buckets)
            guard !current.parts.isEmpty else { return nil }
            let previous = try MetricBreakdown(
                metric: metric, label: "component", source: source, at: end - length, seconds: length, buckets: buckets)
            return Attribution(metric: metric, current: current, previous: previous)
        }
        let read = try events.events(from: end - 2 * length, to: end)
        let start = end - length
        let currentEvents = read.filter { $0.timestamp >= start }
        let previousEvents = read.filter { $0.timestamp < start }
        var firstSeen: [String: Double] = [:]
        for event in read where !event.kind.isAnnotation && firstSeen[event.integration] == nil { firstSeen[event.integration] = event.timestamp }
        return ReviewEvidence(
            ecosystem: ecosystem, period: period, end: end, attributions: attributions,
            integrations: IntegrationErrorSummary.rank(
                ecosystem: ecosystem, events: currentEvents, from: start, to: end, buckets: buckets, classifier: classifier),
            previousIntegrations: IntegrationErrorSummary.rank(
                ecosystem: ecosystem, events: previousEvents, from: start - length, to: start, buckets: buckets, classifier: classifier),
            previousHasEvents: !previousEvents.isEmpty, errorGroups: ErrorFingerprint.group(currentEvents), firstSeen: firstSeen,
            freshness: freshness, agreements: agreements, summaries: summaries)
    }
}
