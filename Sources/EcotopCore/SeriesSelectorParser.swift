extension SeriesSelector {
    /// Why selector text could not be read, and where: `column` is 1-based and counts
    /// Unicode scalars of the selector text (one past the end when the text ended too
    /// early), so a caller that knows where the text sits in a file can report
    /// `file:line:column` by adding its own position.
    public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
        /// The 1-based column of the offending character.
        public var column: Int
        /// What was wrong, or what was expected there.
        public var reason: String

        public init(column: Int, reason: String) {
            self.column = column
            self.reason = reason
        }

        /// `1:column: reason`, the `line:column: reason` form of every Ecotop parser (a
        /// selector is one line).
        public var description: String { "1:\(column): \(reason)" }
    }

    /// Reads selector text such as `node_load1`, `usage.transactions`,
    /// `up{job="node",instance!=""}` or `{code=~"5.."}`; see docs/parsers.md for the syntax.
    public init(parsing text: String) throws(ParseError) {
        var parser = SelectorParser(text: Array(text.unicodeScalars))
        self = try parser.parse()
    }
}

/// The recursive-descent reader of selector text, one Unicode scalar at a time so that
/// error columns are what an editor shows.
private struct SelectorParser {
    let text: [Unicode.Scalar]
    var position = 0

    mutating func parse() throws(SeriesSelector.ParseError) -> SeriesSelector {
        skipSpaces()
        let name = scan(while: Self.isNameCharacter)
        let nameEnd = position
        skipSpaces()
        var matchers: [SeriesSelector.Matcher] = []
        if peek == "{" {
            position += 1
            skipSpaces()
            while peek != "}" {
                matchers.append(try matcher())
                skipSpaces()
                if peek == "," {
                    position += 1
                    skipSpaces()
                } else if peek != "}" {
                    throw failure("expected , or }")
                }
            }
            position += 1
        } else if name.isEmpty {
            throw failure(peek == nil ? "expected a metric name" : "expected a metric name or {")
        } else if peek != nil {
            throw failure("expected the end of the selector", at: nameEnd)
        }
        skipSpaces()
        guard peek == nil else { throw failure("expected the end of the selector") }
        return SeriesSelector(name: name.isEmpty ? nil : name, matchers: matchers)
    }

    /// `label op "value"`, spaces allowed around the operation.
    private mutating func matcher() throws(SeriesSelector.ParseError) -> SeriesSelector.Matcher {
        let label = scan(while: Self.isLabelCharacter)
        guard !label.isEmpty else { throw failure("expected a label name") }
        skipSpaces()
        let operation = try readOperation()
        skipSpaces()
        let valueStart = position
        let value = try quoted()
        do {
            return try SeriesSelector.Matcher(label: label, operation: operation, value: value)
        } catch {
            throw failure("invalid regular expression \"\(value)\": \(error)", at: valueStart)
        }
    }

    private mutating func readOperation() throws(SeriesSelector.ParseError) -> SeriesSelector.Matcher.Operation {
        if peek == "!" {
            position += 1
            if consume("=") { return .notEqual }
            if consume("~") { return .doesNotMatch }
            throw failure("expected = or ~ after !")
        }
        guard consume("=") else { throw failure("expected =, !=, =~ or !~ after the label name") }
        return consume("~") ? .matches : .equal
    }

    /// A double-quoted value: `\\`, `\"`, `\n` and `\t` are escapes; a backslash before any
    /// other character is kept, so `"value\..*"` is the expression `value\..*`.
    private mutating func quoted() throws(SeriesSelector.ParseError) -> String {
        guard consume("\"") else { throw failure("expected \" to open the label value") }
        var value = String.UnicodeScalarView()
        while let scalar = peek, scalar != "\"" {
            position += 1
            guard scalar == "\\", let escaped = peek else {
                value.append(scalar)
                continue
            }
            switch escaped {
            case "\\", "\"": value.append(escaped)
            case "n": value.append("\n")
            case "t": value.append("\t")
            default:
                value.append(scalar)
                continue
            }
            position += 1
        }
        guard consume("\"") else { throw failure("expected \" to close the label value") }
        return String(value)
    }

    private var peek: Unicode.Scalar? { position < text.count ? text[position] : nil }

    private mutating func consume(_ scalar: Unicode.Scalar) -> Bool {
        guard peek == scalar else { return false }
        position += 1
        return true
    }

    private mutating func skipSpaces() {
        while let scalar = peek, scalar == " " || scalar == "\t" { position += 1 }
    }

    private mutating func scan(while accepts: (Unicode.Scalar) -> Bool) -> String {
        let start = position
        while let scalar = peek, accepts(scalar) { position += 1 }
        return String(String.UnicodeScalarView(text[start..<position]))
    }

    /// Letters (any script), digits, `_` and `:`: the characters of a label name.
    private static func isLabelCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == ":"
    }

    /// A label name's characters plus `.` and `-`, found in Ecotop metric ids
    /// (`usage.transactions`) and Influx `measurement.field` names.
    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isLabelCharacter(scalar) || scalar == "." || scalar == "-"
    }

    private func failure(_ reason: String, at offset: Int? = nil) -> SeriesSelector.ParseError {
        SeriesSelector.ParseError(column: (offset ?? position) + 1, reason: reason)
    }
}
