import EcotopCore

/// Reads a range of history for every catalog metric and turns it into summaries,
/// statuses and health scores.
public struct SnapshotBuilder: Sendable {
    public var source: any SeriesSource
    public var catalog: MetricCatalog
    /// A metric whose newest point is older than this many seconds is stale.
    public var staleAfter: Double
    /// Family weights for the overall health score.
    public var weights: [MetricFamily: Double]

    public init(
        source: any SeriesSource, catalog: MetricCatalog = .standard, staleAfter: Double = 300,
        weights: [MetricFamily: Double] = [:]
    ) {
        self.source = source
        self.catalog = catalog
        self.staleAfter = staleAfter
        self.weights = weights
    }

    /// The snapshot at `time` over `range`, with about `buckets` history points per metric.
    public func snapshot(at time: Double, range: TimeRange, buckets: Int) throws -> EcosystemSnapshot {
        let summaries = try catalog.metrics.map { try summary(of: $0, at: time, range: range, buckets: max(1, buckets)) }
        return EcosystemSnapshot(
            time: time, range: range, summaries: summaries, health: HealthScore(summaries: summaries, weights: weights))
    }

    /// The summary of one metric. The history of the range and of the period before it come
    /// from one query of twice the length.
    public func summary(of metric: MetricDefinition, at time: Double, range: TimeRange, buckets: Int) throws -> MetricSummary {
        let key = SeriesKey(name: metric.id.rawValue)
        let start = time - range.seconds
        let points = try source.points(
            of: key, from: start - range.seconds, to: time, buckets: buckets * 2, aggregation: metric.aggregation)
        let history = points.filter { $0.timestamp > start }
        let previous = points.filter { $0.timestamp <= start }
        let latest = try source.latest(of: key, at: time, lookback: range.seconds)
        return MetricSummary(
            definition: metric, latest: latest, history: history, average: Self.mean(history),
            previousAverage: Self.mean(previous), status: status(of: metric, latest: latest, at: time),
            score: score(of: metric, latest: latest, at: time))
    }

    private func isFresh(_ point: SeriesPoint, at time: Double) -> Bool {
        time - point.timestamp <= staleAfter
    }

    private func status(of metric: MetricDefinition, latest: SeriesPoint?, at time: Double) -> MetricStatus {
        guard let latest else { return .noData }
        guard isFresh(latest, at: time) else { return .stale }
        return metric.thresholds.status(of: latest.value, direction: metric.direction)
    }

    private func score(of metric: MetricDefinition, latest: SeriesPoint?, at time: Double) -> Double? {
        guard let latest, isFresh(latest, at: time) else { return nil }
        return metric.thresholds.score(of: latest.value, direction: metric.direction)
    }

    private static func mean(_ points: [SeriesPoint]) -> Double? {
        guard !points.isEmpty else { return nil }
        return points.reduce(0) { $0 + $1.value } / Double(points.count)
    }
}
