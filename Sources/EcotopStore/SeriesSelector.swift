import EcotopCore

/// Which series a query reads: a metric name with optional label matchers, as in Prometheus:
/// `usage.transactions{integration="stripe",region!="eu",code=~"5..",env!~"test|dev"}`.
///
/// The name may be left out (`{integration="stripe"}`) or matched as the label `__name__`.
/// Regular expressions match the whole value. `{}` and the empty selector match every series.
public struct SeriesSelector: CustomStringConvertible {
    /// One label condition.
    public struct Matcher {
        /// How the value is compared.
        public enum Operation: String, Sendable {
            case equal = "=", notEqual = "!=", matches = "=~", doesNotMatch = "!~"
        }

        // Constants: the regex is compiled from `operation` and `value` once, in `init`.
        public let label: String
        public let operation: Operation
        public let value: String
        private let regex: Regex<AnyRegexOutput>?

        public init(label: String, operation: Operation, value: String) throws {
            self.label = label
            self.operation = operation
            self.value = value
            switch operation {
            case .equal, .notEqual:
                regex = nil
            case .matches, .doesNotMatch:
                do {
                    regex = try Regex(value)
                } catch {
                    throw StoreError(.invalidRequest, "invalid regular expression \"\(value)\" for label \(label): \(error)")
                }
            }
        }

        /// Whether a series whose label has `actual` (empty when the label is missing) matches.
        public func matches(_ actual: String) -> Bool {
            switch operation {
            case .equal: actual == value
            case .notEqual: actual != value
            case .matches: (try? regex!.wholeMatch(in: actual)) != nil
            case .doesNotMatch: (try? regex!.wholeMatch(in: actual)) == nil
            }
        }
    }

    /// The metric name, or nil for any name.
    public var name: String?
    public var matchers: [Matcher]

    public init(name: String?, matchers: [Matcher] = []) {
        self.name = name
        self.matchers = matchers
    }

    /// Parses the selector syntax; errors say at which character parsing stopped.
    public init(parsing text: String) throws {
        var parser = SelectorParser(text: Array(text.unicodeScalars))
        (name, matchers) = try parser.parse()
    }

    /// Whether `key` is selected.
    public func matches(_ key: SeriesKey) -> Bool {
        if let name, key.name != name { return false }
        return matchers.allSatisfy { matcher in
            matcher.matches(matcher.label == "__name__" ? key.name : key[label: matcher.label] ?? "")
        }
    }

    public var description: String {
        let conditions = matchers.map { "\($0.label)\($0.operation.rawValue)\"\($0.value)\"" }
        return (name ?? "") + (conditions.isEmpty && name != nil ? "" : "{\(conditions.joined(separator: ","))}")
    }
}

/// The recursive-descent reader of selector text.
private struct SelectorParser {
    let text: [Unicode.Scalar]
    var position = 0

    mutating func parse() throws -> (String?, [SeriesSelector.Matcher]) {
        skipSpaces()
        let name = identifier(allowDots: true)
        var matchers: [SeriesSelector.Matcher] = []
        skipSpaces()
        if peek == "{" {
            position += 1
            skipSpaces()
            while peek != "}" {
                let label = identifier(allowDots: false)
                guard !label.isEmpty else { throw failure("expected a label name") }
                skipSpaces()
                let operation = try readOperation()
                skipSpaces()
                let value = try quoted()
                matchers.append(try SeriesSelector.Matcher(label: label, operation: operation, value: value))
                skipSpaces()
                if peek == "," {
                    position += 1
                    skipSpaces()
                } else if peek != "}" {
                    throw failure("expected ',' or '}'")
                }
            }
            position += 1
        }
        skipSpaces()
        guard position == text.count else { throw failure("unexpected text") }
        return (name.isEmpty ? nil : name, matchers)
    }

    private var peek: Unicode.Scalar? { position < text.count ? text[position] : nil }

    private mutating func skipSpaces() {
        while let scalar = peek, scalar == " " || scalar == "\t" { position += 1 }
    }

    private mutating func identifier(allowDots: Bool) -> String {
        var result = String.UnicodeScalarView()
        while let scalar = peek,
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == ":"
                || (allowDots && (scalar == "." || scalar == "-"))
        {
            result.append(scalar)
            position += 1
        }
        return String(result)
    }

    private mutating func readOperation() throws -> SeriesSelector.Matcher.Operation {
        for operation in [SeriesSelector.Matcher.Operation.matches, .doesNotMatch, .notEqual, .equal] {
            let symbol = Array(operation.rawValue.unicodeScalars)
            if position + symbol.count <= text.count, Array(text[position..<(position + symbol.count)]) == symbol {
                position += symbol.count
                return operation
            }
        }
        throw failure("expected one of = != =~ !~")
    }

    private mutating func quoted() throws -> String {
        guard peek == "\"" else { throw failure("expected a quoted value") }
        position += 1
        var value = String.UnicodeScalarView()
        while let scalar = peek, scalar != "\"" {
            position += 1
            guard scalar == "\\" else {
                value.append(scalar)
                continue
            }
            guard let escaped = peek else { break }
            position += 1
            value.append(escaped == "n" ? "\n" : escaped == "t" ? "\t" : escaped)
        }
        guard peek == "\"" else { throw failure("unterminated quoted value") }
        position += 1
        return String(value)
    }

    private func failure(_ message: String) -> StoreError {
        StoreError(.invalidRequest, "selector \"\(String(String.UnicodeScalarView(text)))\" at character \(position + 1): \(message)")
    }
}
