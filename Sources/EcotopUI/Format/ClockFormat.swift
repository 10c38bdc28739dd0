import EcotopCore

/// Formats epoch seconds as UTC times of day and dates, without Foundation or the locale.
public enum ClockFormat {
    /// `14:05:09`
    public static func timeOfDay(_ epochSeconds: Double, withSeconds: Bool = true) -> String {
        let seconds = Int64(epochSeconds.rounded(.down))
        let daySeconds = ((seconds % 86_400) + 86_400) % 86_400
        let parts = [daySeconds / 3_600, (daySeconds % 3_600) / 60, daySeconds % 60]
        return (withSeconds ? parts : Array(parts.prefix(2))).map(twoDigits).joined(separator: ":")
    }

    /// `11-27` (month and day), for chart axes of multi-day ranges.
    public static func monthDay(_ epochSeconds: Double) -> String {
        let day = CalendarDay(daysSinceEpoch: Int((epochSeconds / 86_400).rounded(.down)))
        return twoDigits(Int64(day.month)) + "-" + twoDigits(Int64(day.day))
    }

    /// `2026-11-27`
    public static func date(_ epochSeconds: Double) -> String {
        let day = CalendarDay(daysSinceEpoch: Int((epochSeconds / 86_400).rounded(.down)))
        return "\(day.year)-" + twoDigits(Int64(day.month)) + "-" + twoDigits(Int64(day.day))
    }

    private static func twoDigits(_ value: Int64) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
