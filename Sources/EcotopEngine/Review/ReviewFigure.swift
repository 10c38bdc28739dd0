import EcotopCore

/// One number of a review item as it was on screen: its value in the period, in the period
/// before, and its unit; nil where the data does not reach back ("n/a").
public struct ReviewFigure: Sendable, Hashable, Codable {
    public var name: String
    public var current: Double?
    public var previous: Double?
    /// How its numbers read, as the dashboard prints them.
    public var unit: Unit

    public init(name: String, current: Double?, previous: Double?, unit: Unit = .metric(.count)) {
        self.name = name
        self.current = current
        self.previous = previous
        self.unit = unit
    }

    /// The change as the panes write it (`MetricChange`): percentage points for a percent, the
    /// difference for a score or an index, otherwise percent of the value before; nil when
    /// either value is unknown, or the value before is 0 for a relative change.
    public var change: Double? {
        guard let current, let previous else { return nil }
        if unit.changeUnit.usesAbsoluteDelta { return current - previous }
        guard previous != 0 else { return nil }
        return (current - previous) / abs(previous) * 100
    }
}
