import EcotopApp
import EcotopCore

/// The key bindings of the dashboard: one list that drives input handling, the `?` overlay
/// and docs/keys.md alike. The pane keys come from the catalog: `1` focuses its first family,
/// and so on up to `9`.
public struct KeyMap: Sendable {
    /// One binding: the keys, how the help shows them, what they do, and where.
    public struct Binding: Sendable {
        public var keys: [Key]
        public var label: String
        public var summary: String
        public var command: Command
        /// The screens where the keys do something; the help of other screens leaves them out.
        public var screens: Set<ScreenKind> = Set(ScreenKind.allCases)
        /// The name `keys:` remaps it by where the command's own name (`action`) would not do.
        var actionName: String? = nil

        /// Whether the binding does something on `screen`.
        public func applies(to screen: ScreenKind) -> Bool { screens.contains(screen) }
    }

    /// The bindings that do something on `screen`, for its help.
    public func bindings(for screen: ScreenKind) -> [Binding] {
        bindings.filter { $0.applies(to: screen) }
    }

    public let bindings: [Binding]

    /// The standard bindings, with a pane key for each of `families` (up to nine).
    public init(families: [MetricFamily]) {
        let paneKeys = families.prefix(9).enumerated().map { index, family in
            Binding(
                keys: [.character(Character("\(index + 1)"))], label: "\(index + 1)",
                summary: "focus \(TerminalText.sanitize(family.title))", command: .focusFamily(index), screens: [.dashboard])
        }
        bindings = Self.leading + paneKeys + Self.trailing + Self.review
    }

    /// The command a key stands for on `screen`, if any: the binding that applies there; on
    /// other screens, a key bound on other screens (but the review) still reaches the model,
    /// which decides what it means there. The review screen takes only its own keys, and its
    /// keys stay on it, as its letters are decisions (`k` keep, `c` comment, `b` back).
    public func command(for key: Key, on screen: ScreenKind = .dashboard) -> Command? {
        let bound = bindings.filter { $0.keys.contains(key) }
        if let binding = bound.first(where: { $0.applies(to: screen) }) { return binding.command }
        return screen == .review ? nil : bound.first { $0.screens != [.review] }?.command
    }

    /// The bindings of the standard catalog's four families.
    public static let standard = KeyMap(families: MetricCatalog.standard.families)

    private static let leading: [Binding] = [
        Binding(
            keys: [.character("q"), .control("c")], label: "q  Ctrl-C", summary: "quit", command: .quit,
            screens: Set(ScreenKind.allCases).subtracting([.review])),
        Binding(keys: [.character("?")], label: "?", summary: "show or hide this help", command: .toggleHelp),
        Binding(
            keys: [.character(":"), .control("p")], label: ":  Ctrl-P", summary: "command palette: find any action by name",
            command: .openPalette),
        Binding(keys: [.tab], label: "Tab", summary: "focus the next pane", command: .focusNext, screens: [.dashboard]),
        Binding(keys: [.backTab], label: "Shift-Tab", summary: "focus the previous pane", command: .focusPrevious, screens: [.dashboard]),
    ]

    private static let trailing: [Binding] = [
        Binding(
            keys: [.up, .character("k")], label: "Up  k", summary: "select the previous row",
            command: .selectPrevious, screens: [.dashboard, .detail, .errors, .governance, .alerts]),
        Binding(
            keys: [.down, .character("j")], label: "Down  j", summary: "select the next row",
            command: .selectNext, screens: [.dashboard, .detail, .errors, .governance, .alerts]),
        Binding(keys: [.left, .character("h")], label: "Left  h", summary: "focus the pane before", command: .focusPrevious, screens: [.dashboard], actionName: "move_left"),
        Binding(keys: [.right, .character("l")], label: "Right  l", summary: "focus the pane after", command: .focusNext, screens: [.dashboard], actionName: "move_right"),
        Binding(
            keys: [.up, .character("k")], label: "Up  k", summary: "select the component above, or the previous integration",
            command: .selectPrevious, screens: [.map]),
        Binding(
            keys: [.down, .character("j")], label: "Down  j", summary: "select the component below, or the next integration",
            command: .selectNext, screens: [.map]),
        Binding(
            keys: [.left, .character("h")], label: "Left  h", summary: "select the component to the left (the map pans along)",
            command: .focusPrevious, screens: [.map], actionName: "move_left"),
        Binding(
            keys: [.right, .character("l")], label: "Right  l", summary: "select the component to the right (the map pans along)",
            command: .focusNext, screens: [.map], actionName: "move_right"),
        Binding(
            keys: [.enter], label: "Enter", summary: "open the selected metric's detail chart", command: .openDetail,
            screens: [.dashboard]),
        Binding(
            keys: [.enter], label: "Enter", summary: "open the selected row: integration, group, events, event", command: .openDetail,
            screens: [.errors]),
        Binding(
            keys: [.enter], label: "Enter", summary: "list the component's integrations; on one, open its errors", command: .openDetail,
            screens: [.map]),
        Binding(
            keys: [.enter], label: "Enter", summary: "open the alert's context: metric detail, integration errors, sources",
            command: .openDetail, screens: [.alerts]),
        Binding(
            keys: [.character("A")], label: "A", summary: "acknowledge the selected alert", command: .acknowledgeAlert,
            screens: [.alerts]),
        Binding(
            keys: [.character("S")], label: "S", summary: "silence the selected alert for 1h, 4h, 1d, then not",
            command: .silenceAlert, screens: [.alerts]),
        Binding(
            keys: [.character("/")], label: "/", summary: "filter the list (a regex; ! inverts)",
            command: .startFilter, screens: [.dashboard, .errors, .map, .governance, .collectors, .alerts]),
        Binding(
            keys: [.character("s")], label: "s", summary: "next sort order of the list", command: .cycleSort,
            screens: [.errors, .map, .governance, .alerts]),
        Binding(
            keys: [.character("b")], label: "b", summary: "divide the metric by component, by partner, or not",
            command: .splitMetric, screens: [.detail]),
        Binding(
            keys: [.character("e")], label: "e", summary: "integration errors: health and error groups", command: .showErrors,
            screens: [.dashboard, .detail, .collectors, .map, .governance, .alerts]),
        Binding(
            keys: [.character("c")], label: "c", summary: "collectors: last run, records, errors", command: .showCollectors,
            screens: [.dashboard, .detail, .errors, .map, .governance, .alerts]),
        Binding(
            keys: [.character("m")], label: "m", summary: "ecosystem map: components, integrations, their health",
            command: .showMap, screens: [.dashboard, .detail, .errors, .collectors, .governance, .alerts]),
        Binding(
            keys: [.character("g")], label: "g", summary: "data governance: agreements, owners, annotations",
            command: .showGovernance, screens: [.dashboard, .detail, .errors, .collectors, .map, .alerts]),
        Binding(
            keys: [.character("a")], label: "a", summary: "alerts: open ones first, then recently resolved",
            command: .showAlerts, screens: [.dashboard, .detail, .errors, .collectors, .map, .governance]),
        Binding(
            keys: [.character("r")], label: "r", summary: "review: walk through the agenda of the last 30 days",
            command: .showReview, screens: [.dashboard, .detail, .errors, .collectors, .map, .governance, .alerts]),
        Binding(
            keys: [.escape], label: "Esc", summary: "close help, clear a filter, go back", command: .back),
        Binding(keys: [.character("p")], label: "p", summary: "pause or resume live updates", command: .togglePause),
        Binding(keys: [.control("r")], label: "Ctrl-R", summary: "refresh now", command: .refreshNow),
        Binding(keys: [.character("+"), .character("=")], label: "+", summary: "longer time range", command: .longerRange),
        Binding(keys: [.character("-"), .character("_")], label: "-", summary: "shorter time range", command: .shorterRange),
        Binding(keys: [.character("t")], label: "t", summary: "next colour theme", command: .nextTheme),
        Binding(keys: [.function(12)], label: "F12", summary: "show or hide frame timings and memory", command: .toggleTimings),
    ]
}
