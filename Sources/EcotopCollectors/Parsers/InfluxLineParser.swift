import EcotopCore

/// Parses InfluxDB line protocol v2, the output of Telegraf `exec` scripts:
///
///     measurement[,tag=value...] field=value[,field=value...] [timestamp]
///
/// Each numeric field becomes one sample named `measurement.field` whose labels are the
/// tags: floats as written, integers (`12i`), unsigned integers (`12u`) and booleans
/// (`t`, `true`, `F`, ... as 1 and 0). String fields (`"text"`) are checked and skipped:
/// a time series holds numbers. Lines starting with `#` and blank lines are ignored.
///
/// Strictness: names, tag keys and values and field keys may not be empty, a tag key
/// or field key may not repeat within a line, integers must fit their type, and floats
/// must be finite. Escapes follow the specification (`\,` `\ ` in measurements; `\,`
/// `\=` `\ ` in keys and tag values; `\"` `\\` in strings); a backslash before any
/// other character is kept as a literal backslash, as InfluxDB does.
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
    private static let fieldValueEnd = ByteSet(", \n")
    private static let timestampEnd = ByteSet(" \t\n")

    mutating func readAll() throws(ParseError) -> ParsedMetrics {
        while !cursor.isAtEnd {
            _ = cursor.scan(while: Self.blanks)
            if cursor.peek == UInt8(ascii: "#") {
                _ = cursor.scan(until: .lineFeed)
            } else if !cursor.isAtLineEnd {
                try readPoint()
            }
            try cursor.finishLine()
        }
        return result
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
        if cursor.isAtLineEnd { throw cursor.failure("expected a space and the field set") }
        try cursor.expect(UInt8(ascii: " "), "a space before the field set")
        var fieldKeys: [String] = []
        var fields: [(name: String, value: Double, offset: Int)] = []
        repeat {
            let keyStart = cursor.index
            let key = try readKey("field key")
            try cursor.expect(UInt8(ascii: "="), "= after field key")
            if fieldKeys.contains(key) { throw cursor.failure("duplicate field key \(key)", at: keyStart) }
            fieldKeys.append(key)
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
        let start = cursor.index
        if cursor.consume(UInt8(ascii: "\"")) {
            _ = try cursor.readEscaped(.influxString)
            guard cursor.consume(UInt8(ascii: "\"")) else {
                throw cursor.failure("unterminated string field value", at: start)
            }
            return nil
        }
        let range = cursor.scan(until: Self.fieldValueEnd)
        guard let value = Self.fieldValue(cursor.slice(range)) else {
            throw cursor.failure(range.isEmpty ? "expected a field value" : "invalid field value", at: start)
        }
        return value
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
        if cursor.scan(while: Self.blanks).isEmpty, !cursor.isAtLineEnd {
            throw cursor.failure("expected a comma, a space or the end of the line after the field value")
        }
        if cursor.isAtLineEnd { return (defaultTimestamp, nil) }
        let range = cursor.scan(until: Self.timestampEnd)
        guard let ticks = NumberText.int64(cursor.slice(range)) else {
            throw cursor.failure("invalid timestamp: expected an integer in \(precision.rawValue)", at: range.lowerBound)
        }
        _ = cursor.scan(while: Self.blanks)
        let perSecond = precision.ticksPerSecond
        return (Double(ticks / perSecond) + Double(ticks % perSecond) / Double(perSecond), range.lowerBound)
    }
}
