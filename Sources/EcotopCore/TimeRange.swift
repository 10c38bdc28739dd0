/// The time ranges the dashboard steps through with `+` and `-`.
public enum TimeRange: Int, CaseIterable, Sendable, Comparable, CustomStringConvertible {
    case fifteenMinutes, oneHour, sixHours, oneDay, sevenDays, thirtyDays

    /// The range with a label such as `1h` or `30d` (`24h` and `1d` both mean a day).
    public init?(label: String) {
        guard let range = Self.allCases.first(where: { $0.label == label }) ?? (label == "1d" ? .oneDay : nil) else {
            return nil
        }
        self = range
    }

    /// The range's length in seconds.
    public var seconds: Double {
        switch self {
        case .fifteenMinutes: 15 * 60
        case .oneHour: 3_600
        case .sixHours: 6 * 3_600
        case .oneDay: 86_400
        case .sevenDays: 7 * 86_400
        case .thirtyDays: 30 * 86_400
        }
    }

    /// The short label shown in the header: `15m`, `1h`, `6h`, `24h`, `7d`, `30d`.
    public var label: String {
        switch self {
        case .fifteenMinutes: "15m"
        case .oneHour: "1h"
        case .sixHours: "6h"
        case .oneDay: "24h"
        case .sevenDays: "7d"
        case .thirtyDays: "30d"
        }
    }

    /// The label, so that a range prints as users write it.
    public var description: String { label }

    /// The next longer range, or this one if it is the longest.
    public var longer: TimeRange { TimeRange(rawValue: rawValue + 1) ?? self }
    /// The next shorter range, or this one if it is the shortest.
    public var shorter: TimeRange { TimeRange(rawValue: rawValue - 1) ?? self }

    public static func < (lhs: TimeRange, rhs: TimeRange) -> Bool { lhs.rawValue < rhs.rawValue }
}
