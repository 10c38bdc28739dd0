import EcotopCore

/// The lowest, mean and highest value of a metric over a range, as its detail shows them.
///
/// They come from the data at the resolution the store holds the range in: the minimum of the
/// buckets' minimums, the maximum of their maximums, and the mean as the buckets' summed values
/// over their summed counts (not a mean of means). The newest value is always inside
/// `minimum...maximum`: it is one of the range's points, even when the coarser buckets that
/// hold the range have not caught up with it.
public struct RangeStatistics: Sendable, Hashable {
    public var minimum: Double
    public var average: Double
    public var maximum: Double

    public init(minimum: Double, average: Double, maximum: Double) {
        self.minimum = minimum
        self.average = average
        self.maximum = maximum
    }

    /// The statistics with `value` (a point of the range) taken in.
    func including(_ value: Double) -> RangeStatistics {
        RangeStatistics(minimum: min(minimum, value), average: average, maximum: max(maximum, value))
    }
}
