/// How one kind of text field (a label value, a help text, an Influx tag key...) is
/// delimited and escaped. Every parser reads escaped text with the same code,
/// `ByteCursor.readEscaped(_:)`; the formats differ only in these rules.
///
/// A backslash before a byte that is not one of the rule's escapes stays a literal
/// backslash and the byte after it is read as usual, as the reference parsers do
/// (Prometheus's `strings.Replacer`, InfluxDB's line-protocol decoder): `\f` is `\f`.
struct EscapeRules: Sendable {
    /// Bytes that end the text when they are not escaped. Always includes the line feed.
    let terminators: ByteSet
    /// The bytes allowed after a backslash, each with the byte it stands for.
    let translations: [(escaped: UInt8, meaning: UInt8)]

    init(terminators: String, translations: [(Character, Character)]) {
        self.terminators = ByteSet(terminators).adding("\n")
        self.translations = translations.map { ($0.0.asciiValue!, $0.1.asciiValue!) }
    }

    func meaning(ofEscaped byte: UInt8) -> UInt8? {
        translations.first { $0.escaped == byte }?.meaning
    }
}

extension EscapeRules {
    /// A quoted label value in Prometheus 0.0.4 and OpenMetrics: `\\`, `\"` and `\n`.
    static let labelValue = EscapeRules(terminators: "\"", translations: [("\\", "\\"), ("\"", "\""), ("n", "\n")])
    /// A Prometheus 0.0.4 `# HELP` text: `\\` and `\n`; the text runs to the end of the line.
    static let prometheusHelp = EscapeRules(terminators: "", translations: [("\\", "\\"), ("n", "\n")])
    /// An OpenMetrics `# HELP` text: the escaped-string of the ABNF, where a double quote
    /// must be escaped too.
    static let openMetricsHelp = labelValue
    /// An Influx measurement: commas and spaces are escaped; a backslash is not an escape of
    /// its own (InfluxDB cannot store a name ending in one).
    static let influxMeasurement = EscapeRules(terminators: ", \r", translations: [(",", ","), (" ", " ")])
    /// An Influx tag key, tag value or field key: commas, equals signs and spaces are escaped.
    static let influxKey = EscapeRules(terminators: ",= \r", translations: [(",", ","), ("=", "="), (" ", " ")])
}

extension ByteCursor {
    private static let backslash = UInt8(ascii: "\\")

    /// Reads text up to (not including) the first unescaped terminator of `rules`, or the
    /// end of the input, and returns it unescaped.
    mutating func readEscaped(_ rules: EscapeRules) throws(ParseError) -> String {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == Self.backslash { return try readEscapedSlowly(rules, from: start) }
            if rules.terminators.contains(byte) { break }
            index += 1
        }
        return try string(start..<index)
    }

    /// The rest of `readEscaped` once a backslash was seen: copies the text so far and
    /// translates escapes from here on.
    private mutating func readEscapedSlowly(_ rules: EscapeRules, from start: Int) throws(ParseError) -> String {
        var text = Array(slice(start..<index))
        while index < bytes.count {
            let byte = bytes[index]
            if byte == Self.backslash {
                let next = index + 1 < bytes.count ? bytes[index + 1] : nil
                if let next, let meaning = rules.meaning(ofEscaped: next) {
                    text.append(meaning)
                    index += 2
                    continue
                }
                text.append(byte)
                index += 1
                continue
            }
            if rules.terminators.contains(byte) { break }
            text.append(byte)
            index += 1
        }
        return try text.withUnsafeBufferPointer { buffer throws(ParseError) in
            guard let decoded = Self.string(from: buffer) else { throw failure("invalid UTF-8", at: start) }
            return decoded
        }
    }
}
