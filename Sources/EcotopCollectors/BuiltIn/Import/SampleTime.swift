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

    private static func commonLogFormat(_ text: String) -> Double? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "dd/MMM/yyyy:HH:mm:ss Z"
        return formatter.date(from: text)?.timeIntervalSince1970
    }

    private static func rfc3339(_ text: String) -> Double? {
        var normalized = text
        if normalized.count > 10 {
            let separator = normalized.index(normalized.startIndex, offsetBy: 10)
            if normalized[separator] == " " || normalized[separator] == "t" {
                normalized.replaceSubrange(separator...separator, with: "T")
            }
        }
        normalized = normalized.uppercased()
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return (plain.date(from: normalized) ?? fractional.date(from: normalized))?.timeIntervalSince1970
    }
}
