/// Combines values into one with an `Aggregation`, one value at a time, without keeping them.
public struct BucketAggregator: Sendable, Hashable {
    public let aggregation: Aggregation
    public private(set) var count = 0
    private var sum = 0.0
    private var minimum = Double.infinity
    private var maximum = -Double.infinity
    private var last = Double.nan

    public init(_ aggregation: Aggregation) {
        self.aggregation = aggregation
    }

    /// Adds one value.
    public mutating func add(_ value: Double) {
        count += 1
        sum += value
        minimum = Swift.min(minimum, value)
        maximum = Swift.max(maximum, value)
        last = value
    }

    /// The combined value, or nil when nothing was added.
    public var result: Double? {
        guard count > 0 else { return nil }
        switch aggregation {
        case .avg: return sum / Double(count)
        case .sum: return sum
        case .min: return minimum
        case .max: return maximum
        case .last: return last
        case .count: return Double(count)
        }
    }
}
