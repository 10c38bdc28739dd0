/// One thing the command palette offers: its name, what it does, the command it runs and the
/// keys that run it too (empty for the palette's own entries, such as a theme by name).
public struct PaletteEntry: Sendable, Hashable {
    /// The entry's stable name (`show_errors`, `theme_light`): the key map's action name where
    /// it has one, and the name the palette remembers recent use by.
    public var action: String
    /// What it does, as the palette lists it.
    public var summary: String
    /// What Enter runs.
    public var command: Command
    /// Its keys, as the help shows them; empty when no key runs it.
    public var keys: String

    /// An entry named `action` that runs `command`.
    public init(action: String, summary: String, command: Command, keys: String = "") {
        self.action = action
        self.summary = summary
        self.command = command
        self.keys = keys
    }
}
