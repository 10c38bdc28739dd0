/// Reading the `{name="value",...}` label set shared by Prometheus text and OpenMetrics.
extension ByteCursor {
    /// How strictly a label set is written.
    enum LabelSyntax {
        /// Prometheus 0.0.4: blanks around tokens and a trailing comma are allowed.
        case prometheus
        /// OpenMetrics 1.0: no blanks, no trailing comma.
        case openMetrics
    }

    private static let blanks = ByteSet(" \t")

    /// Reads a label set starting at `{` (the caller checked it is there) through `}`.
    /// Label names must be unique; `__name__` is reserved.
    mutating func readLabels(_ syntax: LabelSyntax) throws(ParseError) -> [String: String] {
        index += 1
        var labels: [String: String] = [:]
        skipBlanks(syntax)
        if consume(UInt8(ascii: "}")) { return labels }
        while true {
            let nameStart = index
            let name = try readName(start: .labelNameStart, rest: .labelNameRest, what: "a label name")
            if name == "__name__" { throw failure("label name __name__ is reserved", at: nameStart) }
            skipBlanks(syntax)
            try expect(UInt8(ascii: "="), "= after label name")
            skipBlanks(syntax)
            try expect(UInt8(ascii: "\""), "\" to open the label value")
            let value = try readEscaped(.labelValue)
            try expect(UInt8(ascii: "\""), "\" to close the label value")
            if labels.updateValue(value, forKey: name) != nil {
                throw failure("duplicate label name \(name)", at: nameStart)
            }
            skipBlanks(syntax)
            if consume(UInt8(ascii: "}")) { return labels }
            try expect(UInt8(ascii: ","), ", or }")
            if syntax == .prometheus {
                skipBlanks(syntax)
                if consume(UInt8(ascii: "}")) { return labels }
            }
        }
    }

    /// Reads a name of the given character classes.
    mutating func readName(start: ByteSet, rest: ByteSet, what: String) throws(ParseError) -> String {
        guard let first = peek, start.contains(first) else { throw failure("expected \(what)") }
        let begin = index
        index += 1
        _ = scan(while: rest)
        return String(decoding: slice(begin..<index), as: UTF8.self)
    }

    /// Reads a metric name: `[a-zA-Z_:][a-zA-Z0-9_:]*`.
    mutating func readMetricName() throws(ParseError) -> String {
        try readName(start: .metricNameStart, rest: .metricNameRest, what: "a metric name")
    }

    private mutating func skipBlanks(_ syntax: LabelSyntax) {
        if syntax == .prometheus { _ = scan(while: Self.blanks) }
    }
}
