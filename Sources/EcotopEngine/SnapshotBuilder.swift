import EcotopCore

/// Reads a range of history for every catalog metric and turns it into summaries,
/// statuses and health scores.
///
/// A metric's status is, in order: N/A (no data) without a point in the range; STALE when its
/// newest point is older than its staleness limit (`staleness`); otherwise the worse of its
/// threshold status and ANOMALY when its last few minutes (five by default) are far from
/// their usual level at this time of day and from the last two hours (`anomalyDetector`).
/// A metric past its warning threshold and anomalous shows WARN (or CRIT), the status that
/// needs more attention.
public struct SnapshotBuilder: Sendable {
    public var source: any SeriesSource
    public var catalog: MetricCatalog
    /// Family weights for the overall health score.
    public var weights: [MetricFamily: Double]
    /// Metric weights inside each family's health score.
    public var metricWeights: [MetricID: Double]
    /// Expected collection intervals and how many may be missed before a metric is stale.
    public var staleness: StalenessPolicy
    /// Flags latest values far from their baseline; nil turns anomaly detection off.
    public var anomalyDetector: AnomalyDetector?

    /// A metric without a configured interval whose newest point is older than this many
    /// seconds is stale: `staleness.defaultLimit`. Setting it keeps the missed-interval count
    /// and changes the default interval.
    public var staleAfter: Double {
        get { staleness.defaultLimit }
        set { staleness.defaultInterval = staleness.missedIntervals > 0 ? newValue / staleness.missedIntervals : newValue }
    }

    /// - Parameters:
    ///   - staleAfter: when given, the staleness limit of metrics without an interval in
    ///     `staleness`: it sets `staleness.defaultInterval` to `staleAfter / staleness.missedIntervals`.
    ///     The default policy's limit is 300 seconds (5 missed intervals of 60 seconds).
    ///   - weights: family weights for the overall score (missing: 1).
    ///   - metricWeights: metric weights for the family scores (missing: 1).
    ///   - staleness: per-metric and per-series expected intervals and the missed-interval count.
    ///   - anomalyDetector: the baseline method; pass nil to skip anomaly detection (and its queries).
    public init(
        source: any SeriesSource, catalog: MetricCatalog = .standard, staleAfter: Double? = nil,
        weights: [MetricFamily: Double] = [:], metricWeights: [MetricID: Double] = [:],
        staleness: StalenessPolicy = StalenessPolicy(), anomalyDetector: AnomalyDetector? = AnomalyDetector()
    ) {
        self.source = source
        self.catalog = catalog
        self.weights = weights
        self.metricWeights = metricWeights
        self.staleness = staleness
        self.anomalyDetector = anomalyDetector
        if let staleAfter { self.staleAfter = staleAfter }
    }

    /// The snapshot at `time` over `range`, with about `buckets` history points per metric.
    /// Up to the source's `concurrentReads` metrics are read at once.
    public func snapshot(at time: Double, range: TimeRange, buckets: Int) throws -> EcosystemSnapshot {
        let summaries = try catalog.metrics.concurrentMap(width: source.concurrentReads) { [self] metric in
            try summary(of: metric, at: time, range: range, buckets: max(1, buckets))
        }
        return EcosystemSnapshot(
            time: time, range: range, summaries: summaries,
            health: HealthScore(summaries: summaries, weights: weights, metricWeights: metricWeights))
    }

    /// The summary of one metric, combining its labelled series when it has several
    /// (`MetricSeries`). The history of the range and of the period before it come from one
    /// query of twice the length. Anomalies are judged for metrics recorded as one series.
    public func summary(of metric: MetricDefinition, at time: Double, range: TimeRange, buckets: Int) throws -> MetricSummary {
        let series = try MetricSeries(metric: metric, source: source)
        let start = time - range.seconds
        let points = try series.points(from: start - range.seconds, to: time, buckets: buckets * 2)
        let history = points.filter { $0.timestamp > start }
        let previous = points.filter { $0.timestamp <= start }
        let latest = try series.latest(at: time, lookback: range.seconds) { key, point in
            !staleness.isStale(key, newest: point.timestamp, at: time)
        }
        let fresh = latest.flatMap { point in
            series.keys.allSatisfy { staleness.isStale($0, newest: point.timestamp, at: time) } ? nil : point
        }
        let anomaly = try fresh == nil ? nil : series.singleKey.flatMap { key in
            try anomalyDetector?.assess(key, aggregation: metric.aggregation, at: time, in: source)
        }
        let statistics = WindowStatistics(points: history)
        let previousStatistics = WindowStatistics(points: previous)
        var rangeStatistics = try series.statistics(from: start, to: time, buckets: buckets, history: history)
        if let latest, latest.timestamp > start { rangeStatistics = rangeStatistics?.including(latest.value) }
        let reference = try series.latest(at: start, lookback: staleness.limit(for: SeriesKey(name: metric.id.rawValue))) { key, point in
            !staleness.isStale(key, newest: point.timestamp, at: start)
        }
        let change = MetricChange(
            current: latest, reference: reference, earlierCoverage: Double(previous.count) / Double(max(1, history.count)),
            unit: metric.unit)
        return MetricSummary(
            definition: metric, latest: latest, history: history,
            status: status(of: metric, latest: latest, fresh: fresh, anomaly: anomaly),
            score: fresh.map { metric.thresholds.score(of: $0.value, direction: metric.direction) },
            weight: max(0, metricWeights[metric.id] ?? 1), statistics: statistics, previousStatistics: previousStatistics, rangeStatistics: rangeStatistics, change: change,
            anomaly: anomaly, coverage: min(1, Double(history.count) / Double(max(1, buckets))))
    }

    private func status(
        of metric: MetricDefinition, latest: SeriesPoint?, fresh: SeriesPoint?, anomaly: AnomalyAssessment?
    ) -> MetricStatus {
        guard latest != nil else { return .noData }
        guard let fresh else { return .stale }
        let thresholdStatus = metric.thresholds.status(of: fresh.value, direction: metric.direction)
        return anomaly?.isAnomalous == true ? max(thresholdStatus, .anomaly) : thresholdStatus
    }
}
