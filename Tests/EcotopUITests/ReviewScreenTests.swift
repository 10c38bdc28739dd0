import EcotopApp
import EcotopCollectors
import EcotopCore
import EcotopEngine
import EcotopTestSupport
import EcotopUI
import Testing

/// The review screen: its keys, bound to it alone, and its frame over the demo's data.
@Suite struct ReviewScreenTests {
    @Test func reviewKeysMeanDecisionsOnTheReviewScreenOnly() {
        let map = KeyMap.standard
        let cases: [(Key, Command?, Command?)] = [
            (.character("k"), .review(.decide(.keep)), .selectPrevious),
            (.character("c"), .review(.comment), .showCollectors),
            (.character("b"), .review(.previous), .splitMetric),
            (.character("x"), .review(.decide(.retire)), nil),
            (.character("n"), .review(.next), nil),
            (.right, .review(.next), .focusNext),
            (.character("q"), .review(.finish), .quit),
            (.control("c"), .quit, .quit),
            (.character("e"), nil, .showErrors),
            (.character("j"), nil, .selectNext),
            (.character("r"), nil, .showReview),
            (.character("?"), .toggleHelp, .toggleHelp),
        ]
        for (key, onReview, onDashboard) in cases {
            #expect(map.command(for: key, on: .review) == onReview, "\(key) on the review")
            #expect(map.command(for: key, on: .dashboard) == onDashboard, "\(key) on the dashboard")
        }
        #expect(map.command(for: .character("b"), on: .detail) == .splitMetric)
        #expect(map.command(for: .character("c"), on: .review) != map.command(for: .character("c"), on: .errors))
        let help = map.bindings(for: .review).map(\.summary)
        #expect(help.contains("decide: keep") && !help.contains("select the previous row") && !help.contains("quit"))
    }

    @Test func typedKeysOnTheReviewScreenAreItsCommandsAndAnOpenEditorTakesThemAsText() {
        var model = AppModel(session: SessionStatus(ecosystemName: "shop", catalog: .standard), now: 0)
        model.openReview(.new(.standard), exitsOnFinish: false)
        #expect(KeyInput.action(for: .character("k"), in: model, keyMap: .standard).map { "\($0)" } == "\(AppAction.command(.review(.decide(.keep))))")
        model.textEntry = TextEntry(.comment)
        #expect(KeyInput.action(for: .character("k"), in: model, keyMap: .standard).map { "\($0)" } == "\(AppAction.edit(.insert("k")))")
    }

    @Test func theDemosReviewAt160x48() throws {
        let scratch = TemporaryStore()
        let loader = DataLoader.demo(simulator: DemoSimulator(seed: 42))
        loader.reviewArchive = ReviewArchive(directory: scratch.root + "-reviews")
        var model = AppModel(session: loader.status, now: DemoDashboard.time, themeNames: try ThemeCatalog.builtIn().themes.map(\.name))
        model.columns = 160
        model.start(typing: KeySequence.parse("rfc"), keyMap: KeyMap(families: model.catalog.families), at: DemoDashboard.time, loader: loader)
        for character in "Prüfen — 検討" { model.run([.edit(.insert(character))], at: DemoDashboard.time, loader: loader) }
        let frame = try DemoDashboard.render(model, size: Size(width: 160, height: 48))
        assertSnapshot(frame.text, named: "review-160x48")
        for expected in ["Review ", "item 2 of ", "decided 1", "Figure", "This period", "Period before", "comment: Prüfen — 検討"] {
            #expect(frame.text.contains(expected), "the screen lacks \(expected)")
        }
        let saved = try #require(try loader.reviewArchive.list().first?.session.get())
        #expect(saved.entries[0].decision == .fix, "the decision was saved as it was taken")
        #expect(saved.position == 1)
    }

    @Test func textFromASessionFileNeverDrivesTheTerminal() throws {
        let hostile = "pwned\u{1B}]0;title\u{07}\u{1B}[2J\u{202E}evil"
        var session = ReviewSession.start(
            id: "x", ecosystem: "shop", period: .standard, at: 0,
            agenda: ReviewAgenda(items: [ReviewItem(kind: .staleSource, subject: hostile, reason: hostile, severity: 45, errorGroups: [hostile])], scorecards: []),
            after: nil)
        session.entries[0].comment = hostile
        session.entries[0].owner = hostile
        var model = AppModel(session: SessionStatus(ecosystemName: "shop", catalog: .standard), now: 0)
        model.openReview(.resume("x"), exitsOnFinish: false)
        _ = model.update(.loaded(LoadResult(
            request: LoadRequest(.review(.resume("x")), at: 0), outcome: .success(.review(session)),
            status: SessionStatus(ecosystemName: "shop", catalog: .standard))), at: 0)
        let frame = try DemoDashboard.render(model, size: Size(width: 160, height: 30))
        #expect(frame.text.contains("Comment pwned"))
        for control in ["\u{1B}", "\u{07}", "\u{202E}"] { #expect(!frame.text.contains(control), "a control reached the frame") }
        let small = try DemoDashboard.render(model, size: Size(width: 80, height: 24))
        for (row, line) in small.lines.dropFirst(2).dropLast().enumerated() {
            #expect(["│", "╮", "╯"].contains(line.last), "row \(row + 2) runs over the border at 80x24: \(line)")
        }
    }
}
