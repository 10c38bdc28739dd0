import Yams

/// Where something is in a configuration file: `file:line:column`, both 1-based.
public struct ConfigMark: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`.
    public var description: String { "\(file):\(line):\(column)" }
}

/// One node of a parsed YAML document, with where it was written.
///
/// A plain value tree so that configuration types stay free of the YAML library: collectors
/// read their type-specific `options` through `ConfigFields` over one of these.
public struct ConfigNode: Sendable, Hashable {
    /// What the node holds.
    public enum Content: Sendable, Hashable {
        /// A scalar as written (numbers and booleans are read from the text on demand).
        case scalar(String)
        /// A mapping, its entries in document order.
        case mapping([ConfigEntry])
        case sequence([ConfigNode])
        /// `~`, `null` or nothing at all.
        case null
    }

    public var content: Content
    /// Where the node starts; for a quoted scalar, its first character inside the quotes, so
    /// that a column within the text (a bad selector) adds to it.
    public var mark: ConfigMark

    public init(_ content: Content, mark: ConfigMark) {
        self.content = content
        self.mark = mark
    }

    /// The scalar text, or nil when the node is not a scalar.
    public var scalar: String? {
        if case .scalar(let text) = content { return text }
        return nil
    }

    /// What the node is, for "expected a mapping, found a sequence" messages.
    public var kindName: String {
        switch content {
        case .scalar: "a scalar"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .null: "nothing"
        }
    }
}

/// One `key: value` pair of a mapping.
public struct ConfigEntry: Sendable, Hashable {
    public var key: String
    /// Where the key is written; unknown keys are reported here.
    public var keyMark: ConfigMark
    public var value: ConfigNode

    public init(key: String, keyMark: ConfigMark, value: ConfigNode) {
        self.key = key
        self.keyMark = keyMark
        self.value = value
    }
}

// MARK: - Reading YAML

extension ConfigNode {
    /// Parses one YAML document. A syntax error becomes a single diagnostic at its position;
    /// repeated keys one each, at every repetition.
    ///
    /// - Returns: the root node (a null node for an empty document), or the syntax errors.
    public static func parse(yaml: String, file: String) -> Result<ConfigNode, ConfigErrors> {
        do {
            guard let root = try Yams.compose(yaml: yaml) else {
                return .success(ConfigNode(.null, mark: ConfigMark(file: file, line: 1, column: 1)))
            }
            var budget = maximumValues
            return .success(try ConfigNode(root, file: file, budget: &budget))
        } catch let error as ExpansionLimitReached {
            return .failure(ConfigErrors([ConfigDiagnostic(error.mark, field: "",
                message: "the document expands to more than \(maximumValues) values (YAML aliases repeating aliases?); a configuration needs far fewer")]))
        } catch YamlError.duplicatedKeysInMapping(let keys, let context) {
            if let every = DuplicateKeys(yaml: yaml, file: file).diagnostics(), !every.isEmpty { return .failure(ConfigErrors(every)) }
            return .failure(ConfigErrors([diagnostic(.duplicatedKeysInMapping(duplicates: keys, context: context), file: file)]))
        } catch let error as YamlError {
            return .failure(ConfigErrors([diagnostic(error, file: file)]))
        } catch {
            return .failure(ConfigErrors([ConfigDiagnostic(ConfigMark(file: file, line: 1, column: 1), field: "", message: "\(error)")]))
        }
    }

    /// The most values (scalars, mappings, sequences) a document may expand to. Aliases can
    /// make a few hundred bytes expand to billions (the "billion laughs"); real configurations
    /// have a few hundred.
    public static let maximumValues = 100_000

    /// Where a document passed `maximumValues` while being expanded.
    struct ExpansionLimitReached: Error {
        var mark: ConfigMark
    }

    /// Converts a composed node, counting every value against `budget`.
    init(_ node: Node, file: String, budget: inout Int) throws(ExpansionLimitReached) {
        let mark = ConfigMark(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        budget -= 1
        guard budget >= 0 else { throw ExpansionLimitReached(mark: mark) }
        switch node {
        case .scalar(let scalar):
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
            let mark = quoted ? ConfigMark(file: file, line: mark.line, column: mark.column + 1) : mark
            let isNull = scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
            self.init(isNull ? .null : .scalar(scalar.string), mark: mark)
        case .mapping(let mapping):
            var entries: [ConfigEntry] = []
            for (key, value) in mapping {
                let keyNode = try ConfigNode(key, file: file, budget: &budget)
                entries.append(ConfigEntry(key: keyNode.scalar ?? "", keyMark: keyNode.mark, value: try ConfigNode(value, file: file, budget: &budget)))
            }
            self.init(.mapping(entries), mark: mark)
        case .sequence(let sequence):
            var items: [ConfigNode] = []
            for item in sequence { items.append(try ConfigNode(item, file: file, budget: &budget)) }
            self.init(.sequence(items), mark: mark)
        case .alias:
            // Yams resolves aliases while composing; an unresolved one reads as nothing.
            self.init(.null, mark: mark)
        }
    }

    private static func diagnostic(_ error: YamlError, file: String) -> ConfigDiagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let message = [context.map(\.text), problem].compactMap { $0 }.joined(separator: " ")
            return ConfigDiagnostic(
                ConfigMark(file: file, line: mark.line, column: mark.column), field: "", message: "YAML syntax: \(message)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ConfigDiagnostic(
                ConfigMark(file: file, line: context.mark.line, column: context.mark.column), field: "",
                message: "duplicate key(s) \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in this mapping")
        case .reader(let problem, let offset, _, let yaml):
            return ConfigDiagnostic(position(ofCharacter: offset ?? 0, in: yaml, file: file), field: "", message: "YAML: \(problem)")
        default:
            return ConfigDiagnostic(ConfigMark(file: file, line: 1, column: 1), field: "", message: "YAML: \(error)")
        }
    }

    /// The line and column (from 1) of the character at `offset`, as Yams counts a reader
    /// error's place.
    private static func position(ofCharacter offset: Int, in yaml: String, file: String) -> ConfigMark {
        let before = yaml.prefix(max(0, offset))
        let line = before.reduce(1) { $0 + ($1.isNewline ? 1 : 0) }
        let column = before.reversed().prefix { !$0.isNewline }.count + 1
        return ConfigMark(file: file, line: line, column: column)
    }
}
