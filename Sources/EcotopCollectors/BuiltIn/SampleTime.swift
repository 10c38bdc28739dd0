import EcotopCore

/// Reads the `ts` of an imported sample and the time field of a log line with `Timestamp`, the
/// parser of every time Ecotop reads: a Unix time (seconds, milliseconds, microseconds or
/// nanoseconds, told by its size) or RFC 3339. Log times, and so CSV cells, may also be in the
/// common log format (`27/Nov/2026:04:12:01 +0000`, nginx's `$time_local`).
enum SampleTime {
    /// The time in Unix seconds, or nil when the text is none of the forms above.
    static func seconds(_ text: some StringProtocol) -> Double? {
        Timestamp(parsing: text)?.seconds ?? commonLogFormat(text)
    }

    /// The time of a JSON `ts`, read as the store's JSON lines ingest reads it: a number is a
    /// Unix time, a string RFC 3339.
    static func seconds(_ value: JSONValue) -> Double? {
        switch value {
        case .number(let number): Timestamp(unixTime: number).seconds
        case .string(let text): Timestamp(rfc3339: text)?.seconds
        default: nil
        }
    }

    /// `27/Nov/2026:04:12:01 +0000`.
    private static func commonLogFormat(_ text: some StringProtocol) -> Double? {
        let parts = text.split(whereSeparator: { "/: ".contains($0) })
        guard parts.count == 7, let dayOfMonth = Int(parts[0]), let year = Int(parts[2]),
              let month = months.firstIndex(of: String(parts[1])).map({ $0 + 1 }),
              let hour = Int(parts[3]), let minute = Int(parts[4]), let second = Int(parts[5]),
              parts[6].count == 5, let zone = Int(parts[6]), "+-".contains(parts[6].first!),
              (1...9_999).contains(year), let day = CalendarDay(year: year, month: month, day: dayOfMonth),
              (0...23).contains(hour), (0...59).contains(minute),
              (0...60).contains(second), abs(zone) % 100 < 60, abs(zone) / 100 <= 14 else { return nil }
        let offset = (abs(zone) / 100 * 3600 + abs(zone) % 100 * 60) * zone.signum()
        return Double(day.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second - offset)
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
