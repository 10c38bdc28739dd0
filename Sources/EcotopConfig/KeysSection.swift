/// One entry of `keys:` as written: an action's name and the keys it is to be bound to, each
/// with its position, so that the key map (which knows the actions and the key names) can
/// report an unknown action, an unreadable key or a conflict where it was written.
public struct KeyRemap: Sendable, Hashable {
    /// One key as written, e.g. `ctrl-c`, `E` or `f5`.
    public struct KeyText: Sendable, Hashable {
        public var text: String
        public var mark: ConfigMark

        public init(_ text: String, mark: ConfigMark) {
            self.text = text
            self.mark = mark
        }
    }

    /// The action's name, e.g. `show_errors` (docs/keys.md lists them).
    public var action: String
    /// Where the action's name is written.
    public var mark: ConfigMark
    /// The field's path, e.g. `keys.show_errors`.
    public var field: String
    /// The keys, in the order written; empty unbinds the action.
    public var keys: [KeyText]

    public init(action: String, mark: ConfigMark, field: String, keys: [KeyText]) {
        self.action = action
        self.mark = mark
        self.field = field
        self.keys = keys
    }
}

/// Reads `keys:`, a mapping of action names to one key or a list of keys
/// (`keys: {quit: [q, ctrl-c], show_errors: E}`).
enum KeysSection {
    static func read(_ fields: ConfigFields) -> [KeyRemap] {
        fields.entries.compactMap { entry in
            let field = fields.field(entry.key)
            let items: [ConfigNode]
            switch entry.value.content {
            case .scalar: items = [entry.value]
            case .sequence(let nodes): items = nodes
            case .null: items = []
            case .mapping:
                fields.issues.report(entry.value.mark, field: field, "expected a key or a list of keys, such as [q, ctrl-c]")
                return nil
            }
            let keys = items.enumerated().compactMap { index, item in
                item.readString(field: "\(field)[\(index)]", issues: fields.issues).map { KeyRemap.KeyText($0, mark: item.mark) }
            }
            return KeyRemap(action: entry.key, mark: entry.keyMark, field: field, keys: keys)
        }
    }
}
