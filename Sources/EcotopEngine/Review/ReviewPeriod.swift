/// The stretch of time a review looks back over (`--period 30d`), compared with the stretch of
/// the same length before it.
public struct ReviewPeriod: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The period's length in whole days.
    public let days: Int

    /// The longest period a review reads: a year.
    public static let longestDays = 366
    /// Thirty days, when the review does not say.
    public static let standard = ReviewPeriod(checkedDays: 30)

    /// A period of `days` days; nil outside 1...`longestDays`.
    public init?(days: Int) {
        guard (1...Self.longestDays).contains(days) else { return nil }
        self.days = days
    }

    /// A period written `7d`, `30d`, `90d` or `12w`; nil for anything else.
    public init?(label: String) {
        guard let unit = label.last, let count = Int(label.dropLast()), count > 0 else { return nil }
        switch unit {
        case "d": self.init(days: count)
        case "w": self.init(days: count * 7)
        default: return nil
        }
    }

    private init(checkedDays: Int) {
        days = checkedDays
    }

    /// The length in seconds.
    public var seconds: Double { Double(days) * 86_400 }

    /// How it is written: `30d`.
    public var label: String { "\(days)d" }

    public var description: String { label }

    /// Written as its label, `"30d"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(label)
    }

    /// Read from its label; any other text is refused, naming it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let period = ReviewPeriod(label: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "period '\(text.prefix(20))' is not a number of days (1d-\(Self.longestDays)d) or weeks")
        }
        self = period
    }
}
