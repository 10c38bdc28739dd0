import EcotopApp
/// The key bindings of the dashboard: one list that drives input handling, the `?` overlay
/// and docs/keys.md alike.
public struct KeyMap: Sendable {
    /// One binding: the keys, how the help shows them, and what they do.
    public struct Binding: Sendable {
        public var keys: [Key]
        public var label: String
        public var summary: String
        public var action: DashboardAction
    }

    public let bindings: [Binding]

    /// The action a key stands for, if any.
    public func action(for key: Key) -> DashboardAction? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// The standard bindings.
    public static let standard = KeyMap(bindings: [
        Binding(keys: [.character("q"), .control("c")], label: "q  Ctrl-C", summary: "quit", action: .quit),
        Binding(keys: [.character("?")], label: "?", summary: "show or hide this help", action: .toggleHelp),
        Binding(keys: [.tab], label: "Tab", summary: "focus the next pane", action: .focusNext),
        Binding(keys: [.backTab], label: "Shift-Tab", summary: "focus the previous pane", action: .focusPrevious),
        Binding(keys: [.character("1")], label: "1", summary: "focus Participation", action: .focusFamily(0)),
        Binding(keys: [.character("2")], label: "2", summary: "focus Usage", action: .focusFamily(1)),
        Binding(keys: [.character("3")], label: "3", summary: "focus Value", action: .focusFamily(2)),
        Binding(keys: [.character("4")], label: "4", summary: "focus Qualitative", action: .focusFamily(3)),
        Binding(keys: [.up, .character("k")], label: "Up  k", summary: "select the previous metric", action: .selectPrevious),
        Binding(keys: [.down, .character("j")], label: "Down  j", summary: "select the next metric", action: .selectNext),
        Binding(keys: [.left, .character("h")], label: "Left  h", summary: "focus the pane before", action: .focusPrevious),
        Binding(keys: [.right, .character("l")], label: "Right  l", summary: "focus the pane after", action: .focusNext),
        Binding(keys: [.enter], label: "Enter", summary: "open the selected metric's detail chart", action: .openDetail),
        Binding(keys: [.character("e")], label: "e", summary: "integration errors: health and error groups", action: .showErrors),
        Binding(keys: [.character("c")], label: "c", summary: "collectors: last run, records, errors", action: .showCollectors),
        Binding(keys: [.escape], label: "Esc", summary: "close help, leave the detail, errors or collectors view", action: .back),
        Binding(keys: [.character("p")], label: "p", summary: "pause or resume live updates", action: .togglePause),
        Binding(keys: [.control("r")], label: "Ctrl-R", summary: "refresh now", action: .refreshNow),
        Binding(keys: [.character("+"), .character("=")], label: "+", summary: "longer time range", action: .longerRange),
        Binding(keys: [.character("-"), .character("_")], label: "-", summary: "shorter time range", action: .shorterRange),
        Binding(keys: [.character("t")], label: "t", summary: "next colour theme", action: .nextTheme),
    ])
}
