import EcotopCore

/// JSON text for the commands that print JSON by hand (query, errors, events): strings quoted
/// with every control character escaped (C1 controls and bidirectional overrides too, which
/// JSON allows raw but which would reorder or drive the terminal the output is read on),
/// numbers as integers when they are whole.
public enum JSONText {
    /// `text` as a JSON string literal.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case _ where TerminalText.isControl(scalar):
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// `value` as a JSON number: whole values without a fraction.
    public static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }

    /// An optional number, `null` when absent.
    public static func number(_ value: Double?) -> String { value.map(number) ?? "null" }

    /// `{"a":"1","b":"2"}` with keys sorted.
    public static func object(_ pairs: [String: String]) -> String {
        "{" + pairs.sorted { $0.key < $1.key }.map { quoted($0.key) + ":" + quoted($0.value) }.joined(separator: ",") + "}"
    }
}

/// CSV fields as RFC 4180 writes them, with control characters shown escaped so that a
/// hostile value cannot drive the terminal the output is read on.
public enum CSVText {
    /// One field: quoted when it holds a comma, a quote or a line break.
    public static func field(_ text: String) -> String {
        let safe = TerminalText.escaped(text)
        guard safe.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return safe }
        return "\"" + safe.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// One line of fields.
    public static func line(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") + "\n" }
}
