import EcotopCore

/// The state of every metric at one moment over one range: what a dashboard frame shows.
public struct EcosystemSnapshot: Sendable, Hashable {
    /// Seconds since the Unix epoch at which the snapshot was taken.
    public var time: Double
    public var range: TimeRange
    /// One summary per catalog metric, in catalog order.
    public var summaries: [MetricSummary]
    public var health: HealthScore
    /// The configuration's sources of truth checked at `time`; a breach is a header problem.
    public var agreements: [AgreementCheck] = []
    /// The annotations of the range, oldest first, which every chart of it marks.
    public var annotations: [Annotation] = []

    public init(time: Double, range: TimeRange, summaries: [MetricSummary], health: HealthScore) {
        self.time = time
        self.range = range
        self.summaries = summaries
        self.health = health
    }

    /// The summaries of one family, in catalog order.
    public func summaries(in family: MetricFamily) -> [MetricSummary] {
        summaries.filter { $0.definition.family == family }
    }

    /// The timestamp of the newest point of any metric.
    public var newestPoint: Double? {
        summaries.compactMap { $0.latest?.timestamp }.max()
    }

    /// Seconds since the newest point arrived; nil when there is no data at all.
    public var dataAge: Double? {
        newestPoint.map { max(0, time - $0) }
    }
}
