/// The numeric fields of one line of a raw or rollup segment.
///
/// Raw lines are `{"s":3,"t":1732680000000,"v":12.5}`; rollup lines add the bucket's count,
/// sum, min, max, last value and the time of the last value:
/// `{"s":3,"t":1732680000000,"n":4,"sum":50,"min":11,"max":14,"last":12.5,"lt":1732680045000}`.
struct StoreLine {
    /// Which fields a line had, as bits of `Field`.
    struct Fields: OptionSet {
        let rawValue: UInt16
        static let series = Fields(rawValue: 1 << 0)
        static let time = Fields(rawValue: 1 << 1)
        static let value = Fields(rawValue: 1 << 2)
        static let count = Fields(rawValue: 1 << 3)
        static let sum = Fields(rawValue: 1 << 4)
        static let min = Fields(rawValue: 1 << 5)
        static let max = Fields(rawValue: 1 << 6)
        static let last = Fields(rawValue: 1 << 7)
        static let lastTime = Fields(rawValue: 1 << 8)

        static let raw: Fields = [.series, .time, .value]
        static let rollup: Fields = [.series, .time, .count, .sum, .min, .max, .last, .lastTime]
    }

    var fields: Fields = []
    var series: Int64 = 0
    /// Milliseconds since the Unix epoch: the point's time, or the start of a rollup bucket.
    var time: Int64 = 0
    var value: Double = 0
    var count: Int64 = 0
    var sum: Double = 0
    var min: Double = 0
    var max: Double = 0
    var last: Double = 0
    var lastTime: Int64 = 0
}

/// The hand-written scanner for the store's own lines: the raw-scan hot path.
///
/// It reads any JSON object (whitespace, key order and unknown keys are allowed, as in any JSON
/// parser), keeps the numeric fields the format defines, and checks the ones a line of the given
/// kind requires. It works on the bytes of one line and allocates nothing unless a key is
/// written with escapes.
enum StoreLineScanner {
    /// Scans `line` (without its `\n`) and checks that it has all of `required`.
    static func scan(_ line: UnsafeBufferPointer<UInt8>, requiring required: StoreLine.Fields) throws(JSONSyntaxError) -> StoreLine {
        if let compact = scanCompact(line, rollup: required.contains(.count)) { return compact }
        var cursor = JSONCursor(line)
        var result = StoreLine()
        try cursor.expect(UInt8(ascii: "{"), "'{'")
        if !cursor.consume(UInt8(ascii: "}")) {
            repeat {
                let key = try cursor.stringSpan()
                try cursor.expect(UInt8(ascii: ":"), "':'")
                let field = key.escaped ? fieldOfDecodedKey(cursor.decodeString(key.range, escaped: true)) : field(of: key.range, in: cursor)
                guard let field else {
                    try cursor.skipValue()
                    continue
                }
                let number = try cursor.number()
                try store(number, as: field, in: &result, cursor: cursor)
            } while cursor.consume(UInt8(ascii: ","))
            try cursor.expect(UInt8(ascii: "}"), "',' or '}'")
        }
        try cursor.expectEnd()
        guard result.fields.isSuperset(of: required) else {
            throw JSONSyntaxError(offset: line.count, message: "missing field \(missingName(required.subtracting(result.fields)))")
        }
        return result
    }

    /// The line exactly as the writer writes it (keys in order, no spaces), or nil to take the
    /// general path, which also says what is wrong with a bad line.
    @inline(__always) private static func scanCompact(_ line: UnsafeBufferPointer<UInt8>, rollup: Bool) -> StoreLine? {
        var cursor = JSONCursor(line)
        var result = StoreLine()
        func integer(after key: StaticString) -> Int64? {
            guard (try? cursor.literal(key)) != nil else { return nil }
            return cursor.plainInteger()
        }
        func double(after key: StaticString) -> Double? {
            guard (try? cursor.literal(key)) != nil, cursor.current &- 0x30 < 10 || cursor.current == UInt8(ascii: "-"),
                let number = try? cursor.number(), number.double.isFinite
            else { return nil }
            return number.double
        }
        guard let series = integer(after: "{\"s\":"), series >= 0, series < Int64(UInt32.max),
            let time = integer(after: ",\"t\":")
        else { return nil }
        result.series = series
        result.time = time
        if rollup {
            guard let count = integer(after: ",\"n\":"), count >= 1, let sum = double(after: ",\"sum\":"),
                let min = double(after: ",\"min\":"), let max = double(after: ",\"max\":"),
                let last = double(after: ",\"last\":"), let lastTime = integer(after: ",\"lt\":")
            else { return nil }
            (result.count, result.sum, result.min, result.max, result.last, result.lastTime) = (count, sum, min, max, last, lastTime)
            result.fields = .rollup
        } else {
            guard let value = double(after: ",\"v\":") else { return nil }
            result.value = value
            result.fields = .raw
        }
        guard cursor.current == UInt8(ascii: "}"), cursor.position + 1 == line.count else { return nil }
        return result
    }

    @inline(__always) private static func field(of range: Range<Int>, in cursor: JSONCursor) -> StoreLine.Fields? {
        let bytes = cursor.bytes
        switch range.count {
        case 1:
            switch bytes[range.lowerBound] {
            case UInt8(ascii: "s"): return .series
            case UInt8(ascii: "t"): return .time
            case UInt8(ascii: "v"): return .value
            case UInt8(ascii: "n"): return .count
            default: return nil
            }
        case 2: return cursor.span(range, equals: "lt") ? .lastTime : nil
        case 3:
            if cursor.span(range, equals: "sum") { return .sum }
            if cursor.span(range, equals: "min") { return .min }
            if cursor.span(range, equals: "max") { return .max }
            return nil
        case 4: return cursor.span(range, equals: "last") ? .last : nil
        default: return nil
        }
    }

    private static func fieldOfDecodedKey(_ key: String) -> StoreLine.Fields? {
        names.first { $0.name == key }?.field
    }

    private static let names: [(name: String, field: StoreLine.Fields)] = [
        ("s", .series), ("t", .time), ("v", .value), ("n", .count), ("sum", .sum), ("min", .min),
        ("max", .max), ("last", .last), ("lt", .lastTime),
    ]

    private static func missingName(_ fields: StoreLine.Fields) -> String {
        names.first { fields.contains($0.field) }.map { "\"\($0.name)\"" } ?? "?"
    }

    @inline(__always) private static func store(
        _ number: JSONNumber, as field: StoreLine.Fields, in line: inout StoreLine, cursor: JSONCursor
    ) throws(JSONSyntaxError) {
        line.fields.insert(field)
        switch field {
        case .series, .time, .count, .lastTime:
            guard let integer = number.integer ?? exactInteger(number.double) else {
                throw cursor.failure("expected an integer")
            }
            switch field {
            case .series:
                guard integer >= 0, integer < Int64(UInt32.max) else { throw cursor.failure("series id out of range") }
                line.series = integer
            case .time: line.time = integer
            case .count:
                guard integer >= 1 else { throw cursor.failure("a bucket's count \"n\" must be at least 1") }
                line.count = integer
            default: line.lastTime = integer
            }
        default:
            guard number.double.isFinite else { throw cursor.failure("number out of range") }
            switch field {
            case .value: line.value = number.double
            case .sum: line.sum = number.double
            case .min: line.min = number.double
            case .max: line.max = number.double
            default: line.last = number.double
            }
        }
    }

    /// An integral double within ±2^53 as an integer (`3.0`, `1e3`), nil otherwise.
    private static func exactInteger(_ value: Double) -> Int64? {
        guard value.isFinite, value == value.rounded(), abs(value) <= 9_007_199_254_740_992 else { return nil }
        return Int64(value)
    }
}
