import Foundation

/// Reads the `ts` of an imported sample the way the store's input shapes do: a number below
/// 100,000,000,000 is Unix seconds (fractions allowed), at or above it Unix milliseconds; a
/// text is RFC 3339 (`2026-11-27T04:00:00Z`, `2026-11-27 05:00:00.250+01:00`). Log times may
/// also be in the common log format (`27/Nov/2026:04:12:01 +0000`, nginx's `$time_local`).
enum SampleTime {
    /// The time in Unix seconds, or nil when the text is none of the forms above.
    static func seconds(_ text: some StringProtocol) -> Double? {
        if let number = Double(text), number.isFinite {
            return number < 100_000_000_000 ? number : number / 1000
        }
        return rfc3339(String(text)) ?? commonLogFormat(String(text))
    }

    /// The time of a JSON `ts`: a number as above, or an RFC 3339 string.
    static func seconds(_ value: JSONValue) -> Double? {
        switch value {
        case .number(let number): number < 100_000_000_000 ? number : number / 1000
        case .string(let text): rfc3339(text)
        default: nil
        }
    }

    /// `27/Nov/2026:04:12:01 +0000`.
    private static func commonLogFormat(_ text: String) -> Double? {
        let parts = text.split(whereSeparator: { "/: ".contains($0) })
        guard parts.count == 7, let day = Int(parts[0]), let year = Int(parts[2]),
              let month = months.firstIndex(of: String(parts[1])).map({ $0 + 1 }),
              let hour = Int(parts[3]), let minute = Int(parts[4]), let second = Int(parts[5]),
              parts[6].count == 5, let zone = Int(parts[6]), "+-".contains(parts[6].first!),
              (1...9_999).contains(year), (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute),
              (0...60).contains(second), abs(zone) % 100 < 60, abs(zone) / 100 <= 14 else { return nil }
        let offset = (abs(zone) / 100 * 3600 + abs(zone) % 100 * 60) * zone.signum()
        let days = daysSinceEpoch(year: year, month: month, day: day)
        return Double(days * 86_400 + hour * 3600 + minute * 60 + second - offset)
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func rfc3339(_ text: String) -> Double? {
        var normalized = text
        if normalized.count > 10 {
            let separator = normalized.index(normalized.startIndex, offsetBy: 10)
            if normalized[separator] == " " || normalized[separator] == "t" {
                normalized.replaceSubrange(separator...separator, with: "T")
            }
        }
        return (try? Date.ISO8601FormatStyle().parse(normalized.uppercased()))?.timeIntervalSince1970
    }
}
