/// One problem in a configuration file: where, which field, and what was expected.
public struct ConfigDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public var mark: ConfigMark
    /// The field's path, e.g. `collectors[1].interval`; empty for a problem of the whole file.
    public var field: String
    /// What is wrong and what was expected.
    public var message: String

    public init(_ mark: ConfigMark, field: String, message: String) {
        self.mark = mark
        self.field = field
        self.message = message
    }

    /// `file:line:column: field: message`.
    public var description: String {
        field.isEmpty ? "\(mark): \(message)" : "\(mark): \(field): \(message)"
    }
}

/// Every problem found while reading a configuration, gathered rather than thrown so that
/// `ecotop config check` reports them all at once.
public final class ConfigIssues {
    /// The problems in the order found.
    public private(set) var diagnostics: [ConfigDiagnostic] = []

    public init() {}

    /// Records a problem.
    public func report(_ mark: ConfigMark, field: String, _ message: String) {
        diagnostics.append(ConfigDiagnostic(mark, field: field, message: message))
    }

    /// Records a problem already built (a collector's own validation, a syntax error).
    public func report(_ diagnostic: ConfigDiagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Whether nothing was reported.
    public var isEmpty: Bool { diagnostics.isEmpty }
}

/// The configuration errors of a file, thrown when a configuration cannot be used.
public struct ConfigErrors: Error, Sendable, CustomStringConvertible {
    /// Every problem, sorted by position.
    public var diagnostics: [ConfigDiagnostic]

    public init(_ diagnostics: [ConfigDiagnostic]) {
        self.diagnostics = diagnostics.sorted {
            ($0.mark.file, $0.mark.line, $0.mark.column) < ($1.mark.file, $1.mark.line, $1.mark.column)
        }
    }

    /// One problem per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
