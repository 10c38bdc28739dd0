/// Reading and writing RFC 3339 date-times (`2026-11-27T04:43:06Z`, `2026-11-27T05:43:06.250+01:00`),
/// on bytes and without Foundation: the JSON lines ingest reads one per line.
extension Timestamp {
    /// Reads an RFC 3339 date-time (the grammar is in the type's summary) from UTF-8 bytes,
    /// without allocating; nil when the bytes are anything else, such as a date that does not
    /// exist (`2024-02-30`), hour 24, or an offset without its colon (`+0100`).
    public init?(rfc3339 bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count >= 20,
            let year = Self.digits(bytes, from: 0, count: 4), bytes[4] == UInt8(ascii: "-"),
            let month = Self.digits(bytes, from: 5, count: 2), bytes[7] == UInt8(ascii: "-"),
            let dayOfMonth = Self.digits(bytes, from: 8, count: 2),
            bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t") || bytes[10] == UInt8(ascii: " "),
            let hour = Self.digits(bytes, from: 11, count: 2), bytes[13] == UInt8(ascii: ":"),
            let minute = Self.digits(bytes, from: 14, count: 2), bytes[16] == UInt8(ascii: ":"),
            let second = Self.digits(bytes, from: 17, count: 2),
            let day = CalendarDay(year: year, month: month, day: dayOfMonth), hour < 24, minute < 60, second <= 60
        else { return nil }
        var index = 19
        var fraction = 0.0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            var nanoseconds: UInt64 = 0
            while index < bytes.count, bytes[index] &- 0x30 < 10 {
                if index - start < 9 { nanoseconds = nanoseconds * 10 + UInt64(bytes[index] &- 0x30) }
                index += 1
            }
            guard index > start else { return nil }
            fraction = DecimalNumber.scale(nanoseconds, byPowerOfTen: -min(index - start, 9))
        }
        guard index < bytes.count else { return nil }
        var offset = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard index + 6 == bytes.count, let hours = Self.digits(bytes, from: index + 1, count: 2),
                bytes[index + 3] == UInt8(ascii: ":"), let minutes = Self.digits(bytes, from: index + 4, count: 2),
                hours < 24, minutes < 60
            else { return nil }
            offset = (hours * 3_600 + minutes * 60) * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
            index += 6
        default:
            return nil
        }
        guard index == bytes.count else { return nil }
        let wholeSeconds = day.daysSinceEpoch * 86_400 + hour * 3_600 + minute * 60 + second - offset
        self.init(seconds: Double(wholeSeconds) + fraction)
    }

    /// Reads an RFC 3339 date-time from text; see `init?(rfc3339:)` on bytes.
    public init?(rfc3339 text: some StringProtocol) {
        guard let timestamp = Self.reading(text, Self.init(rfc3339:)) else { return nil }
        self = timestamp
    }

    /// `2026-11-27T04:43:06Z` in UTC, with milliseconds when there are any
    /// (`2026-11-27T04:43:06.250Z`): how Ecotop writes a time. It reads back to the millisecond.
    public var rfc3339: String {
        let milliseconds = Int((seconds * 1000).rounded())
        let days = milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000
        let rest = milliseconds - days * 86_400_000
        let day = CalendarDay(daysSinceEpoch: days)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        var text = "\(day.year)-\(two(day.month))-\(two(day.day))T\(two(rest / 3_600_000)):\(two(rest / 60_000 % 60)):\(two(rest / 1000 % 60))"
        let millisecond = rest % 1000
        if millisecond != 0 {
            text += "." + (millisecond < 10 ? "00" : millisecond < 100 ? "0" : "") + "\(millisecond)"
        }
        return text + "Z"
    }

    /// The decimal number of `count` digits at `start`, or nil when one of them is not a digit.
    private static func digits(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, count: Int) -> Int? {
        guard start + count <= bytes.count else { return nil }
        var value = 0
        for index in start..<(start + count) {
            let digit = bytes[index] &- 0x30
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }
}
