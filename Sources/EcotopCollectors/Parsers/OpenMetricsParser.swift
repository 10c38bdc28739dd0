import EcotopCore

/// Parses OpenMetrics 1.0 text, strictly.
///
/// The input must end with the line `# EOF` (a final line feed is optional) and nothing
/// may follow it. Every other line is a metric descriptor (`# TYPE`, `# HELP`,
/// `# UNIT`, each at most once per family and before the family's samples) or a sample;
/// blank lines and other comments are errors, and tokens are separated by exactly one
/// space. A family's samples follow the rules of its type (`OpenMetricsSampleRules`,
/// `OpenMetricsPoints`, docs/parsers.md); families, and the metrics of a family, are not
/// interleaved, and no two families could use one sample name. Label names are unique
/// within a sample and label values escape `\\`, `\"` and `\n` (a backslash before anything
/// else is kept, as Prometheus's own parser keeps it). Timestamps are seconds and may
/// have a fraction.
/// Exemplars (`# {labels} value [timestamp]`) are checked and then ignored; they are
/// allowed only on counter `_total` and histogram `_bucket` samples.
public struct OpenMetricsParser: MetricTextParser {
    /// A parser; it has no options.
    public init() {}

    /// See `MetricTextParser.parse(_:defaultTimestamp:)`.
    public func parse(_ input: some Collection<UInt8>, defaultTimestamp: Double) throws(ParseError) -> ParsedMetrics {
        try withContiguousBytes(of: input) { bytes throws(ParseError) in
            var reader = OpenMetricsReader(bytes: bytes, defaultTimestamp: defaultTimestamp)
            return try reader.readAll()
        }
    }
}

/// The state of one `OpenMetricsParser.parse` call.
private struct OpenMetricsReader {
    var cursor: ByteCursor
    let defaultTimestamp: Double
    var samples: [Sample] = []
    var origins: [SampleOrigin] = []
    var families = FamilyTable()
    var nameClaims = OpenMetricsNameClaims()
    var points = OpenMetricsPoints()
    /// The position of the family whose lines are being read; a family ends when
    /// another one starts.
    var current: Int?
    /// The family of the previous sample, which the next one usually shares; forgotten
    /// on every descriptor line.
    var previousSample: (name: String, position: Int, suffix: OpenMetricsSampleRules.Suffix)?

    init(bytes: UnsafeBufferPointer<UInt8>, defaultTimestamp: Double) {
        cursor = ByteCursor(bytes)
        self.defaultTimestamp = defaultTimestamp
    }

    private static let tokenEnd = ByteSet(" \n")
    private static let space = UInt8(ascii: " ")

    mutating func readAll() throws(ParseError) -> ParsedMetrics {
        while true {
            if cursor.isAtEnd { throw cursor.failure("missing # EOF at the end of the input") }
            switch cursor.peek {
            case UInt8(ascii: "#"):
                if try readDescriptor() == .endOfInput {
                    try cursor.finishLine()
                    guard cursor.isAtEnd else { throw cursor.failure("nothing may follow # EOF") }
                    try points.finish(cursor: cursor)
                    return ParsedMetrics(samples: samples, families: families.metadata, origins: origins)
                }
            case UInt8(ascii: "\n"): throw cursor.failure("blank lines are not allowed")
            default: try readSample()
            }
            try cursor.finishLine()
        }
    }

    // MARK: - Descriptors

    private enum LineKind { case descriptor, endOfInput }

    private mutating func readDescriptor() throws(ParseError) -> LineKind {
        cursor.index += 1
        previousSample = nil
        try cursor.expect(Self.space, "a space after #")
        if cursor.consume("EOF") {
            guard cursor.isAtLineEnd else { throw cursor.failure("expected end of line after # EOF") }
            return .endOfInput
        }
        let keywordStart = cursor.index
        let keyword: String
        if cursor.consume("TYPE ") { keyword = "TYPE" }
        else if cursor.consume("HELP ") { keyword = "HELP" }
        else if cursor.consume("UNIT ") { keyword = "UNIT" }
        else { throw cursor.failure("expected TYPE, HELP, UNIT or EOF after # (comments are not allowed)") }
        let nameStart = cursor.index
        let name = try cursor.readMetricName()
        try cursor.expect(Self.space, "a space after the metric name")
        let position = try familyForDescriptor(name, at: nameStart)
        let progress = families.progress[position]
        switch keyword {
        case "TYPE":
            if progress.hasType { throw cursor.failure("second TYPE for metric family \(name)", at: keywordStart) }
            let word = cursor.scan(until: .lineFeed)
            guard let type = ScrapedMetricType(rawValue: String(decoding: cursor.slice(word), as: UTF8.self)) else {
                throw cursor.failure("unknown metric type", at: word.lowerBound)
            }
            if let clash = nameClaims.check(
                family: name, at: position, type: type, previousType: families.metadata[position].type, in: families
            ) {
                throw self.clash(name, clash, at: nameStart)
            }
            families.progress[position].hasType = true
            families.metadata[position].type = type
        case "HELP":
            if progress.hasHelp { throw cursor.failure("second HELP for metric family \(name)", at: keywordStart) }
            families.progress[position].hasHelp = true
            families.metadata[position].help = try cursor.readEscaped(.openMetricsHelp)
            if cursor.peek == UInt8(ascii: "\"") { throw cursor.failure("a double quote in HELP must be escaped") }
        default:
            if progress.hasUnit { throw cursor.failure("second UNIT for metric family \(name)", at: keywordStart) }
            let unitRange = cursor.scan(while: .metricNameRest)
            let unit = String(decoding: cursor.slice(unitRange), as: UTF8.self)
            guard cursor.isAtLineEnd else { throw cursor.failure("invalid character in unit") }
            if !unit.isEmpty, !name.hasSuffix("_" + unit) {
                throw cursor.failure("metric family \(name) must end with _\(unit) to have that unit", at: nameStart)
            }
            families.progress[position].hasUnit = true
            families.metadata[position].unit = unit
        }
        let family = families.metadata[position]
        if family.unit?.isEmpty == false, family.type == .info || family.type == .stateset {
            throw cursor.failure("\(family.type.rawValue) metric families cannot have a unit", at: keywordStart)
        }
        return .descriptor
    }

    /// The family a descriptor describes: the current one, if it has no samples yet, or
    /// a new one.
    private mutating func familyForDescriptor(_ name: String, at nameStart: Int) throws(ParseError) -> Int {
        guard let position = families.position(of: name) else { return try startFamily(name, at: nameStart) }
        guard current == position else { throw interleaved(name, at: nameStart) }
        if families.progress[position].hasSamples {
            throw cursor.failure("metadata of metric family \(name) must come before its samples", at: nameStart)
        }
        return position
    }

    /// Adds a family of unknown type named `name`, written at `nameStart`, and makes it the
    /// current one.
    private mutating func startFamily(_ name: String, at nameStart: Int) throws(ParseError) -> Int {
        let position = families.add(name)
        if let clash = nameClaims.check(family: name, at: position, type: .unknown, in: families) {
            throw self.clash(name, clash, at: nameStart)
        }
        current = position
        return position
    }

    private func interleaved(_ name: String, at offset: Int) -> ParseError {
        cursor.failure("metric family \(name) appears again after another family; families must not be interleaved", at: offset)
    }

    private func clash(_ name: String, _ clash: OpenMetricsNameClaims.Clash, at offset: Int) -> ParseError {
        cursor.failure(
            "metric family \(name) clashes with family \(families.metadata[clash.owner].name): both could have samples named \(clash.sampleName)",
            at: offset)
    }

    // MARK: - Samples

    private mutating func readSample() throws(ParseError) {
        let nameMark = cursor.mark
        let name = try cursor.readMetricName()
        var labels: [String: String] = [:]
        if cursor.peek == UInt8(ascii: "{") { labels = try cursor.readLabels(.openMetrics) }
        try cursor.expect(Self.space, "a space before the value")
        let valueMark = cursor.mark
        let value = try readNumber()
        var writtenTimestamp: Double?
        var timestampMark: ByteCursor.Mark?
        var hasExemplar = false
        if cursor.consume(Self.space) {
            if cursor.peek != UInt8(ascii: "#") {
                timestampMark = cursor.mark
                writtenTimestamp = try readTimestamp()
                hasExemplar = cursor.consume(Self.space)
            } else {
                hasExemplar = true
            }
        }
        let exemplarStart = cursor.index
        if hasExemplar { try readExemplar() }
        let (position, suffix) = try family(ofSample: name, at: nameMark.offset)
        let family = families.metadata[position]
        let rules = OpenMetricsSampleRules(familyName: family.name, type: family.type, suffix: suffix)
        let pointNumber: Double?
        do {
            pointNumber = try rules.check(labels: labels, value: value)
        } catch {
            switch error {
            case .labels(let problem): throw cursor.failure(problem, at: nameMark)
            case .value(let problem): throw cursor.failure(problem, at: valueMark)
            }
        }
        if hasExemplar, !rules.allowsExemplar {
            throw cursor.failure("exemplars are allowed only on counter _total and histogram _bucket samples", at: exemplarStart)
        }
        let key = SeriesKey(name: name, labels: labels)
        try points.add(
            OpenMetricsPoints.Sample(
                rules: rules, key: key, value: value, pointNumber: pointNumber, timestamp: writtenTimestamp,
                nameMark: nameMark, valueMark: valueMark, timestampMark: timestampMark ?? valueMark),
            family: position, cursor: cursor)
        samples.append(Sample(key: key, timestamp: writtenTimestamp ?? defaultTimestamp, value: value))
        origins.append(SampleOrigin(valueOffset: valueMark.offset, timestampOffset: timestampMark?.offset))
    }

    private mutating func readNumber() throws(ParseError) -> Double {
        let range = cursor.scan(until: Self.tokenEnd)
        guard let value = NumberText.float(cursor.slice(range)) else {
            throw cursor.failure(range.isEmpty ? "expected a number" : "invalid number", at: range.lowerBound)
        }
        return value
    }

    private mutating func readTimestamp() throws(ParseError) -> Double {
        let range = cursor.scan(until: Self.tokenEnd)
        guard let seconds = NumberText.decimal(cursor.slice(range)) else {
            throw cursor.failure("invalid timestamp; expected seconds", at: range.lowerBound)
        }
        return seconds
    }

    /// Checks `# {labels} value [timestamp]`; its contents are not kept.
    private mutating func readExemplar() throws(ParseError) {
        try cursor.expect(UInt8(ascii: "#"), "# to start an exemplar")
        try cursor.expect(Self.space, "a space after #")
        guard cursor.peek == UInt8(ascii: "{") else { throw cursor.failure("expected { to open the exemplar's labels") }
        let labelsStart = cursor.index
        let labels = try cursor.readLabels(.openMetrics)
        if labels.reduce(0, { $0 + $1.key.unicodeScalars.count + $1.value.unicodeScalars.count }) > 128 {
            throw cursor.failure("exemplar labels are longer than 128 characters", at: labelsStart)
        }
        try cursor.expect(Self.space, "a space before the exemplar value")
        _ = try readNumber()
        if cursor.consume(Self.space) { _ = try readTimestamp() }
    }

    /// The position of the family a sample belongs to and the suffix that links them. A
    /// sample that fits no family starts a new family of unknown type named after it.
    private mutating func family(
        ofSample name: String, at nameStart: Int
    ) throws(ParseError) -> (Int, OpenMetricsSampleRules.Suffix) {
        if let previous = previousSample, previous.name == name { return (previous.position, previous.suffix) }
        let (position, suffix) = try resolveFamily(ofSample: name, at: nameStart)
        previousSample = (name, position, suffix)
        return (position, suffix)
    }

    private mutating func resolveFamily(
        ofSample name: String, at nameStart: Int
    ) throws(ParseError) -> (Int, OpenMetricsSampleRules.Suffix) {
        if let current {
            let family = families.metadata[current]
            if let suffix = OpenMetricsSampleRules.suffix(of: name, inFamily: family.name, of: family.type) {
                families.progress[current].hasSamples = true
                return (current, suffix)
            }
        }
        if let (base, suffix) = OpenMetricsSampleRules.Suffix.split(name), let position = families.position(of: base),
           suffix.belongs(to: families.metadata[position].type) {
            throw interleaved(base, at: nameStart)
        }
        if let position = families.position(of: name) {
            guard position == current else { throw interleaved(name, at: nameStart) }
            let type = families.metadata[position].type
            let allowed = OpenMetricsSampleRules.suffixes(of: type).map(\.text).joined(separator: ", ")
            throw cursor.failure("\(type.rawValue) sample names must end with one of \(allowed)", at: nameStart)
        }
        let position = try startFamily(name, at: nameStart)
        families.progress[position].hasSamples = true
        return (position, .none)
    }
}
