import EcotopCore

/// Picks scraped series by metric name and label matchers, written as in PromQL:
/// `http_requests_total{code!="200",method="GET"}`.
///
/// Only `=` and `!=` are supported; a label that is missing has the value "", so
/// `{a=""}` matches series without `a` and `{a!=""}` those that have it.
public struct SeriesSelector: Hashable, Sendable {
    /// The exact metric name a series must have.
    public var name: String
    /// Conditions every matching series' labels meet.
    public var matchers: [LabelMatcher]

    /// One condition on a label.
    public struct LabelMatcher: Hashable, Sendable {
        /// The label's name.
        public var label: String
        /// The value compared with.
        public var value: String
        /// True for `!=`: the label must not have the value.
        public var isNegated: Bool

        /// `label="value"`, or `label!="value"` when `isNegated`.
        public init(_ label: String, _ value: String, isNegated: Bool = false) {
            self.label = label
            self.value = value
            self.isNegated = isNegated
        }
    }

    /// A selector of series named `name` that meet every matcher.
    public init(name: String, matchers: [LabelMatcher] = []) {
        self.name = name
        self.matchers = matchers
    }

    /// Reads a selector such as `node_load1`, `usage.transactions` or
    /// `up{job="node",instance!=""}`; an error
    /// names the column (its line is always 1).
    public init(parsing text: String) throws(ParseError) {
        self = try withContiguousBytes(of: text.utf8) { bytes throws(ParseError) -> SeriesSelector in
            var cursor = ByteCursor(bytes)
            let name = try cursor.readName(start: .metricNameStart, rest: .seriesNameRest, what: "a metric name")
            var matchers: [LabelMatcher] = []
            if cursor.consume(UInt8(ascii: "{")), !cursor.consume(UInt8(ascii: "}")) {
                repeat {
                    let label = try cursor.readName(start: .labelNameStart, rest: .labelNameRest, what: "a label name")
                    let isNegated = cursor.consume(UInt8(ascii: "!"))
                    try cursor.expect(UInt8(ascii: "="), isNegated ? "= after !" : "= or != after the label name")
                    try cursor.expect(UInt8(ascii: "\""), "\" to open the label value")
                    let value = try cursor.readEscaped(.labelValue)
                    try cursor.expect(UInt8(ascii: "\""), "\" to close the label value")
                    matchers.append(LabelMatcher(label, value, isNegated: isNegated))
                } while cursor.consume(UInt8(ascii: ","))
                try cursor.expect(UInt8(ascii: "}"), ", or }")
            }
            guard cursor.isAtEnd else { throw cursor.failure("expected the end of the selector") }
            return SeriesSelector(name: name, matchers: matchers)
        }
    }

    /// Whether the series has the name and meets every matcher.
    public func matches(_ key: SeriesKey) -> Bool {
        key.name == name && matchers.allSatisfy { matcher in
            ((key[label: matcher.label] ?? "") == matcher.value) != matcher.isNegated
        }
    }
}
