/// Which series to take: an optional metric name and label matchers, written as in PromQL,
/// `usage.transactions{integration="stripe",region!="eu",code=~"5..",env!~"test|dev"}`.
///
/// One type serves `ecotop query` (the store) and the `mapping:` rules of collectors. The
/// syntax is documented once, in docs/parsers.md ("Series selectors"). In short: a missing
/// label counts as `""`; the name may be left out (`{job="node"}`) or matched as the label
/// `__name__`; regular expressions match the whole value; `{}` matches every series.
public struct SeriesSelector: Hashable, Sendable, CustomStringConvertible {
    /// The exact metric name a series must have, or nil for any name.
    public var name: String?
    /// Conditions every selected series' labels meet.
    public var matchers: [Matcher]

    /// A selector of series named `name` (any name when nil) that meet every matcher.
    public init(name: String?, matchers: [Matcher] = []) {
        self.name = name
        self.matchers = matchers
    }

    /// Whether `key` is selected.
    public func matches(_ key: SeriesKey) -> Bool {
        if let name, key.name != name { return false }
        return matchers.allSatisfy { matcher in
            matcher.matches(matcher.label == "__name__" ? key.name : key[label: matcher.label] ?? "")
        }
    }

    /// The selector in its own syntax, values escaped, so that parsing it gives it back:
    /// `name{label="value"}`, `name`, or `{}` for the selector of every series.
    public var description: String {
        if let name, matchers.isEmpty { return name }
        return (name ?? "") + "{" + matchers.map(\.description).joined(separator: ",") + "}"
    }
}

extension SeriesSelector {
    /// One condition on a label: `label="v"`, `label!="v"`, `label=~"re"` or `label!~"re"`.
    ///
    /// A regular expression is compiled when the matcher is made, never while matching.
    /// Matchers compare equal when label, operation and value are equal.
    public struct Matcher: Hashable, Sendable, CustomStringConvertible {
        /// How the value is compared.
        public enum Operation: String, Sendable, CaseIterable {
            case equal = "=", notEqual = "!=", matches = "=~", doesNotMatch = "!~"
        }

        /// The label's name; `__name__` stands for the metric name.
        public let label: String
        /// The value compared with, or the regular expression's source.
        public let value: String
        /// How the label's value is compared with `value`.
        public var operation: Operation { test.operation }
        private let test: Test

        /// `label="value"`.
        public static func equal(_ label: String, _ value: String) -> Matcher {
            Matcher(label: label, value: value, test: .equal)
        }

        /// `label!="value"`.
        public static func notEqual(_ label: String, _ value: String) -> Matcher {
            Matcher(label: label, value: value, test: .notEqual)
        }

        /// A matcher of any operation; throws the regular expression compiler's error when
        /// `operation` is `=~` or `!~` and `value` is not a valid regular expression.
        public init(label: String, operation: Operation, value: String) throws {
            let test: Test
            switch operation {
            case .equal: test = .equal
            case .notEqual: test = .notEqual
            case .matches: test = .matches(try CompiledPattern(value))
            case .doesNotMatch: test = .doesNotMatch(try CompiledPattern(value))
            }
            self.init(label: label, value: value, test: test)
        }

        private init(label: String, value: String, test: Test) {
            self.label = label
            self.value = value
            self.test = test
        }

        /// Whether a label whose value is `actual` (`""` when the label is missing) passes.
        public func matches(_ actual: String) -> Bool {
            switch test {
            case .equal: actual == value
            case .notEqual: actual != value
            case .matches(let pattern): pattern.matchesWhole(actual)
            case .doesNotMatch(let pattern): !pattern.matchesWhole(actual)
            }
        }

        /// `label="value"` with the operation and the value escaped.
        public var description: String {
            "\(label)\(operation.rawValue)\"\(SeriesKey.escape(value))\""
        }

        public static func == (lhs: Matcher, rhs: Matcher) -> Bool {
            lhs.label == rhs.label && lhs.operation == rhs.operation && lhs.value == rhs.value
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(label)
            hasher.combine(operation)
            hasher.combine(value)
        }

        /// The comparison, holding the compiled expression for the regular-expression ones.
        private enum Test: Sendable {
            case equal, notEqual
            case matches(CompiledPattern)
            case doesNotMatch(CompiledPattern)

            var operation: Operation {
                switch self {
                case .equal: .equal
                case .notEqual: .notEqual
                case .matches: .matches
                case .doesNotMatch: .doesNotMatch
                }
            }
        }
    }
}

/// A regular expression compiled once, matched against whole label values.
private struct CompiledPattern: @unchecked Sendable {
    // `Regex` is immutable once made; the run below also makes it build its matching
    // program here, at parse time, rather than on the first (possibly concurrent) match.
    private let regex: Regex<AnyRegexOutput>

    init(_ source: String) throws {
        regex = try Regex(source)
        _ = try? regex.wholeMatch(in: "")
    }

    func matchesWhole(_ value: String) -> Bool {
        (try? regex.wholeMatch(in: value)) != nil
    }
}
