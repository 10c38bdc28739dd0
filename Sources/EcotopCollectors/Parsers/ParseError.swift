/// The first problem a parser found in its input, with where it is.
///
/// Parsers stop at the first error and return nothing else, so an input that fails
/// imports nothing. `description` reads `line:column: reason`, both 1-based; the column
/// counts Unicode scalars from the start of the line, so it matches what an editor shows.
public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The 1-based line of the offending character.
    public var line: Int
    /// The 1-based column (in Unicode scalars) of the offending character; one past the
    /// last character when the line ended too early.
    public var column: Int
    /// What was wrong, or what was expected there.
    public var reason: String

    /// An error at a 1-based line and column.
    public init(line: Int, column: Int, reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// `line:column: reason`.
    public var description: String { "\(line):\(column): \(reason)" }
}
