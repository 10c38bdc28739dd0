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
    /// avg, min, max, last, sum, count and percentiles of the range's history points.
    public var statistics: WindowStatistics?
    /// The same statistics for the period of equal length just before the range.
    public var previousStatistics: WindowStatistics?
    /// How the metric's last few minutes compare with their usual level (`AnomalyDetector`);
    /// nil when detection is off, the metric is stale, or there is not enough history.
    public var anomaly: AnomalyAssessment?

    public var id: MetricID { definition.id }

    public init(
        definition: MetricDefinition, latest: SeriesPoint?, history: [SeriesPoint],
        status: MetricStatus, score: Double?, statistics: WindowStatistics? = nil,
        previousStatistics: WindowStatistics? = nil, anomaly: AnomalyAssessment? = nil
    ) {
        self.definition = definition
        self.latest = latest
        self.history = history
        self.status = status
        self.score = score
        self.statistics = statistics
        self.previousStatistics = previousStatistics
        self.anomaly = anomaly
    }

    /// The average over the range.
    public var average: Double? { statistics?.average }

    /// The average over the period of equal length just before the range.
    public var previousAverage: Double? { previousStatistics?.average }

    /// The range against the period before it, for deltas of any statistic.
    public var comparison: PeriodComparison {
        PeriodComparison(current: statistics, previous: previousStatistics)
    }

    /// The change against the previous period: a difference for units measured in points
    /// (percent, score, index), otherwise a relative change in percent. Nil without both periods.
    public var delta: Double? {
        guard let average, let previousAverage else { return nil }
        if definition.unit.usesAbsoluteDelta { return average - previousAverage }
        guard previousAverage != 0 else { return nil }
        return (average - previousAverage) / abs(previousAverage) * 100
    }

    /// Whether the change moved the metric in its good direction; nil when flat or unknown.
    public var deltaIsImprovement: Bool? {
        guard let delta, delta != 0 else { return nil }
        return (delta > 0) == (definition.direction == .higherIsBetter)
    }

    /// The lowest, mean and highest value of the history (from `statistics`, so charts that
    /// ask every frame do not walk the history again).
    public var historyRange: (min: Double, average: Double, max: Double)? {
        statistics.map { ($0.minimum, $0.average, $0.maximum) }
    }
}
