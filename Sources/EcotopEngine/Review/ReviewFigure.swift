/// One number of a review item as it was on screen: its value in the period, in the period
/// before, and its unit; nil where the data does not reach back ("n/a").
public struct ReviewFigure: Sendable, Hashable, Codable {
    public var name: String
    public var current: Double?
    public var previous: Double?
    /// The unit's suffix as the dashboard prints it (`%`, `/min`, `` for counts and money).
    public var unit: String

    public init(name: String, current: Double?, previous: Double?, unit: String = "") {
        self.name = name
        self.current = current
        self.previous = previous
        self.unit = unit
    }

    /// `current - previous`, when both are known.
    public var change: Double? {
        guard let current, let previous else { return nil }
        return current - previous
    }
}
