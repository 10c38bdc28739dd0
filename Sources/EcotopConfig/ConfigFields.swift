import EcotopCore
/// Reads the fields of one YAML mapping, reporting every problem to a `ConfigIssues`.
///
/// Each accessor marks its key as known; `finish()` then reports the keys nobody asked for,
/// with a "did you mean" when one is close to a known key. A missing optional field reads
/// as nil without a report; a field of the wrong shape reads as nil and is reported with
/// its position, its path and what was expected. Collectors read their `options` with it:
///
///     let fields = ConfigFields(config.options, path: config.field("options"), issues: issues)
///     let url = fields.string("url", required: true)
///     let timeout = fields.duration("timeout") ?? 5
///     fields.finish()
public final class ConfigFields {
    /// The mapping node (a null node reads as an empty mapping).
    public let node: ConfigNode
    /// The mapping's path, e.g. `collectors[0].options`; empty at the top of the file.
    public let path: String
    public let issues: ConfigIssues
    /// The mapping's entries in document order.
    public let entries: [ConfigEntry]
    private var known: [String] = []

    /// A reader of `node`; reports (and reads as empty) a node that is not a mapping.
    public init(_ node: ConfigNode, path: String, issues: ConfigIssues) {
        self.node = node
        self.path = path
        self.issues = issues
        switch node.content {
        case .mapping(let entries): self.entries = entries
        case .null: self.entries = []
        default:
            issues.report(node.mark, field: path, "expected a mapping of keys to values, found \(node.kindName)")
            self.entries = []
        }
    }

    /// The path of a field of this mapping.
    public func field(_ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// The value of `key`, marking it known. Reports a missing required field.
    public func value(_ key: String, required: Bool = false) -> ConfigNode? {
        if !known.contains(key) { known.append(key) }
        guard let entry = entries.first(where: { $0.key == key }), entry.value.content != .null else {
            if required { issues.report(node.mark, field: field(key), "missing; this field is required") }
            return nil
        }
        return entry.value
    }

    /// A string (any scalar, as written).
    public func string(_ key: String, required: Bool = false) -> String? {
        value(key, required: required)?.readString(field: field(key), issues: issues)
    }

    /// A number, optionally within `range`.
    public func number(_ key: String, in range: ClosedRange<Double>? = nil, required: Bool = false) -> Double? {
        value(key, required: required)?.readNumber(field: field(key), in: range, issues: issues)
    }

    /// A whole number, optionally within `range`.
    public func integer(_ key: String, in range: ClosedRange<Int>? = nil) -> Int? {
        value(key)?.readInteger(field: field(key), in: range, issues: issues)
    }

    /// `true` or `false` (also `yes`/`no`, `on`/`off`).
    public func bool(_ key: String) -> Bool? {
        value(key)?.readBool(field: field(key), issues: issues)
    }

    /// A positive duration in seconds: a number of seconds or `500ms`, `30s`, `5m`, `1h`, `1d`.
    public func duration(_ key: String, required: Bool = false) -> Double? {
        value(key, required: required)?.readDuration(field: field(key), issues: issues)
    }

    /// One of the raw values of `T`, with a "did you mean" for a near miss.
    public func choice<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type, required: Bool = false) -> T?
    where T.RawValue == String {
        value(key, required: required)?.readChoice(field: field(key), as: type, issues: issues)
    }

    /// A list of strings; a single scalar is not taken for a list of one.
    public func strings(_ key: String, required: Bool = false) -> [String]? {
        guard let list = list(key, required: required) else { return nil }
        let strings = list.enumerated().compactMap { index, item in
            item.readString(field: "\(field(key))[\(index)]", issues: issues)
        }
        return strings.count == list.count ? strings : nil
    }

    /// A mapping of names to strings (`env`, `headers`, `labels`).
    public func stringMap(_ key: String) -> [String: String]? {
        guard let node = value(key) else { return nil }
        guard case .mapping(let entries) = node.content else {
            issues.report(node.mark, field: field(key), "expected a mapping of names to strings, found \(node.kindName)")
            return nil
        }
        var map: [String: String] = [:]
        for entry in entries {
            if let text = entry.value.readString(field: "\(field(key)).\(entry.key)", issues: issues) { map[entry.key] = text }
        }
        return map
    }

    /// A mapping of label names to values (`labels`, `set_labels`), or with `valuesAreNames` of
    /// label names to new names (`rename_labels`): like `stringMap`, and a name may not be empty,
    /// as in every format Ecotop reads.
    public func labelMap(_ key: String, valuesAreNames: Bool = false) -> [String: String]? {
        guard let map = stringMap(key), case .mapping(let entries)? = value(key)?.content else { return nil }
        var valid = true
        for entry in entries {
            if entry.key.isEmpty {
                issues.report(entry.keyMark, field: field(key), "empty label name")
                valid = false
            } else if valuesAreNames, entry.value.scalar?.isEmpty == true {
                issues.report(entry.value.mark, field: "\(field(key)).\(entry.key)", "empty label name")
                valid = false
            }
        }
        return valid ? map : nil
    }

    /// A nested mapping, read by its own `ConfigFields` (call `finish()` on it too).
    public func mapping(_ key: String) -> ConfigFields? {
        value(key).map { ConfigFields($0, path: field(key), issues: issues) }
    }

    /// A list; each item's path is `field(key) + "[index]"`.
    public func list(_ key: String, required: Bool = false) -> [ConfigNode]? {
        guard let node = value(key, required: required) else { return nil }
        guard case .sequence(let items) = node.content else {
            issues.report(node.mark, field: field(key), "expected a list, found \(node.kindName)")
            return nil
        }
        return items
    }

    /// Reports every key no accessor asked for, suggesting the closest known key.
    public func finish() {
        for entry in entries where !known.contains(entry.key) {
            let hint = Suggestion.closest(to: entry.key, among: known).map { "; did you mean '\($0)'?" }
                ?? "; expected one of: \(known.joined(separator: ", "))"
            issues.report(entry.keyMark, field: field(entry.key), "unknown key '\(entry.key)'\(hint)")
        }
    }
}
