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

/// A window and the period of equal length just before it, for "vs previous period" deltas.
///
/// With `end` the end of the window and `length` its length, the window is
/// `(end - length, end]` and the previous period `(end - 2 * length, end - length]`: the two
/// never share a point.
public struct PeriodComparison: Sendable, Hashable {
    /// The statistics of the window; nil when it has no points.
    public var current: WindowStatistics?
    /// The statistics of the period before; nil when it has no points.
    public var previous: WindowStatistics?

    public init(current: WindowStatistics?, previous: WindowStatistics?) {
        self.current = current
        self.previous = previous
    }

    /// Splits points covering both periods (any order) at `end - length`.
    public init(points: [SeriesPoint], end: Double, length: Double) {
        let start = end - length
        self.init(
            current: WindowStatistics(points: points, from: start, to: end),
            previous: WindowStatistics(points: points, from: start - length, to: start))
    }

    /// The change of a statistic: current minus previous; nil unless both periods have data.
    public func delta(of statistic: WindowStatistic = .average) -> Double? {
        guard let current, let previous else { return nil }
        return current[statistic] - previous[statistic]
    }

    /// The change of a statistic relative to the previous period, in percent; nil unless both
    /// periods have data and the previous value is not zero.
    public func relativeDelta(of statistic: WindowStatistic = .average) -> Double? {
        guard let delta = delta(of: statistic), let previous, previous[statistic] != 0 else { return nil }
        return delta / abs(previous[statistic]) * 100
    }
}

/// Percentiles by linear interpolation between closest ranks.
///
/// For `n` values sorted ascending, `x[0] ... x[n-1]`, the `p`-th quantile (`p` in 0...1)
/// lies at the fractional rank `h = (n - 1) * p`; the result is
/// `x[⌊h⌋] + (h - ⌊h⌋) * (x[⌊h⌋ + 1] - x[⌊h⌋])`. This is Hyndman and Fan's method 7, the
/// default of NumPy, R and spreadsheets' `PERCENTILE.INC`: p0 is the minimum, p100 the maximum,
/// p50 the usual median (the mean of the two middle values for an even count), and a single
/// value is every percentile of itself.
public enum Percentile {
    /// The `p`-th quantile (`p` clamped to 0...1) of values already sorted ascending; nil when empty.
    public static func interpolated(_ p: Double, sorted values: [Double]) -> Double? {
        guard let first = values.first else { return nil }
        guard values.count > 1 else { return first }
        let rank = Double(values.count - 1) * min(1, max(0, p))
        let lower = Int(rank.rounded(.down))
        let fraction = rank - Double(lower)
        guard lower + 1 < values.count, fraction > 0 else { return values[lower] }
        return values[lower] + fraction * (values[lower + 1] - values[lower])
    }

    /// The median of values in any order; nil when empty.
    public static func median(_ values: [Double]) -> Double? {
        interpolated(0.5, sorted: values.sorted())
    }
}
