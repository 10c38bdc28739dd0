import EcotopCore

/// Everything the dashboard shows about one metric over the selected range.
public struct MetricSummary: Sendable, Hashable, Identifiable {
    public var definition: MetricDefinition
    /// The newest point at or before the end of the range.
    public var latest: SeriesPoint?
    /// The range's points, oldest first, for sparklines and charts.
    public var history: [SeriesPoint]
    public var status: MetricStatus
    /// The 0-100 score that feeds the family's health score; nil when stale or without data.
    public var score: Double?
    /// The metric's weight in its family's score (`HealthScore`).
    public var weight: Double
    /// avg, min, max, last, sum, count and percentiles of the range's history points.
    public var statistics: WindowStatistics?
    /// The same statistics for the period of equal length just before the range.
    public var previousStatistics: WindowStatistics?
    /// The range's minimum, mean and maximum from the store's data (`RangeStatistics`).
    public var rangeStatistics: RangeStatistics?
    /// The shown value against the value one range earlier: the Δ every screen shows.
    public var change: MetricChange
    /// How the metric's last few minutes compare with their usual level (`AnomalyDetector`);
    /// nil when detection is off, the metric is stale, or there is not enough history.
    public var anomaly: AnomalyAssessment?
    /// The share (0-1) of the range's history buckets that hold data: 1 when every bucket of
    /// the range has a point, 0.5 when data began halfway through it or half of it is missing.
    public var coverage: Double

    public var id: MetricID { definition.id }

    public init(
        definition: MetricDefinition, latest: SeriesPoint?, history: [SeriesPoint],
        status: MetricStatus, score: Double?, weight: Double = 1, statistics: WindowStatistics? = nil,
        previousStatistics: WindowStatistics? = nil, rangeStatistics: RangeStatistics? = nil, change: MetricChange? = nil,
        anomaly: AnomalyAssessment? = nil, coverage: Double = 0
    ) {
        self.definition = definition
        self.latest = latest
        self.history = history
        self.status = status
        self.score = score
        self.weight = weight
        self.statistics = statistics
        self.previousStatistics = previousStatistics
        self.rangeStatistics = rangeStatistics
        self.change = change ?? MetricChange(current: latest, reference: nil, earlierCoverage: 0, unit: definition.unit)
        self.anomaly = anomaly
        self.coverage = coverage
    }

    /// The average over the range.
    public var average: Double? { statistics?.average }

    /// The average over the period of equal length just before the range.
    public var previousAverage: Double? { previousStatistics?.average }

    /// The range against the period before it, for deltas of any statistic.
    public var comparison: PeriodComparison {
        PeriodComparison(current: statistics, previous: previousStatistics)
    }
}
