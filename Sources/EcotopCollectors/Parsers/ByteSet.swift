/// A set of byte values with a constant-time membership test, used for character classes
/// (name characters, delimiters) on the parsers' hot path.
struct ByteSet: Sendable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    /// A set of the given ASCII characters.
    init(_ characters: String) {
        for byte in characters.utf8 { insert(byte) }
    }

    /// A set of every byte that satisfies `predicate`.
    init(where predicate: (UInt8) -> Bool) {
        for byte in UInt8.min...UInt8.max where predicate(byte) { insert(byte) }
    }

    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: return words.0 & bit != 0
        case 1: return words.1 & bit != 0
        case 2: return words.2 & bit != 0
        default: return words.3 & bit != 0
        }
    }

    /// This set plus the given ASCII characters.
    func adding(_ characters: String) -> ByteSet {
        var copy = self
        for byte in characters.utf8 { copy.insert(byte) }
        return copy
    }

    private mutating func insert(_ byte: UInt8) {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }
}

extension ByteSet {
    /// `[a-zA-Z_:]`: the first character of a Prometheus or OpenMetrics metric name.
    static let metricNameStart = ByteSet(where: { isLetter($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ":") })
    /// `[a-zA-Z0-9_:]`: the other characters of a metric name.
    static let metricNameRest = metricNameStart.adding("0123456789")
    /// The other characters of a selector's series name: a metric name's plus `.`, which
    /// Ecotop metric ids and Influx `measurement.field` names contain.
    static let seriesNameRest = metricNameRest.adding(".")
    /// `[a-zA-Z_]`: the first character of a label name.
    static let labelNameStart = ByteSet(where: { isLetter($0) || $0 == UInt8(ascii: "_") })
    /// `[a-zA-Z0-9_]`: the other characters of a label name.
    static let labelNameRest = labelNameStart.adding("0123456789")
    /// A line feed, the only line terminator the formats know.
    static let lineFeed = ByteSet("\n")

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}
