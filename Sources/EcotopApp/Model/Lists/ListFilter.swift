/// The `/` filter of a list: a regular expression matched anywhere in each row's text,
/// without regard to case; a leading `!` keeps the rows that do not match. A pattern that is
/// not a valid expression matches as plain text, and says so.
public struct ListFilter: Sendable, Hashable {
    /// The filter as typed, `!` included.
    public let text: String

    public init(_ text: String) {
        self.text = text
    }

    /// Whether the filter keeps every row.
    public var isEmpty: Bool { pattern.isEmpty }

    /// Whether rows that match are dropped rather than kept.
    public var isInverted: Bool { text.hasPrefix("!") }

    /// The expression without its `!`.
    public var pattern: String { isInverted ? String(text.dropFirst()) : text }

    /// Why the pattern is not a regular expression; nil when it is one.
    public var problem: String? {
        guard !isEmpty else { return nil }
        do {
            _ = try Regex(pattern)
            return nil
        } catch {
            return "not a regular expression, matched as text"
        }
    }

    /// A matcher for many rows, compiling the expression once.
    public func matcher() -> Matcher { Matcher(self) }

    /// Tells whether rows pass the filter.
    public struct Matcher {
        private let regex: Regex<AnyRegexOutput>?
        private let literal: String
        private let inverted: Bool
        private let empty: Bool

        init(_ filter: ListFilter) {
            empty = filter.isEmpty
            inverted = filter.isInverted
            literal = filter.pattern.lowercased()
            regex = try? Regex(filter.pattern).ignoresCase()
        }

        /// Whether a row whose searchable text is `text` stays in the list.
        public func keeps(_ text: String) -> Bool {
            guard !empty else { return true }
            let matches = if let regex { text.contains(regex) } else { text.lowercased().contains(literal) }
            return matches != inverted
        }
    }
}
