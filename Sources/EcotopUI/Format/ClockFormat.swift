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
        let (_, month, day) = civilDate(daysSinceEpoch: Int64((epochSeconds / 86_400).rounded(.down)))
        return twoDigits(Int64(month)) + "-" + twoDigits(Int64(day))
    }

    /// `2026-11-27`
    public static func date(_ epochSeconds: Double) -> String {
        let (year, month, day) = civilDate(daysSinceEpoch: Int64((epochSeconds / 86_400).rounded(.down)))
        return "\(year)-" + twoDigits(Int64(month)) + "-" + twoDigits(Int64(day))
    }

    private static func twoDigits(_ value: Int64) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    /// Howard Hinnant's days-to-civil algorithm for the proleptic Gregorian calendar.
    private static func civilDate(daysSinceEpoch days: Int64) -> (year: Int64, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
        let month = Int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9)
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
