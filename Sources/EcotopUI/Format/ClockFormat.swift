import EcotopCore
import Foundation

/// Formats epoch seconds as times of day and dates in one time zone: UTC, or the local zone
/// from `TZ` (and the system's zone files), as the dashboard shows them unless `--utc`.
public struct ClockFormat: Sendable {
    /// Seconds east of UTC at a moment (daylight saving time moves it).
    private let offset: @Sendable (Double) -> Int
    /// The zone's short name at a moment: `UTC`, `CET`, `CEST`.
    private let name: @Sendable (Double) -> String

    /// Coordinated universal time.
    public static let utc = ClockFormat(offset: { _ in 0 }, name: { _ in "UTC" })

    /// The local time zone (`TZ`, else the system's).
    public static var local: ClockFormat { zone(TimeZone.current) }

    /// The time zone `zone`.
    public static func zone(_ zone: TimeZone) -> ClockFormat {
        ClockFormat(
            offset: { zone.secondsFromGMT(for: Date(timeIntervalSince1970: $0)) },
            name: { zone.abbreviation(for: Date(timeIntervalSince1970: $0)) ?? zone.identifier })
    }

    /// `14:05:09`
    public func timeOfDay(_ epochSeconds: Double, withSeconds: Bool = true) -> String {
        let seconds = Int64(shifted(epochSeconds).rounded(.down))
        let daySeconds = ((seconds % 86_400) + 86_400) % 86_400
        let parts = [daySeconds / 3_600, (daySeconds % 3_600) / 60, daySeconds % 60]
        return (withSeconds ? parts : Array(parts.prefix(2))).map(Self.twoDigits).joined(separator: ":")
    }

    /// `11-27` (month and day), for chart axes of ranges of a day or more.
    public func monthDay(_ epochSeconds: Double) -> String {
        let day = calendarDay(epochSeconds)
        return Self.twoDigits(Int64(day.month)) + "-" + Self.twoDigits(Int64(day.day))
    }

    /// `2026-11-27`
    public func date(_ epochSeconds: Double) -> String {
        let day = calendarDay(epochSeconds)
        return "\(day.year)-" + Self.twoDigits(Int64(day.month)) + "-" + Self.twoDigits(Int64(day.day))
    }

    /// The zone's short name at a moment, for the header: `UTC`, `CET`.
    public func zoneName(at epochSeconds: Double) -> String {
        TerminalText.sanitize(name(epochSeconds))
    }

    private func shifted(_ epochSeconds: Double) -> Double {
        epochSeconds + Double(offset(epochSeconds))
    }

    private func calendarDay(_ epochSeconds: Double) -> CalendarDay {
        CalendarDay(daysSinceEpoch: Int((shifted(epochSeconds) / 86_400).rounded(.down)))
    }

    private static func twoDigits(_ value: Int64) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
