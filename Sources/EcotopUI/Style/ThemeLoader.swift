import Yams

/// Reads theme files: YAML with a `name`, a `description`, a `colors` mapping of roles to
/// colours (`#rrggbb`, an xterm index, `ansi:N` or `default`) and a `chart` list.
public enum ThemeLoader {
    /// Parses a theme; `source` names the file in error messages.
    public static func parse(_ text: String, source: String) throws -> Theme {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw ThemeError(source: source, line: nil, message: "not valid YAML: \(error)")
        }
        guard let mapping = root?.mapping else {
            throw ThemeError(source: source, line: 1, message: "expected a mapping with name, description, colors and chart")
        }
        var name: String?
        var summary = ""
        var colors: [ThemeRole: Color] = [:]
        var gradient: [Color] = []
        for (keyNode, valueNode) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "name": name = valueNode.string
            case "description": summary = valueNode.string ?? ""
            case "colors": colors = try parseColors(valueNode, source: source)
            case "chart": gradient = try parseGradient(valueNode, source: source)
            default:
                throw ThemeError(
                    source: source, line: line(of: keyNode),
                    message: "unknown key '\(key)' (expected name, description, colors, chart)")
            }
        }
        guard let name, !name.isEmpty else {
            throw ThemeError(source: source, line: 1, message: "missing 'name'")
        }
        let missing = ThemeRole.allCases.filter { colors[$0] == nil }
        guard missing.isEmpty else {
            throw ThemeError(
                source: source, line: nil,
                message: "colors is missing \(missing.map(\.rawValue).joined(separator: ", "))")
        }
        return Theme(name: name, summary: summary, colors: colors, chartGradient: gradient)
    }

    private static func parseColors(_ node: Node, source: String) throws -> [ThemeRole: Color] {
        guard let mapping = node.mapping else {
            throw ThemeError(source: source, line: line(of: node), message: "colors must be a mapping of role to colour")
        }
        var colors: [ThemeRole: Color] = [:]
        for (keyNode, valueNode) in mapping {
            let key = keyNode.string ?? ""
            guard let role = ThemeRole(rawValue: key) else {
                let roles = ThemeRole.allCases.map(\.rawValue).joined(separator: ", ")
                throw ThemeError(source: source, line: line(of: keyNode), message: "unknown colour role '\(key)' (roles: \(roles))")
            }
            colors[role] = try parseColor(valueNode, field: "colors.\(key)", source: source)
        }
        return colors
    }

    private static func parseGradient(_ node: Node, source: String) throws -> [Color] {
        guard let sequence = node.sequence, !sequence.isEmpty else {
            throw ThemeError(source: source, line: line(of: node), message: "chart must be a non-empty list of colours")
        }
        return try sequence.enumerated().map { try parseColor($1, field: "chart[\($0)]", source: source) }
    }

    private static func parseColor(_ node: Node, field: String, source: String) throws -> Color {
        guard let text = node.string, let color = Color(parsing: text) else {
            throw ThemeError(
                source: source, line: line(of: node),
                message: "\(field): '\(node.string ?? "?")' is not a colour (use #rrggbb, 0-255, ansi:0-15 or default)")
        }
        return color
    }

    private static func line(of node: Node) -> Int? {
        node.mark.map { $0.line }
    }
}

/// A theme file that could not be read, with where and why.
public struct ThemeError: Error, CustomStringConvertible, Sendable {
    public var source: String
    public var line: Int?
    public var message: String

    public var description: String {
        "\(source)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}
