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
    /// The seconds of events read at the end of the period, and before that: the period, at
    /// most `longestEventWindow`.
    public var eventWindow: Double
    /// Every integration over the event window, and over the window before it.
    public var integrations: [IntegrationErrorSummary]
    public var previousIntegrations: [IntegrationErrorSummary]
    /// Whether any event was recorded in the period before: without one, its failures are unknown.
    public var previousHasEvents: Bool
    /// The period's error groups, most frequent first.
    public var errorGroups: [ErrorFingerprint]
    /// When each integration's first event in the two windows happened.
    public var firstSeen: [String: Double]
    public var freshness: DataFreshness
    public var agreements: [AgreementCheck]
    /// The dashboard's summaries, whose statuses (WARN, CRIT, ANOM) are agenda items.
    public var summaries: [MetricSummary]

    public init(
        ecosystem: Ecosystem, period: ReviewPeriod, end: Double, attributions: [Attribution], eventWindow: Double,
        integrations: [IntegrationErrorSummary],
        previousIntegrations: [IntegrationErrorSummary], previousHasEvents: Bool, errorGroups: [ErrorFingerprint],
        firstSeen: [String: Double], freshness: DataFreshness, agreements: [AgreementCheck], summaries: [MetricSummary]
    ) {
        self.ecosystem = ecosystem
        self.period = period
        self.end = end
        self.attributions = attributions
        self.eventWindow = eventWindow
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
    /// The longest stretch of events read on each side: integration events are many (a
    /// delivery every few seconds is a million a month), so a long period's integrations are
    /// judged by its last week against the week before.
    public static let longestEventWindow: Double = 7 * 86_400
    /// Events are read a day at a time, as the store keeps them.
    static let eventChunk: Double = 86_400

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
        let window = min(length, longestEventWindow)
        var read: [IntegrationEvent] = []
        var chunkStart = end - 2 * window
        while chunkStart < end {
            let chunkEnd = min(end, chunkStart + eventChunk)
            read += try events.events(from: chunkStart, to: chunkEnd)
            chunkStart = chunkEnd
        }
        let start = end - window
        let currentEvents = read.filter { $0.timestamp >= start }
        let previousEvents = read.filter { $0.timestamp < start }
        var firstSeen: [String: Double] = [:]
        for event in read where !event.kind.isAnnotation && firstSeen[event.integration] == nil { firstSeen[event.integration] = event.timestamp }
        return ReviewEvidence(
            ecosystem: ecosystem, period: period, end: end, attributions: attributions, eventWindow: window,
            integrations: IntegrationErrorSummary.rank(
                ecosystem: ecosystem, events: currentEvents, from: start, to: end, buckets: buckets, classifier: classifier),
            previousIntegrations: IntegrationErrorSummary.rank(
                ecosystem: ecosystem, events: previousEvents, from: start - window, to: start, buckets: buckets, classifier: classifier),
            previousHasEvents: !previousEvents.isEmpty, errorGroups: ErrorFingerprint.group(currentEvents), firstSeen: firstSeen,
            freshness: freshness, agreements: agreements, summaries: summaries)
    }
}
