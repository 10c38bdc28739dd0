import EcotopCore

/// Parses InfluxDB line protocol v2, the output of Telegraf `exec` scripts, as InfluxDB's
/// and Telegraf's decoder (`influxdata/line-protocol`) reads it:
///
///     measurement[,tag=value...] field=value[,field=value...] [timestamp]
///
/// Each numeric field becomes one sample named `measurement.field` whose labels are the
/// tags: floats as written, integers (`12i`), unsigned integers (`12u`) and booleans
/// (`t`, `true`, `F`, ... as 1 and 0). String fields (`"text"`, which may span lines) are
/// checked and skipped: a time series holds numbers. Lines starting with `#` and blank
/// lines are ignored; a line may end in `\r\n`; one or more spaces separate the sections.
///
/// Strictness: names, tag keys and values and field keys may not be empty, a tag key
/// or field key may not repeat within a line, integers must fit their type, and floats
/// must be finite. Escapes: `\,` `\ ` in measurements; `\,` `\=` `\ ` in keys and tag
/// values; `\"` `\\` in strings. A backslash before any other character (a backslash too,
/// outside strings) is a literal backslash and the character after it is read as usual.
public struct InfluxLineParser: MetricTextParser {
    /// The unit of the timestamps in the input, as InfluxDB's `precision` parameter.
    public enum Precision: String, CaseIterable, Sendable {
        case nanoseconds = "ns"
        case microseconds = "us"
        case milliseconds = "ms"
        case seconds = "s"

        var ticksPerSecond: Int64 {
            switch self {
            case .nanoseconds: 1_000_000_000
            case .microseconds: 1_000_000
            case .milliseconds: 1_000
            case .seconds: 1
            }
        }
    }

    /// The unit of the input's timestamps.
    public var precision: Precision

    /// A parser for timestamps in `precision`; Telegraf writes nanoseconds.
    public init(precision: Precision = .nanoseconds) {
        self.precision = precision
    }

    /// See `MetricTextParser.parse(_:defaultTimestamp:)`.
    public func parse(_ input: some Collection<UInt8>, defaultTimestamp: Double) throws(ParseError) -> ParsedMetrics {
        try withContiguousBytes(of: input) { bytes throws(ParseError) in
            var reader = InfluxLineReader(bytes: bytes, precision: precision, defaultTimestamp: defaultTimestamp)
            return try reader.readAll()
        }
    }
}

/// The state of one `InfluxLineParser.parse` call.
private struct InfluxLineReader {
    var cursor: ByteCursor
    let precision: InfluxLineParser.Precision
    let defaultTimestamp: Double
    var result = ParsedMetrics()
    var seriesNames: Set<String> = []

    init(bytes: UnsafeBufferPointer<UInt8>, precision: InfluxLineParser.Precision, defaultTimestamp: Double) {
        cursor = ByteCursor(bytes)
        self.precision = precision
        self.defaultTimestamp = defaultTimestamp
    }

    private static let blanks = ByteSet(" \t")
    private static let fieldValueEnd = ByteSet(", \t\r\n")
    private static let timestampEnd = ByteSet(" \t\r\n")
    private static let quote = UInt8(ascii: "\"")
    private static let carriageReturn = UInt8(ascii: "\r")

    mutating func readAll() throws(ParseError) -> ParsedMetrics {
        while !cursor.isAtEnd {
            _ = cursor.scan(while: Self.blanks)
            if cursor.peek == UInt8(ascii: "#") {
                _ = cursor.scan(until: .lineFeed)
            } else if !isAtLineEnd {
                try readPoint()
            }
            try finishLine()
        }
        return result
    }

    /// True at the end of the input, on a line feed, or on a carriage return that ends the
    /// line (`\r\n`, or `\r` at the end of the input).
    private var isAtLineEnd: Bool {
        guard cursor.peek == Self.carriageReturn else { return cursor.isAtLineEnd }
        let next = cursor.index + 1
        return next == cursor.bytes.count || cursor.bytes[next] == UInt8(ascii: "\n")
    }

    private mutating func finishLine() throws(ParseError) {
        if isAtLineEnd, cursor.peek == Self.carriageReturn { cursor.index += 1 }
        try cursor.finishLine()
    }

    /// Reads one point and appends a sample for each of its numeric fields.
    private mutating func readPoint() throws(ParseError) {
        let measurement = try cursor.readEscaped(.influxMeasurement)
        if measurement.isEmpty { throw cursor.failure("expected a measurement name") }
        var tags: [String: String] = [:]
        while cursor.consume(UInt8(ascii: ",")) {
            let keyStart = cursor.index
            let key = try readKey("tag key")
            try cursor.expect(UInt8(ascii: "="), "= after tag key")
            let value = try readKey("tag value")
            if tags.updateValue(value, forKey: key) != nil {
                throw cursor.failure("duplicate tag key \(key)", at: keyStart)
            }
        }
        if cursor.scan(while: Self.blanks).isEmpty {
            throw cursor.failure(isAtLineEnd ? "expected a space and the field set" : "expected a space before the field set")
        }
        var fieldKeys = FieldKeySet()
        var fields: [(name: String, value: Double, offset: Int)] = []
        repeat {
            let keyStart = cursor.index
            let key = try readKey("field key")
            try cursor.expect(UInt8(ascii: "="), "= after field key")
            if !fieldKeys.insert(key) { throw cursor.failure("duplicate field key \(key)", at: keyStart) }
            let valueStart = cursor.index
            if let value = try readFieldValue() { fields.append((measurement + "." + key, value, valueStart)) }
        } while cursor.consume(UInt8(ascii: ","))
        let (timestamp, timestampOffset) = try readTimestamp()
        // The fields of a point share its tags: sort them into a key once.
        var key = SeriesKey(name: "", labels: tags)
        for field in fields {
            key.name = field.name
            result.samples.append(Sample(key: key, timestamp: timestamp, value: field.value))
            result.origins.append(SampleOrigin(valueOffset: field.offset, timestampOffset: timestampOffset))
            if seriesNames.insert(field.name).inserted {
                result.families.append(MetricFamilyMetadata(name: field.name))
            }
        }
    }

    private mutating func readKey(_ what: String) throws(ParseError) -> String {
        let key = try cursor.readEscaped(.influxKey)
        if key.isEmpty { throw cursor.failure("expected a \(what)") }
        return key
    }

    /// Reads a field value; nil for a string field, which has no numeric value.
    private mutating func readFieldValue() throws(ParseError) -> Double? {
        if cursor.peek == Self.quote {
            try skipString()
            return nil
        }
        let start = cursor.index
        let range = cursor.scan(until: Self.fieldValueEnd)
        guard let value = Self.fieldValue(cursor.slice(range)) else {
            throw cursor.failure(range.isEmpty ? "expected a field value" : "invalid field value", at: start)
        }
        return value
    }

    /// Checks a string field value from its opening quote through its closing one. It may
    /// hold line feeds; `\"` and `\\` are escapes, as InfluxDB reads them.
    private mutating func skipString() throws(ParseError) {
        let start = cursor.mark
        cursor.index += 1
        let contentStart = cursor.index
        while let byte = cursor.peek, byte != Self.quote {
            if byte == UInt8(ascii: "\n") {
                cursor.passLineFeed()
                continue
            }
            let escapes = byte == UInt8(ascii: "\\") && cursor.index + 1 < cursor.bytes.count
                && (cursor.bytes[cursor.index + 1] == Self.quote || cursor.bytes[cursor.index + 1] == UInt8(ascii: "\\"))
            cursor.index += escapes ? 2 : 1
        }
        guard cursor.peek == Self.quote else { throw cursor.failure("unterminated string field value", at: start) }
        if ByteCursor.string(from: cursor.slice(contentStart..<cursor.index)) == nil {
            throw cursor.failure("invalid UTF-8", at: start)
        }
        cursor.index += 1
    }

    private static func fieldValue(_ token: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let last = token.last else { return nil }
        let body = UnsafeBufferPointer(rebasing: token.dropLast())
        switch last {
        case UInt8(ascii: "i"): return NumberText.int64(body).map { Double($0) }
        case UInt8(ascii: "u"): return NumberText.uint64(body).map { Double($0) }
        default: break
        }
        guard last | 0x20 == UInt8(ascii: "e") || last | 0x20 == UInt8(ascii: "t") || last | 0x20 == UInt8(ascii: "f") else {
            return NumberText.decimal(token, allowsPlus: false)
        }
        switch String(decoding: token, as: UTF8.self) {
        case "t", "T", "true", "True", "TRUE": return 1
        case "f", "F", "false", "False", "FALSE": return 0
        default: return NumberText.decimal(token, allowsPlus: false)
        }
    }

    /// Reads the optional timestamp and the blanks around it: the time in Unix seconds, and
    /// where the timestamp was (nil when the line had none).
    private mutating func readTimestamp() throws(ParseError) -> (seconds: Double, offset: Int?) {
        if cursor.scan(while: Self.blanks).isEmpty, !isAtLineEnd {
            throw cursor.failure("expected a comma, a space or the end of the line after the field value")
        }
        if isAtLineEnd { return (defaultTimestamp, nil) }
        let range = cursor.scan(until: Self.timestampEnd)
        guard let ticks = NumberText.int64(cursor.slice(range)) else {
            throw cursor.failure("invalid timestamp: expected an integer in \(precision.rawValue)", at: range.lowerBound)
        }
        _ = cursor.scan(while: Self.blanks)
        let perSecond = precision.ticksPerSecond
        return (Double(ticks / perSecond) + Double(ticks % perSecond) / Double(perSecond), range.lowerBound)
    }
}

/// The field keys of one point, to refuse a repeated one: a short list scanned while the
/// point has few fields, a hash set once it has many, so a line of 100,000 fields is read
/// in linear time.
private struct FieldKeySet {
    private static let listLimit = 16
    private var few: [String] = []
    private var many: Set<String> = []

    /// Adds `key`; false when it was already there.
    mutating func insert(_ key: String) -> Bool {
        if few.count < Self.listLimit {
            if few.contains(key) { return false }
            few.append(key)
            return true
        }
        if few.contains(key) { return false }
        return many.insert(key).inserted
    }
}
