import EcotopCore

/// Parses the Prometheus text exposition format 0.0.4.
///
/// Follows the specification and the reference parser (`expfmt`): `# HELP` and `# TYPE`
/// comments (other `#` lines are comments), at most one of each per metric and `TYPE`
/// before the metric's first sample; label values escape `\\`, `\"` and `\n`; values
/// are Go floats including `NaN`, `+Inf` and `-Inf`; the optional timestamp is integer
/// milliseconds. Samples of a histogram `x` are `x_bucket` (with an `le` label),
/// `x_sum` and `x_count`; of a summary `x`, `x` (with a `quantile` label), `x_sum` and
/// `x_count`. A metric without `# TYPE` is `untyped`, reported as `.unknown`.
public struct PrometheusTextParser: Sendable {
    public init() {}

    /// Parses a whole input, or throws its first error and keeps nothing.
    /// - Parameter defaultTimestamp: the time (Unix seconds) of samples without a
    ///   timestamp, usually the scrape time.
    public func parse(_ input: some Collection<UInt8>, defaultTimestamp: Double) throws(ParseError) -> ParsedMetrics {
        try withContiguousBytes(of: input) { bytes throws(ParseError) in
            var reader = PrometheusTextReader(bytes: bytes, defaultTimestamp: defaultTimestamp)
            return try reader.readAll()
        }
    }
}

/// The state of one `PrometheusTextParser.parse` call.
private struct PrometheusTextReader {
    /// What is known about one metric family so far.
    struct FamilyState {
        var position: Int
        var hasType = false
        var hasHelp = false
        var hasSamples = false
    }

    var cursor: ByteCursor
    let defaultTimestamp: Double
    var result = ParsedMetrics()
    var families: [String: FamilyState] = [:]

    init(bytes: UnsafeBufferPointer<UInt8>, defaultTimestamp: Double) {
        cursor = ByteCursor(bytes)
        self.defaultTimestamp = defaultTimestamp
    }

    private static let blanks = ByteSet(" \t")
    private static let tokenEnd = ByteSet(" \t\n")

    mutating func readAll() throws(ParseError) -> ParsedMetrics {
        while !cursor.isAtEnd {
            skipBlanks()
            if cursor.peek == UInt8(ascii: "#") {
                try readComment()
            } else if !cursor.isAtLineEnd {
                try readSample()
            }
            try cursor.finishLine()
        }
        return result
    }

    private mutating func skipBlanks() { _ = cursor.scan(while: Self.blanks) }

    // MARK: - Comments

    private mutating func readComment() throws(ParseError) {
        cursor.index += 1
        skipBlanks()
        let keyword = cursor.scan(until: Self.tokenEnd)
        let isHelp = equals(keyword, "HELP")
        guard isHelp || equals(keyword, "TYPE"), !cursor.isAtLineEnd else {
            _ = cursor.scan(until: .lineFeed)
            return
        }
        skipBlanks()
        let nameStart = cursor.index
        let name = try cursor.readMetricName()
        guard cursor.isAtLineEnd || Self.blanks.contains(cursor.peek!) else {
            throw cursor.failure("invalid character in metric name")
        }
        skipBlanks()
        var family = families[name] ?? newFamily(name)
        if isHelp {
            if family.hasHelp { throw cursor.failure("second HELP line for metric \(name)", at: nameStart) }
            family.hasHelp = true
            result.families[family.position].help = try cursor.readEscaped(.prometheusHelp)
        } else {
            if family.hasType || family.hasSamples {
                throw cursor.failure("second TYPE line for metric \(name), or TYPE after its samples", at: nameStart)
            }
            let typeStart = cursor.index
            let word = cursor.scan(until: Self.tokenEnd)
            guard let type = Self.type(named: String(decoding: cursor.slice(word), as: UTF8.self)) else {
                throw cursor.failure("unknown metric type; expected counter, gauge, histogram, summary or untyped", at: typeStart)
            }
            family.hasType = true
            result.families[family.position].type = type
            skipBlanks()
        }
        families[name] = family
    }

    private static func type(named word: String) -> ScrapedMetricType? {
        switch word {
        case "counter": .counter
        case "gauge": .gauge
        case "histogram": .histogram
        case "summary": .summary
        case "untyped": .unknown
        default: nil
        }
    }

    private func equals(_ range: Range<Int>, _ word: StaticString) -> Bool {
        let token = cursor.slice(range)
        return token.count == word.utf8CodeUnitCount && token.elementsEqual(UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
    }

    private mutating func newFamily(_ name: String) -> FamilyState {
        result.families.append(MetricFamilyMetadata(name: name))
        return FamilyState(position: result.families.count - 1)
    }

    // MARK: - Samples

    private mutating func readSample() throws(ParseError) {
        let nameStart = cursor.index
        let name = try cursor.readMetricName()
        var labels: [String: String] = [:]
        var blanks = cursor.scan(while: Self.blanks)
        if cursor.peek == UInt8(ascii: "{") {
            labels = try cursor.readLabels(.prometheus)
            blanks = cursor.scan(while: Self.blanks)
        }
        if cursor.isAtLineEnd { throw cursor.failure("expected a value") }
        if blanks.isEmpty { throw cursor.failure("expected a blank before the value") }
        let valueRange = cursor.scan(until: Self.tokenEnd)
        if valueRange.isEmpty { throw cursor.failure("expected a value") }
        guard let value = NumberText.float(cursor.slice(valueRange)) else {
            throw cursor.failure("invalid value; expected a float, NaN, +Inf or -Inf", at: valueRange.lowerBound)
        }
        var timestamp = defaultTimestamp
        skipBlanks()
        if !cursor.isAtLineEnd {
            let range = cursor.scan(until: Self.tokenEnd)
            guard let milliseconds = NumberText.int64(cursor.slice(range), allowsPlus: true) else {
                throw cursor.failure("invalid timestamp; expected integer milliseconds", at: range.lowerBound)
            }
            timestamp = Double(milliseconds) / 1000
            skipBlanks()
        }
        try checkFamilyRules(sampleName: name, labels: labels, at: nameStart)
        result.samples.append(Sample(key: SeriesKey(name: name, labels: labels), timestamp: timestamp, value: value))
    }

    /// Finds the sample's family (creating an untyped one when needed) and checks the
    /// labels histogram and summary samples must carry.
    private mutating func checkFamilyRules(sampleName: String, labels: [String: String], at nameStart: Int) throws(ParseError) {
        let (familyName, suffix) = family(ofSample: sampleName)
        var family = families[familyName] ?? newFamily(familyName)
        family.hasSamples = true
        families[familyName] = family
        let type = result.families[family.position].type
        let required: String? = switch (type, suffix) {
        case (.histogram, "_bucket"): "le"
        case (.summary, ""): "quantile"
        default: nil
        }
        if type == .histogram && suffix.isEmpty {
            throw cursor.failure("histogram sample \(sampleName) needs the suffix _bucket, _sum or _count", at: nameStart)
        }
        if let required {
            guard let text = labels[required] else {
                throw cursor.failure("\(type.rawValue) sample \(sampleName) needs a \(required) label", at: nameStart)
            }
            guard NumberText.float(text) != nil else {
                throw cursor.failure("label \(required)=\"\(text)\" is not a number", at: nameStart)
            }
        }
    }

    /// The family a sample belongs to and the suffix that links them: `x_bucket` belongs
    /// to a histogram `x`, `x_sum` and `x_count` to a histogram or summary `x`.
    private func family(ofSample name: String) -> (String, String) {
        if families[name] != nil { return (name, "") }
        for suffix in ["_bucket", "_sum", "_count"] where name.hasSuffix(suffix) {
            let base = String(name.dropLast(suffix.count))
            guard let family = families[base] else { continue }
            switch result.families[family.position].type {
            case .histogram: return (base, suffix)
            case .summary where suffix != "_bucket": return (base, suffix)
            default: continue
            }
        }
        return (name, "")
    }
}
