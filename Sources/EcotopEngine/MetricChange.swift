import EcotopCore

/// How a metric's shown value compares with its value one range earlier: the Δ of the panes,
/// the detail and every report, computed once, in `SnapshotBuilder`.
///
/// Like is compared with like: the value shown (the newest point) against the newest point at
/// or before the same moment one range ago, both read the same way. The change is a
/// difference for units measured in points (percent, score, index) and a relative change in
/// percent otherwise. There is no change (`Unavailable`) when the earlier moment has no point
/// within the metric's staleness limit, when the range before holds less than
/// `minimumCoverage` of the range's data (its buckets with points, against the range's: a store
/// that only began part-way through it), or when a relative change would divide by zero.
public struct MetricChange: Sendable, Hashable {
    /// Why there is no change to show.
    public enum Unavailable: Sendable, Hashable {
        /// No value now.
        case noCurrentValue
        /// No point near the moment one range earlier.
        case noEarlierValue
        /// The range before holds this share of the range's data, below `minimumCoverage`.
        case sparseEarlierRange(coverage: Double)
        /// The earlier value is 0, so a relative change has no size.
        case fromZero
    }

    /// The share of the range's data the range before must hold for a change to be shown.
    public static let minimumCoverage = 0.5

    /// The earlier point compared with; nil when there was none.
    public var reference: SeriesPoint?
    /// The change: percentage points or percent (`isAbsolute`); nil when unavailable.
    public var value: Double?
    /// Whether `value` is a difference in the metric's unit rather than a percentage.
    public var isAbsolute: Bool
    /// Why `value` is nil.
    public var unavailable: Unavailable?

    /// The change from `reference` to `current` of a metric in `unit`, given how much data the
    /// earlier range holds against the range (0-1 and more).
    public init(current: SeriesPoint?, reference: SeriesPoint?, earlierCoverage: Double, unit: MetricUnit) {
        self.reference = reference
        isAbsolute = unit.usesAbsoluteDelta
        guard let current else { self.unavailable = .noCurrentValue; return }
        guard let reference else { self.unavailable = .noEarlierValue; return }
        guard earlierCoverage >= Self.minimumCoverage else { self.unavailable = .sparseEarlierRange(coverage: earlierCoverage); return }
        if isAbsolute {
            value = current.value - reference.value
        } else if reference.value == 0 {
            unavailable = .fromZero
        } else {
            value = (current.value - reference.value) / abs(reference.value) * 100
        }
    }

    /// Whether the change moved the metric in its good direction; nil when flat or unknown.
    public func isImprovement(direction: MetricDirection) -> Bool? {
        guard let value, value != 0 else { return nil }
        return (value > 0) == (direction == .higherIsBetter)
    }
}
