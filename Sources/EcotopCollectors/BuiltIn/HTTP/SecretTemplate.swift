/// A configured string that may name environment variables, `${NAME}`, whose values are
/// secrets: an `Authorization` header such as `Bearer ${SHOP_API_TOKEN}`, or a URL with a key.
///
/// The template is what errors show; the resolved text goes only on the wire. `$$` writes a
/// literal `$`. A `${NAME}` whose variable is unset is an error naming the variable, never a
/// silently empty header.
public struct SecretTemplate: Hashable, Sendable, CustomStringConvertible {
    /// The text as configured, with its `${NAME}` references.
    public var template: String

    /// A template; `fromEnvironment(_:)` makes one that is a single variable.
    public init(_ template: String) {
        self.template = template
    }

    /// The whole value taken from one environment variable (the config's `fromEnv: NAME`).
    public static func fromEnvironment(_ name: String) -> SecretTemplate {
        SecretTemplate("${\(name)}")
    }

    /// The template as configured: safe to show.
    public var description: String { template }

    /// The names of the variables the template refers to.
    public var variableNames: [String] {
        pieces.compactMap { if case .variable(let name) = $0 { name } else { nil } }
    }

    /// The text with each `${NAME}` replaced by its value in `environment`, and the values
    /// used, so that they can be redacted from anything shown.
    public func resolve(in environment: [String: String]) throws(SecretTemplateError) -> (text: String, secrets: [String]) {
        var text = ""
        var secrets: [String] = []
        for piece in pieces {
            switch piece {
            case .literal(let literal): text += literal
            case .variable(let name):
                guard let value = environment[name] else { throw SecretTemplateError(template: template, variable: name, problem: .unset) }
                // A line break would end the header early and drop it (or smuggle another one in).
                guard !value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) else {
                    throw SecretTemplateError(template: template, variable: name, problem: .lineBreak)
                }
                text += value
                if !value.isEmpty { secrets.append(value) }
            }
        }
        return (text, secrets)
    }

    private enum Piece { case literal(String), variable(String) }

    private var pieces: [Piece] {
        var pieces: [Piece] = []
        var literal = ""
        var rest = Substring(template)
        while let dollar = rest.firstIndex(of: "$") {
            literal += rest[..<dollar]
            let after = rest[rest.index(after: dollar)...]
            if after.first == "$" {
                literal += "$"
                rest = after.dropFirst()
            } else if after.first == "{", let close = after.firstIndex(of: "}") {
                if !literal.isEmpty { pieces.append(.literal(literal)) }
                literal = ""
                pieces.append(.variable(String(after[after.index(after: after.startIndex)..<close])))
                rest = after[after.index(after: close)...]
            } else {
                literal += "$"
                rest = after
            }
        }
        literal += rest
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        return pieces
    }
}

/// A `${NAME}` that cannot be filled in. The message names the variable, never its value.
public struct SecretTemplateError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong with the variable.
    public enum Problem: Hashable, Sendable {
        /// It is not set.
        case unset
        /// Its value holds a carriage return or a line feed, which no header may contain.
        case lineBreak
    }

    /// The template as configured.
    public var template: String
    /// The variable at fault.
    public var variable: String
    public var problem: Problem

    public var description: String {
        switch problem {
        case .unset: "environment variable \(variable) is not set (needed by \"\(template)\")"
        case .lineBreak: "environment variable \(variable) holds a line break, which a header cannot carry (needed by \"\(template)\")"
        }
    }
}

/// Replaces every secret value in a text by `***`, for anything a collector reports: errors,
/// problems, excerpts of response bodies that might echo a header back.
public struct SecretRedactor: Sendable {
    private let secrets: [String]

    /// A redactor of these values; longer values are replaced first, so a secret that contains
    /// another is hidden whole.
    public init(secrets: [String]) {
        self.secrets = Set(secrets.filter { !$0.isEmpty }).sorted { $0.count > $1.count }
    }

    /// The text with each secret replaced by `***`.
    public func redact(_ text: String) -> String {
        secrets.reduce(text) { $0.replacing($1, with: "***") }
    }
}
