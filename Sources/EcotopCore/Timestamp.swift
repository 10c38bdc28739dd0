/// A moment as seconds since the Unix epoch (1970-01-01T00:00:00Z), and the one parser for
/// every time Ecotop reads: the `ts` of ingested lines and plugin output, of imported files and
/// log lines, and absolute times on the command line.
///
/// A time is written in one of two forms:
///
/// - **RFC 3339**: `2026-11-27T04:43:06Z`, `2026-11-27 05:43:06.250+01:00`. The date and time
///   are separated by `T`, `t` or a space; the seconds may have a fraction of any number of
///   digits (read to the nanosecond); the offset is `Z`, `z` or `+hh:mm`/`-hh:mm`. A leap second
///   (`:60`) reads as the first second of the next minute.
/// - **A Unix time**: a number as JSON writes it (`1764245100`, `1764245100.25`, `1.7642451e9`),
///   whose unit is told by the size of its integer part, sign ignored:
///
///   | Integer part              | Unit         |
///   | ------------------------- | ------------ |
///   | below 10^11               | seconds      |
///   | 10^11 up to (not) 10^14   | milliseconds |
///   | 10^14 up to (not) 10^17   | microseconds |
///   | 10^17 and above           | nanoseconds  |
///
///   So `1764245100`, `1764245100123`, `1764245100123456` and `1764245100123456789` are all
///   2025-11-27T12:05:00Z (and a fraction). Each unit reads right for times from 1973-03-03 to
///   5138-11-16; seconds also below that.
///
/// Ecotop keeps times as `Double` seconds; this type is where they are read and written.
public struct Timestamp: Hashable, Comparable, Sendable {
    /// Seconds since the Unix epoch, negative before it; the fraction is the part of a second.
    public var seconds: Double

    public init(seconds: Double) {
        self.seconds = seconds
    }

    /// The moment a Unix time names, its unit told by its size (see the table above).
    @inlinable public init(unixTime number: Double) {
        switch number.magnitude {
        case ..<100_000_000_000: seconds = number
        case ..<100_000_000_000_000: seconds = number / 1_000
        case ..<100_000_000_000_000_000: seconds = number / 1_000_000
        default: seconds = number / 1_000_000_000
        }
    }

    /// Reads a time in either form: a Unix time or RFC 3339; nil when the text is neither.
    /// The text is taken as it is: no spaces around it.
    public init?(parsing text: some StringProtocol) {
        guard let timestamp = Self.reading(text, Self.init(parsing:)) else { return nil }
        self = timestamp
    }

    /// Reads a time in either form from UTF-8 bytes, without allocating.
    init?(parsing bytes: UnsafeBufferPointer<UInt8>) {
        if let number = DecimalNumber.value(bytes) {
            self.init(unixTime: number)
        } else if let timestamp = Timestamp(rfc3339: bytes) {
            self = timestamp
        } else {
            return nil
        }
    }

    /// Runs a parser of bytes on the UTF-8 of `text`, copying it only when it is not contiguous.
    static func reading(_ text: some StringProtocol, _ parse: (UnsafeBufferPointer<UInt8>) -> Timestamp?) -> Timestamp? {
        if let parsed = text.utf8.withContiguousStorageIfAvailable(parse) { return parsed }
        return Array(text.utf8).withUnsafeBufferPointer(parse)
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.seconds < rhs.seconds
    }
}
