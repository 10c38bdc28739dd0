import EcotopApp
import EcotopCollectors
import EcotopConfig
import EcotopCore
import EcotopUI
import Testing

/// `keys:` in the configuration applied to the standard key map, and its problems.
@Suite struct KeyRemapTests {
    /// The remaps of a `keys:` section, read as the configuration reader reads them.
    private func remaps(_ section: String) throws -> [KeyRemap] {
        let yaml = "collectors: []\nkeys:\n" + section
        let root = try ConfigNode.parse(yaml: yaml, file: "c.yaml").get()
        return ConfigValidator().read(root, file: "c.yaml", issues: ConfigIssues()).keys
    }

    private func configured(_ section: String) throws -> (map: KeyMap, problems: [String]) {
        let result = KeyMap.configured(families: MetricCatalog.standard.families, remaps: try remaps(section))
        return (result.map, result.problems.map(\.description))
    }

    @Test func everyDefaultKeyReadsBackFromTheNameTheHelpShows() {
        for key in KeyMap.standard.bindings.flatMap(\.keys) {
            #expect(Key(name: key.displayName) == key, "\(key)")
        }
        #expect(Key(name: "CTRL-x") == .control("x"))
        #expect(Key(name: "Page-Down") == .pageDown)
        #expect(Key(name: "E") == .character("E"))
        #expect(Key(name: "space") == .character(" "))
        for text in ["ctrl-", "ctrl-1", "f13", "f0", "pgdn", "", " "] {
            #expect(Key(name: text) == nil, "\(text)")
        }
    }

    @Test func aRemappedActionTakesItsNewKeysOnEveryScreenAndLeavesTheOldOnes() throws {
        let (map, problems) = try configured("  show_errors: E\n  quit: [Q, ctrl-q]\n  select_next: [down, n]\n")
        #expect(problems == [])
        #expect(map.command(for: .character("E")) == .showErrors)
        #expect(map.command(for: .character("e")) == nil)
        #expect(map.command(for: .character("Q")) == .quit)
        #expect(map.command(for: .control("q")) == .quit)
        #expect(map.command(for: .character("q")) == nil)
        #expect(map.command(for: .control("c"), on: .review) == .quit, "the review's own Ctrl-C is review_quit, not quit")
        #expect(map.command(for: .character("n"), on: .map) == .selectNext)
        #expect(map.command(for: .character("j"), on: .errors) == nil)
        #expect(map.bindings.first { $0.action == "quit" }?.label == "Q  Ctrl-Q")
    }

    @Test func unknownActionsUnreadableKeysAndConflictsAreReportedWhereWritten() throws {
        let (map, problems) = try configured("  show_eror: E\n  pause: [ctrl-]\n  next_theme: e\n  sort: p\n")
        #expect(problems == [
            "c.yaml:3:3: keys.show_eror: unknown action 'show_eror'; did you mean 'show_errors'? (docs/keys.md lists them)",
            "c.yaml:4:11: keys.pause: 'ctrl-' is not a key; expected a character, space, ctrl-LETTER, f1 to f12, or one of "
                + "up, down, left, right, page-up, page-down, home, end, enter, esc, tab, shift-tab, backspace",
            "c.yaml:5:15: keys.next_theme: e would do both next_theme and show_errors on the dashboard screen",
            "c.yaml:6:9: keys.sort: p would do both pause and sort on the errors screen",
        ])
        #expect(map.command(for: .character("p")) == .togglePause, "a remap with an unreadable key is left out")
    }

    @Test func theDefaultMapHasNoConflictsAndEveryActionNameIsOneCommand() {
        #expect(KeyMap.configured(families: MetricCatalog.standard.families, remaps: []).problems.isEmpty)
        let commands = Dictionary(grouping: KeyMap.standard.bindings, by: \.action).mapValues { Set($0.map(\.command)) }
        #expect(commands.values.allSatisfy { $0.count == 1 }, "\(commands.filter { $0.value.count > 1 })")
    }

    @Test func theHelpOverlayShowsTheKeysInForce() throws {
        let map = try configured("  show_errors: E\n").map
        let loader = DataLoader.demo(simulator: DemoSimulator(seed: 42))
        var model = AppModel(session: loader.status, now: DemoDashboard.time, themeNames: try ThemeCatalog.builtIn().themes.map(\.name))
        model.start(typing: KeySequence.parse("?"), keyMap: map, at: DemoDashboard.time, loader: loader)
        let appearance = Appearance(themes: try ThemeCatalog.builtIn().themes, glyphs: .unicode)
        let text = DashboardView.render(model, size: Size(width: 160, height: 60), appearance: appearance, keyMap: map).text
        let row = try #require(text.split(separator: "\n").first { $0.contains("integration errors: health and error groups") })
        #expect(row.contains("E           integration errors"), "\(row)")
        #expect(!row.contains("e           integration errors"), "\(row)")
    }

    @Test func theConfiguredMapFollowsAReloadedCatalogsFamiliesAndKeepsTheRemaps() throws {
        var keys = ConfiguredKeyMap()
        var session = SessionStatus(ecosystemName: "shop", catalog: .standard)
        session.keyRemaps = try remaps("  show_errors: E\n")
        #expect(keys.map(for: session).command(for: .character("5")) == nil)
        let cost = MetricDefinition(
            id: "cost.monthly", family: MetricFamily(id: "cost", title: "Cost"), title: "Monthly cost", shortTitle: "Cost",
            unit: .currency, direction: .lowerIsBetter, aggregation: .last, thresholds: Thresholds(warn: 1, critical: 2), summary: "")
        session.catalog = MetricCatalog(metrics: MetricCatalog.standard.metrics + [cost])
        let reloaded = keys.map(for: session)
        #expect(reloaded.command(for: .character("5")) == .focusFamily(4))
        #expect(reloaded.command(for: .character("E")) == .showErrors)
    }

    @Test func theConfiguredMapFollowsReloadedRemaps() throws {
        var keys = ConfiguredKeyMap()
        var session = SessionStatus(ecosystemName: "shop", catalog: .standard)
        session.keyRemaps = try remaps("  show_errors: E\n")
        #expect(keys.map(for: session).command(for: .character("E")) == .showErrors)
        session.keyRemaps = try remaps("  show_errors: X\n")
        let reloaded = keys.map(for: session)
        #expect(reloaded.command(for: .character("X")) == .showErrors)
        #expect(reloaded.command(for: .character("E")) == nil)
    }
}
