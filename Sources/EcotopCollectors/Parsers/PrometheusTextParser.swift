import EcotopCore

/// Parses the Prometheus text exposition format 0.0.4.
///
/// Follows the specification and Prometheus's own parser (`model/textparse/promparse.go`):
/// `# HELP` and `# TYPE` comments (other `#` lines are comments), at most one of each per
/// metric and `TYPE` before the metric's first sample; label values escape `\\`, `\"` and
/// `\n`, help texts `\\` and `\n`, and a backslash before anything else is kept; values are
/// Go floats including `NaN`, `+Inf` and `-Inf`; the optional timestamp is integer
/// milliseconds. Samples of a histogram `x` are `x_bucket` (with an `le` label), `x_sum` and
/// `x_count`; of a summary `x`, `x` (with a `quantile` label), `x_sum` and `x_count`. A
/// metric without `# TYPE` is `untyped`, reported as `.unknown`.
public struct PrometheusTextParser: MetricTextParser {
    /// A parser; it has no options.
    public init() {}

    /// See `MetricTextParser.parse(_:defaultTimestamp:)`.
    public func parse(_ input: some Collection<UInt8>, defaultTimestamp: Double) throws(ParseError) -> ParsedMetrics {
        try withContiguousBytes(of: input) { bytes throws(ParseError) in
            var reader = PrometheusTextReader(bytes: bytes, defaultTimestamp: defaultTimestamp)
            return try reader.readAll()
        }
    }
}

/// The state of one `PrometheusTextParser.parse` call.
private struct PrometheusTextReader {
    var cursor: ByteCursor
    let defaultTimestamp: Double
    var samples: [Sample] = []
    var origins: [SampleOrigin] = []
    var families = FamilyTable()
    /// The family of the previous sample, which the next one usually shares; forgotten
    /// on every HELP or TYPE line.
    var previousSample: (name: String, position: Int, suffix: String)?

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
        return ParsedMetrics(samples: samples, families: families.metadata, origins: origins)
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
        previousSample = nil
        let nameStart = cursor.index
        let name = try cursor.readMetricName()
        guard cursor.isAtLineEnd || Self.blanks.contains(cursor.peek!) else {
            throw cursor.failure("invalid character in metric name")
        }
        skipBlanks()
        let position = families.positionAdding(name)
        let progress = families.progress[position]
        if isHelp {
            if progress.hasHelp { throw cursor.failure("second HELP line for metric \(name)", at: nameStart) }
            families.progress[position].hasHelp = true
            families.metadata[position].help = try cursor.readEscaped(.prometheusHelp)
        } else {
            if progress.hasType || progress.hasSamples {
                throw cursor.failure("second TYPE line for metric \(name), or TYPE after its samples", at: nameStart)
            }
            let typeStart = cursor.index
            let word = cursor.scan(until: Self.tokenEnd)
            guard let type = Self.type(named: String(decoding: cursor.slice(word), as: UTF8.self)) else {
                throw cursor.failure("unknown metric type; expected counter, gauge, histogram, summary or untyped", at: typeStart)
            }
            families.progress[position].hasType = true
            families.metadata[position].type = type
            skipBlanks()
        }
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
        var timestampOffset: Int?
        skipBlanks()
        if !cursor.isAtLineEnd {
            let range = cursor.scan(until: Self.tokenEnd)
            timestampOffset = range.lowerBound
            guard let milliseconds = NumberText.int64(cursor.slice(range), allowsPlus: true) else {
                throw cursor.failure("invalid timestamp; expected integer milliseconds", at: range.lowerBound)
            }
            timestamp = Double(milliseconds) / 1000
            skipBlanks()
        }
        try checkFamilyRules(sampleName: name, labels: labels, at: nameStart)
        samples.append(Sample(key: SeriesKey(name: name, labels: labels), timestamp: timestamp, value: value))
        origins.append(SampleOrigin(valueOffset: valueRange.lowerBound, timestampOffset: timestampOffset))
    }

    /// Finds the sample's family (creating an untyped one when needed) and checks the
    /// labels histogram and summary samples must carry.
    private mutating func checkFamilyRules(sampleName: String, labels: [String: String], at nameStart: Int) throws(ParseError) {
        let position: Int
        let suffix: String
        if let previous = previousSample, previous.name == sampleName {
            (position, suffix) = (previous.position, previous.suffix)
        } else {
            let familyName: String
            (familyName, suffix) = family(ofSample: sampleName)
            position = families.positionAdding(familyName)
            families.progress[position].hasSamples = true
            previousSample = (sampleName, position, suffix)
        }
        let type = families.metadata[position].type
        let required: String? = switch (type, suffix) {
        case (.histogram, "_bucket"): "le"
        case (.summary, ""): "quantile"
        default: nil
        }
        if type == .histogram && suffix.isEmpty {
            throw cursor.failure("histogram sample \(sampleName) needs the suffix _bucket, _sum or _count", at: nameStart)
        }
        if let required {
            do {
                _ = try OpenMetricsSampleRules.numericLabel(required, in: labels, sample: sampleName, of: type)
            } catch {
                throw cursor.failure(error.reason, at: nameStart)
            }
        }
    }

    /// The family a sample belongs to and the suffix that links them: `x_bucket` belongs
    /// to a histogram `x`, `x_sum` and `x_count` to a histogram or summary `x`.
    private func family(ofSample name: String) -> (String, String) {
        if families.position(of: name) != nil { return (name, "") }
        for suffix in ["_bucket", "_sum", "_count"] where name.hasSuffix(suffix) {
            let base = String(name.dropLast(suffix.count))
            guard let position = families.position(of: base) else { continue }
            switch families.metadata[position].type {
            case .histogram: return (base, suffix)
            case .summary where suffix != "_bucket": return (base, suffix)
            default: continue
            }
        }
        return (name, "")
    }
}
