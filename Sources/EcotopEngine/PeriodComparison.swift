import EcotopCore

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
