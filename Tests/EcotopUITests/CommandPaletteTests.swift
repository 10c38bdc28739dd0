import EcotopApp
import EcotopCollectors
import EcotopCore
import EcotopEngine
import EcotopTestSupport
import EcotopUI
import Foundation
import Testing

/// The command palette over the demo dashboard: `:` opens it, what is typed is its query and
/// never a command, Enter runs the selected entry and remembers it, Esc closes it.
@Suite struct CommandPaletteTests {
    @Test func typingANameAndEnterRunsItsActionAndNoLetterIsACommand() throws {
        let model = try DemoDashboard.model(keys: ":err\n")
        #expect(model.palette == nil)
        #expect(model.screenKind == .errors, "`e`, `r` and `r` were the query, Enter ran show_errors")
        #expect(model.recentActions == ["show_errors"])
        #expect(!model.isPaused && model.themeIndex == 0, "`p` and `t` typed into the query did nothing")
        let typedOnly = try DemoDashboard.model(keys: ":quit")
        #expect(typedOnly.palette?.editor.text == "quit" && typedOnly.palette?.selected?.action == "quit")
    }

    @Test func quitIsNeverRememberedSoAnEmptyEnterNeverQuits() throws {
        var model = try DemoDashboard.model()
        model.run([.openPalette(keyed: PaletteEntry.all(in: .standard, on: .dashboard))], at: DemoDashboard.time, loader: DataLoader.demo(simulator: DemoSimulator(seed: 42)))
        for character in "quit" { _ = model.update(.edit(.insert(character)), at: DemoDashboard.time) }
        #expect(model.update(.edit(.submit), at: DemoDashboard.time) == [.quit])
        #expect(model.recentActions.isEmpty, "quit is not remembered: \(model.recentActions)")
        // A history file written by hand (or by an older Ecotop) that names quit first.
        var remembered = try DemoDashboard.model()
        remembered.recentActions = ["quit", "show_map"]
        _ = remembered.update(.openPalette(keyed: PaletteEntry.all(in: .standard, on: .dashboard)), at: DemoDashboard.time)
        let matches = try #require(remembered.palette?.matches)
        #expect(matches.first?.action == "show_map" && matches.last?.action == "quit", "\(matches.map(\.action))")
    }

    @Test func escClosesThePaletteWithoutRunningAnything() throws {
        let model = try DemoDashboard.model(keys: ":gov\u{1B}")
        #expect(model.palette == nil && model.topScreen == nil && model.recentActions.isEmpty)
    }

    @Test func anEmptyQueryListsEverythingWithQuitLastAndTheRecentlyUsedFirst() throws {
        let fresh = try #require(try DemoDashboard.model(keys: ":").palette)
        #expect(fresh.matches.count == fresh.entries.count)
        #expect(fresh.matches.last?.action == "quit", "Enter on an empty query must not quit: \(fresh.matches.map(\.action))")
        let used = try DemoDashboard.model(keys: ":gov\n\u{1B}:map\n\u{1B}:")
        #expect(used.recentActions == ["show_map", "show_governance"])
        #expect(try #require(used.palette).matches.prefix(2).map(\.action) == ["show_map", "show_governance"])
    }

    @Test func upAndDownChooseAnotherMatchWrappingAround() throws {
        var model = try DemoDashboard.model(keys: ":range")
        let matches = try #require(model.palette?.matches)
        #expect(matches.count >= 3 && matches.prefix(3).allSatisfy { $0.summary.localizedCaseInsensitiveContains("range") }, "\(matches.map(\.summary))")
        let keyMap = KeyMap.standard
        let press = { (key: Key) in _ = model.update(try #require(KeyInput.action(for: key, in: model, keyMap: keyMap)), at: DemoDashboard.time) }
        for key in [Key.down, .down, .up] { try press(key) }
        #expect(model.palette?.selected == matches[1])
        try press(.up)
        try press(.up)
        #expect(model.palette?.selected == matches.last, "Up from the first match wraps to the last")
    }

    @Test func themesRangesAndFiltersAreChosenByName() throws {
        let themes = try ThemeCatalog.builtIn().themes.map(\.name)
        let light = try DemoDashboard.model(keys: ":theme light\n")
        #expect(themes[light.themeIndex] == "light")
        #expect(try DemoDashboard.model(keys: ":range 7d\n").range == .sevenDays)
        let filtered = try DemoDashboard.model(keys: ":not ok\n")
        #expect(filtered.dashboard.list.filter.text == "!OK")
        #expect(filtered.lastFilter == "!OK", "`/` recalls a filter chosen in the palette")
        let cleared = try DemoDashboard.model(keys: ":not ok\n:clear\n")
        #expect(cleared.dashboard.list.filter.isEmpty)
    }

    @Test func thePaletteOffersTheActionsOfTheScreenInViewAndEveryScreen() throws {
        let errors = try #require(try DemoDashboard.model(keys: "e:").palette).entries.map(\.action)
        #expect(errors.contains("sort") && errors.contains("show_dashboard") && errors.contains("show_map"))
        #expect(!errors.contains("show_errors") && !errors.contains("focus_next"), "\(errors)")
        let dashboard = try #require(try DemoDashboard.model(keys: ":").palette).entries.map(\.action)
        #expect(!dashboard.contains("show_dashboard") && !dashboard.contains("palette") && !dashboard.contains("sort"))
        for action in ["focus_pane_1", "theme_light", "range_24h", "new_review", "annotate_deploy", "export_svg", "filter_!OK"] {
            #expect(dashboard.contains(action), "\(action) missing from \(dashboard)")
        }
        #expect(dashboard.filter { $0 == "show_errors" }.count == 1, "each action is offered once")

        var review = AppModel(session: SessionStatus(ecosystemName: "shop", catalog: .standard), now: 0)
        review.openReview(.new(.standard), exitsOnFinish: false)
        guard case .openPalette(let keyed)? = KeyInput.action(for: .character(":"), in: review, keyMap: .standard) else {
            Issue.record("`:` does not open the palette on the review screen")
            return
        }
        let onReview = keyed.map(\.action)
        #expect(onReview.contains("review_keep") && onReview.contains("show_errors"), "every other screen, though the review binds no key to it")
        #expect(!onReview.contains("show_review") && !onReview.contains("select_next"), "\(onReview)")
        #expect(keyed.first { $0.action == "show_errors" }?.keys == "", "`e` does nothing on the review: no key is shown")
        #expect(keyed.first { $0.action == "review_keep" }?.keys == "k")
    }

    @Test func aQueryMatchingNothingSaysSoAndEnterRunsNothing() throws {
        let model = try DemoDashboard.model(keys: ":zzzz")
        #expect(model.palette?.matches.isEmpty == true)
        let frame = try DemoDashboard.render(model, size: Size(width: 100, height: 30))
        #expect(frame.text.contains("no action matches “zzzz”"))
        let entered = try DemoDashboard.model(keys: ":zzzz\n")
        #expect(entered.palette == nil && entered.topScreen == nil && entered.recentActions.isEmpty)
    }

    @Test func annotatingWritesToTheStoreAndWithoutAStoreSaysWhy() throws {
        let store = TemporaryStore()
        let now = Date().timeIntervalSince1970
        try store.writer(now: now).close()
        let loader = DataLoader.store(try store.reader())
        var model = AppModel(session: loader.status, now: now)
        model.start(typing: KeySequence.parse(":ann depl\nFedEx label API v2 \n"), keyMap: .standard, at: now, loader: loader)
        #expect(model.notice == "recorded deploy: FedEx label API v2", "\(model.notice ?? "no notice")")
        let events = try store.reader().events(from: now - 1, to: now + 1)
        #expect(events.map(\.kind) == [.deploy] && events.first?.message == "FedEx label API v2", "\(events)")

        let demo = try DemoDashboard.model(keys: ":annotate note\nchecked\n")
        #expect(demo.notice?.hasPrefix("annotation not recorded: nothing records annotations here") == true, "\(demo.notice ?? "no notice")")
    }

    @Test func anAnnotationConcernsTheIntegrationOrComponentInView() throws {
        func recorded(_ keys: String) throws -> Annotation? {
            var model = try DemoDashboard.model(keys: keys + "Rollback")
            let effects = model.update(.edit(.submit), at: DemoDashboard.time)
            guard case .load(let request)? = effects.first, case .annotate(let annotation) = request.kind else { return nil }
            return annotation
        }
        let errors = try DemoDashboard.model(keys: "e\n")
        guard case .errors(let drill)? = errors.topScreen, case .integration(let id) = drill.top.kind else {
            Issue.record("Enter on the errors screen opened no integration")
            return
        }
        #expect(try #require(try DemoDashboard.model(keys: "e\n:ann inc").palette?.selected?.summary).contains("of \(id)"))
        let incident = try #require(try recorded("e\n:ann inc\n"))
        #expect(incident.integration == id && incident.component == nil && incident.kind == .incident && incident.text == "Rollback")
        let map = try DemoDashboard.model(keys: "m")
        guard case .map(let mapModel)? = map.topScreen, let component = mapModel.selectedComponent else {
            Issue.record("the map has no selected component")
            return
        }
        #expect(try recorded("m:ann note\n")?.component == component.id)
        #expect(try recorded(":ann note\n").map { $0.component == nil && $0.integration == nil } == true)
    }

    @Test func onAnASCIITerminalThePaletteHintNamesItsKeysAndIsNotALetter() throws {
        let model = try DemoDashboard.model(keys: ":")
        let frame = try DemoDashboard.render(model, size: Size(width: 120, height: 40), glyphs: .ascii)
        #expect(frame.lines.last?.contains("^P/^N choose") == true, "`j/k` would be typed into the query: \(frame.lines.last ?? "")")
        let regions = ClickRegions(model: model, size: Size(width: 120, height: 40), appearance: Appearance(themes: try ThemeCatalog.builtIn().themes, glyphs: .ascii))
        #expect(regions.hints.map(\.key) == [.enter, .escape], "only Enter and Esc are keys a click can press")
    }

    @Test func theMatchedLettersAreUnderlinedAndTheRestIsNot() throws {
        let frame = try DemoDashboard.render(try DemoDashboard.model(keys: ":gov"), size: Size(width: 160, height: 48))
        let y = try #require(frame.lines.firstIndex { $0.contains("▶ data governance") })
        let line = frame.lines[y]
        let start = line.prefix(upTo: try #require(line.range(of: "data governance")).lowerBound).count
        let underlined = (0..<15).filter { frame[start + $0, y].style.modifiers.contains(.underline) }
        #expect(underlined == [5, 6, 7], "g, o, v of governance: \(underlined)")
        #expect(PaletteMatcher.match("gov", in: "data governance")?.positions == [5, 6, 7])
        #expect(PaletteMatcher.match("İx", in: "aİx")?.positions == [1, 2], "positions are the text's characters")
    }

    @Test(arguments: [Size(width: 160, height: 48), Size(width: 80, height: 24)])
    func thePaletteFrame(size: Size) throws {
        let frame = try DemoDashboard.render(try DemoDashboard.model(keys: ":err"), size: size)
        assertSnapshot(frame.text, named: "palette-\(size.width)x\(size.height)")
        #expect(frame.text.contains(": err") && frame.text.contains("Commands"))
        #expect(frame.lines.contains { $0.contains("▶ integration errors") }, "the best match is selected:\n\(frame.text)")
    }
}
