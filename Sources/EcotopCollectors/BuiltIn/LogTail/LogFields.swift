import Foundation

/// The fields one line offers a rule: named groups of its regex, or members of its JSON.
struct LogFields {
    private let lookup: (String) -> String?

    /// Fields from a regex match: every named group, "" when it took no part.
    init(match: NSTextCheckingResult, groups: [String], in line: String) {
        var values: [String: String] = [:]
        for group in groups {
            let range = match.range(withName: group)
            values[group] = range.location == NSNotFound ? "" : Range(range, in: line).map { String(line[$0]) } ?? ""
        }
        lookup = { values[$0] }
    }

    /// Fields from a JSON object: `a.b` is member `b` of member `a`.
    init(json: JSONValue) {
        lookup = { name in
            var value = json
            for member in name.split(separator: ".", omittingEmptySubsequences: false) {
                guard case .object(let members) = value, let next = members[String(member)] else { return nil }
                value = next
            }
            return value.labelText
        }
    }

    subscript(name: String) -> String? { lookup(name) }

    /// A numeric field.
    func number(_ name: String) -> Double? {
        self[name].flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }.flatMap { $0.isFinite ? $0 : nil }
    }
}

/// A text with `{field}` placeholders, as the labels and event fields of a `LogLineRule`
/// are written: `storefront->{upstream}`. There is no escape; braces always delimit a field.
struct LogTemplate: Hashable, Sendable {
    private enum Piece: Hashable, Sendable { case literal(String), field(String) }
    private let pieces: [Piece]

    /// Splits a template; an unclosed `{` is taken literally.
    init(_ text: String) {
        var pieces: [Piece] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { pieces.append(.literal(String(rest[..<open]))) }
            pieces.append(.field(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.literal(String(rest))) }
        self.pieces = pieces
    }

    /// The fields the template names.
    var fieldNames: [String] {
        pieces.compactMap { if case .field(let name) = $0 { name } else { nil } }
    }

    /// The text with each field filled in, or nil when the line lacks one of them.
    func render(_ fields: LogFields) -> String? {
        var text = ""
        for piece in pieces {
            switch piece {
            case .literal(let literal): text += literal
            case .field(let name):
                guard let value = fields[name] else { return nil }
                text += value
            }
        }
        return text
    }
}
