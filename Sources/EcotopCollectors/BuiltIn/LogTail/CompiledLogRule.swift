import EcotopCore
import Foundation

/// A `LogLineRule` ready to run: its expressions compiled and its templates split, checked
/// once when the collector is made.
struct CompiledLogRule: @unchecked Sendable {  // NSRegularExpression is immutable once made
    let rule: LogLineRule
    private let pattern: NSRegularExpression?
    private let groups: [String]
    private let conditions: [(field: String, expression: NSRegularExpression)]
    let labels: [(name: String, template: LogTemplate)]
    let event: (integration: LogTemplate, code: LogTemplate, message: LogTemplate, attributes: [(String, LogTemplate)])?

    init(_ rule: LogLineRule, number: Int) throws(LogTailConfigurationError) {
        func failure(_ reason: String) -> LogTailConfigurationError { LogTailConfigurationError(rule: number, reason: reason) }
        func compile(_ text: String, _ what: String, anchored: Bool = false) throws(LogTailConfigurationError) -> NSRegularExpression {
            do {
                return try NSRegularExpression(pattern: anchored ? "^(?:\(text))$" : text)
            } catch {
                throw failure("\(what) is not a valid regular expression: \(text)")
            }
        }
        self.rule = rule
        if case .regex(let text) = rule.format {
            pattern = try compile(text, "the pattern")
            groups = Self.groupNames(in: text)
        } else {
            pattern = nil
            groups = []
        }
        var conditions: [(String, NSRegularExpression)] = []
        for (field, text) in rule.conditions.sorted(by: { $0.key < $1.key }) {
            conditions.append((field, try compile(text, "the condition on \(field)", anchored: true)))
        }
        self.conditions = conditions
        var used = Array(rule.conditions.keys)
        switch rule.output {
        case .sample(let output):
            labels = output.labels.sorted { $0.key < $1.key }.map { ($0.key, LogTemplate($0.value)) }
            event = nil
            switch output.aggregation {
            case .count: break
            case .sum(let field), .last(let field), .max(let field): used.append(field)
            }
        case .event(let output):
            labels = []
            event = (LogTemplate(output.integration), LogTemplate(output.code), LogTemplate(output.message),
                     output.attributes.sorted { $0.key < $1.key }.map { ($0.key, LogTemplate($0.value)) })
            used += [output.integration, output.code, output.message].flatMap { LogTemplate($0).fieldNames }
            used += output.attributes.values.flatMap { LogTemplate($0).fieldNames }
            used += [output.latencyField, output.timeField].compactMap { $0 }
        }
        used += labels.flatMap(\.template.fieldNames)
        if pattern != nil, let unknown = used.first(where: { !groups.contains($0) }) {
            throw failure("{\(unknown)} is not a named group of the pattern (it has \(groups.isEmpty ? "none" : groups.joined(separator: ", ")))")
        }
    }

    /// The line's fields when the rule takes it: the pattern matches (or the line is JSON) and
    /// every condition holds.
    func fields(of line: String, json: JSONValue?) -> LogFields? {
        let fields: LogFields
        if let pattern {
            guard let match = pattern.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) else { return nil }
            fields = LogFields(match: match, groups: groups, in: line)
        } else {
            guard let json, case .object = json else { return nil }
            fields = LogFields(json: json)
        }
        for (field, expression) in conditions {
            guard let value = fields[field],
                  expression.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) != nil else { return nil }
        }
        return fields
    }

    /// The names of a pattern's `(?<name>...)` groups.
    private static func groupNames(in pattern: String) -> [String] {
        let finder = try! NSRegularExpression(pattern: #"(?<!\\)\(\?<([A-Za-z][A-Za-z0-9]*)>"#)
        return finder.matches(in: pattern, range: NSRange(pattern.startIndex..., in: pattern)).compactMap {
            Range($0.range(at: 1), in: pattern).map { String(pattern[$0]) }
        }
    }
}

/// A `log-tail` rule that cannot run, found when the collector is made.
public struct LogTailConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The 1-based number of the rule in the configuration.
    public var rule: Int
    public var reason: String

    public var description: String { "rule \(rule): \(reason)" }
}
