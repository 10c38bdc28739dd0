import EcotopCore

/// When a series counts as stale: no point arrived for `missedIntervals` of its expected
/// collection intervals.
///
/// The expected interval is the interval of the collector that feeds the series. It is set
/// per series (`intervals`, keyed by `SeriesKey`) or per metric (`metricIntervals`, for every
/// series of that metric name); anything else uses `defaultInterval`. A series with a
/// 60-second collector and the default of 5 missed intervals is stale once its newest point
/// is more than 300 seconds old. The limit is inclusive: a point exactly at the limit is fresh.
public struct StalenessPolicy: Sendable, Hashable {
    /// Seconds between collections for series without a configured interval.
    public var defaultInterval: Double
    /// How many expected intervals may pass without data before a series is stale.
    public var missedIntervals: Double
    /// Expected intervals of single series, which win over `metricIntervals`.
    public var intervals: [SeriesKey: Double]
    /// Expected intervals of every series of a metric.
    public var metricIntervals: [MetricID: Double]

    public init(
        defaultInterval: Double = 60, missedIntervals: Double = 5, intervals: [SeriesKey: Double] = [:],
        metricIntervals: [MetricID: Double] = [:]
    ) {
        self.defaultInterval = max(0, defaultInterval)
        self.missedIntervals = max(0, missedIntervals)
        self.intervals = intervals
        self.metricIntervals = metricIntervals
    }

    /// The expected collection interval of a series.
    public func interval(of key: SeriesKey) -> Double {
        intervals[key] ?? metricIntervals[MetricID(rawValue: key.name)] ?? defaultInterval
    }

    /// The age, in seconds, past which the newest point of a series is stale.
    public func limit(for key: SeriesKey) -> Double {
        interval(of: key) * missedIntervals
    }

    /// The staleness limit of series without a configured interval.
    public var defaultLimit: Double { defaultInterval * missedIntervals }

    /// Whether a series whose newest point is at `newest` is stale at `time`.
    public func isStale(_ key: SeriesKey, newest: Double, at time: Double) -> Bool {
        time - newest > limit(for: key)
    }
}
