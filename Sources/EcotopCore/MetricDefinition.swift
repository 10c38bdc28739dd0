/// Which way a metric should move for the ecosystem to be healthier.
public enum MetricDirection: String, CaseIterable, Sendable, Codable {
    case higherIsBetter = "higher"
    case lowerIsBetter = "lower"
}

/// How the points of a metric inside one time bucket combine into one value.
public enum Aggregation: String, CaseIterable, Sendable, Codable {
    case avg, sum, min, max, last, count
}

/// Warning and critical levels for a metric; their meaning follows the metric's direction.
public struct Thresholds: Sendable, Hashable, Codable {
    /// The level at which the metric becomes a warning.
    public var warn: Double
    /// The level at which the metric becomes critical.
    public var critical: Double

    public init(warn: Double, critical: Double) {
        self.warn = warn
        self.critical = critical
    }
}

/// A stable identifier such as `usage.integration_error_rate`.
public struct MetricID: RawRepresentable, Hashable, Sendable, Codable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: MetricID, rhs: MetricID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Everything Ecotop knows about one metric: what it is, how to show it, and when to worry.
public struct MetricDefinition: Sendable, Hashable, Identifiable {
    public var id: MetricID
    public var family: MetricFamily
    /// The full title, as in the reference text.
    public var title: String
    /// A title of at most 20 columns for narrow panes.
    public var shortTitle: String
    public var unit: MetricUnit
    public var direction: MetricDirection
    /// How points combine inside a bucket when the metric is charted over a long range.
    public var aggregation: Aggregation
    public var thresholds: Thresholds
    /// What the metric measures and why it matters, shown in the detail view.
    public var summary: String
    /// Whether its series hold a running total (requests served, orders placed) whose rate
    /// per the unit's period is the metric's value, rather than the value itself.
    public var isCounter: Bool

    public init(
        id: MetricID, family: MetricFamily, title: String, shortTitle: String, unit: MetricUnit,
        direction: MetricDirection, aggregation: Aggregation, thresholds: Thresholds, summary: String,
        isCounter: Bool = false
    ) {
        self.id = id
        self.family = family
        self.title = title
        self.shortTitle = shortTitle
        self.unit = unit
        self.direction = direction
        self.aggregation = aggregation
        self.thresholds = thresholds
        self.summary = summary
        self.isCounter = isCounter
    }
}
