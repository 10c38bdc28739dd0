import EcotopCore

/// The statistics of one window of a series: avg, min, max, last, sum, count and the
/// p50/p95/p99 percentiles (see `Percentile` for the method).
///
/// The statistics are of the points given. When those points come from a `SeriesSource`
/// with fewer buckets than raw samples, each point is already a bucket aggregate, so the
/// percentiles are percentiles of bucket values, not of raw samples; ask for as many
/// buckets as samples when exact percentiles matter.
public struct WindowStatistics: Sendable, Hashable {
    public var count: Int
    public var sum: Double
    public var average: Double
    public var minimum: Double
    public var maximum: Double
    /// The value of the newest point.
    public var last: Double
    public var p50: Double
    public var p95: Double
    public var p99: Double

    /// The statistics of the points (newest last for `last`); nil when there are none.
    /// NaN values are left out.
    public init?(points: [SeriesPoint]) {
        let values = points.map(\.value).filter { !$0.isNaN }
        guard let last = values.last else { return nil }
        let sorted = values.sorted()
        let sum = values.reduce(0, +)
        self.count = values.count
        self.sum = sum
        self.average = sum / Double(values.count)
        self.minimum = sorted[0]
        self.maximum = sorted[sorted.count - 1]
        self.last = last
        self.p50 = Percentile.interpolated(0.50, sorted: sorted) ?? last
        self.p95 = Percentile.interpolated(0.95, sorted: sorted) ?? last
        self.p99 = Percentile.interpolated(0.99, sorted: sorted) ?? last
    }

    /// The statistics of the points with `start < timestamp <= end`, the window convention of
    /// `SeriesSource` (a point is stamped at the end of its bucket).
    public init?(points: [SeriesPoint], from start: Double, to end: Double) {
        self.init(points: points.filter { $0.timestamp > start && $0.timestamp <= end })
    }

    /// One of the statistics by name.
    public subscript(statistic: WindowStatistic) -> Double {
        switch statistic {
        case .average: average
        case .minimum: minimum
        case .maximum: maximum
        case .last: last
        case .sum: sum
        case .count: Double(count)
        case .p50: p50
        case .p95: p95
        case .p99: p99
        }
    }
}

/// Names one of the values of `WindowStatistics`, for columns and deltas.
public enum WindowStatistic: String, Sendable, CaseIterable {
    case average = "avg"
    case minimum = "min"
    case maximum = "max"
    case last, sum, count, p50, p95, p99
}
