import EcotopApp
import EcotopCore
import EcotopUI
import Testing

/// Clicks and the wheel on the demo dashboard, mapped through the regions of the frame as it is
/// drawn: each click is aimed at text found in the rendered frame, so the regions must agree with
/// the views.
@Suite struct MouseInputTests {
    static let grid = Size(width: 160, height: 48)
    static let stack = Size(width: 80, height: 24)

    @Test func clickOnARowOfAnotherPaneFocusesThePaneAndSelectsTheRow() throws {
        var model = try DemoDashboard.model()
        let usage = model.catalog.families[1]
        let metric = model.catalog.metrics(in: usage)[2]
        let cell = try Self.cell(showing: metric, in: model, size: Self.grid, columns: 80..<160)
        _ = try Self.apply(Self.click(cell), to: &model, size: Self.grid)
        #expect(model.dashboard.focus == usage)
        #expect(model.dashboard.selectedMetric(in: usage, catalog: model.catalog)?.id == metric.id)
    }

    @Test func clickOnAScrolledStackedPaneSelectsTheRowUnderTheMouse() throws {
        var model = try DemoDashboard.model(keys: "4", columns: 80)
        let qualitative = model.catalog.families[3]
        let metric = try #require(model.catalog.metrics(in: qualitative).last)
        let cell = try Self.cell(showing: metric, in: model, size: Self.stack)
        _ = try Self.apply(Self.click(cell), to: &model, size: Self.stack)
        #expect(model.dashboard.focus == qualitative)
        #expect(model.dashboard.selectedMetric(in: qualitative, catalog: model.catalog)?.id == metric.id)
    }

    @Test func clickOnAPaneBorderFocusesItWithoutChangingTheSelection() throws {
        var model = try DemoDashboard.model()
        let frame = try DemoDashboard.render(model, size: Self.grid)
        let title = try #require(Self.find("3 Value", in: frame))
        _ = try Self.apply(Self.click(title), to: &model, size: Self.grid)
        #expect(model.dashboard.focus == model.catalog.families[2])
        #expect(model.dashboard.selectedRow(in: model.catalog.families[2], catalog: model.catalog) == 0)
    }

    @Test func doubleClickWithinTheIntervalDrillsDownAndASlowOneDoesNot() throws {
        var model = try DemoDashboard.model()
        let metric = model.catalog.metrics(in: model.catalog.families[0])[1]
        let cell = try Self.cell(showing: metric, in: model, size: Self.grid, columns: 0..<80)
        var mouse = MouseInput()
        var slow = model
        _ = try Self.apply(Self.click(cell), to: &slow, size: Self.grid, mouse: &mouse, at: 0)
        _ = try Self.apply(Self.click(cell), to: &slow, size: Self.grid, mouse: &mouse, at: MouseInput.doubleClickSeconds + 0.1)
        #expect(slow.topScreen == nil, "clicks further apart than the interval are two clicks")

        mouse = MouseInput()
        _ = try Self.apply(Self.click(cell), to: &model, size: Self.grid, mouse: &mouse, at: 10)
        _ = try Self.apply(Self.click(cell), to: &model, size: Self.grid, mouse: &mouse, at: 10.2)
        guard case .detail(let detail)? = model.topScreen else { Issue.record("the double-click opened no detail"); return }
        #expect(detail.metric == metric.id)
    }

    @Test func doubleClickNeedsBothClicksOnTheSameCell() throws {
        var model = try DemoDashboard.model()
        let cell = try Self.cell(showing: model.catalog.metrics(in: model.catalog.families[0])[1], in: model, size: Self.grid, columns: 0..<80)
        var mouse = MouseInput()
        _ = try Self.apply(Self.click(cell), to: &model, size: Self.grid, mouse: &mouse, at: 0)
        _ = try Self.apply(Self.click((cell.x + 1, cell.y)), to: &model, size: Self.grid, mouse: &mouse, at: 0.1)
        #expect(model.topScreen == nil)
    }

    @Test func wheelSelectsTheNextAndPreviousRow() throws {
        var model = try DemoDashboard.model()
        let family = model.dashboard.focus
        _ = try Self.apply([MouseEvent(.wheelDown, x: 5, y: 5), MouseEvent(.wheelDown, x: 5, y: 5)], to: &model, size: Self.grid)
        #expect(model.dashboard.selectedRow(in: family, catalog: model.catalog) == 2)
        _ = try Self.apply([MouseEvent(.wheelUp, x: 5, y: 5)], to: &model, size: Self.grid)
        #expect(model.dashboard.selectedRow(in: family, catalog: model.catalog) == 1)
    }

    @Test func clickOnAFooterHintRunsItsKey() throws {
        var model = try DemoDashboard.model()
        let hint = try #require(Self.find("e errors", in: try DemoDashboard.render(model, size: Self.grid)))
        // The action's word, not only the key, is part of the hint.
        _ = try Self.apply(Self.click((hint.x + 4, hint.y)), to: &model, size: Self.grid)
        guard case .errors? = model.topScreen else { Issue.record("the hint opened no errors screen"); return }
        let up = try #require(Self.find("Esc up", in: try DemoDashboard.render(model, size: Self.grid)))
        _ = try Self.apply(Self.click(up), to: &model, size: Self.grid)
        #expect(model.topScreen == nil)
    }

    @Test func releasesAndClicksWhileTypingDoNothing() throws {
        var model = try DemoDashboard.model()
        let metric = model.catalog.metrics(in: model.catalog.families[1])[2]
        let cell = try Self.cell(showing: metric, in: model, size: Self.grid, columns: 80..<160)
        var mouse = MouseInput()
        let regions = ClickRegions(model: model, size: Self.grid, appearance: try Self.appearance())
        let keyMap = KeyMap(families: model.catalog.families)
        #expect(mouse.actions(for: MouseEvent(.release, x: cell.x, y: cell.y), regions: regions, in: model, keyMap: keyMap, at: 0).isEmpty)
        model = try DemoDashboard.model(keys: "/")
        #expect(model.isEditingText)
        #expect(mouse.actions(for: MouseEvent(.press, x: cell.x, y: cell.y), regions: regions, in: model, keyMap: keyMap, at: 0).isEmpty)
    }

    @Test func overThePaletteTheWheelChoosesAndItsHintsRun() throws {
        var model = try DemoDashboard.model(keys: ":range")
        let matches = try #require(model.palette?.matches)
        _ = try Self.apply([MouseEvent(.wheelDown, x: 5, y: 5), MouseEvent(.wheelDown, x: 5, y: 5)], to: &model, size: Self.grid)
        #expect(model.palette?.selected == matches[2], "the wheel moves the palette's selection, not the pane's")
        #expect(model.dashboard.selectedRow(in: model.dashboard.focus, catalog: model.catalog) == 0)
        let run = try #require(Self.find("Enter run", in: try DemoDashboard.render(model, size: Self.grid)))
        _ = try Self.apply(Self.click(run), to: &model, size: Self.grid)
        #expect(model.palette == nil && model.recentActions == [matches[2].action], "the hint ran the chosen entry")
        var closing = try DemoDashboard.model(keys: ":")
        let close = try #require(Self.find("Esc close", in: try DemoDashboard.render(closing, size: Self.grid)))
        _ = try Self.apply(Self.click(close), to: &closing, size: Self.grid)
        #expect(closing.palette == nil && closing.recentActions.isEmpty)
    }

    @Test func aClickOnAMatchRunsItAndAClickBesideThePaletteClosesIt() throws {
        var model = try DemoDashboard.model(keys: ":gov")
        let frame = try DemoDashboard.render(model, size: Self.grid)
        let target = try #require(model.palette?.matches.dropFirst().first, "a second match to click")
        let cell = try #require(Self.find(String(target.summary.prefix(20)), in: frame))
        _ = try Self.apply(Self.click(cell), to: &model, size: Self.grid)
        #expect(model.palette == nil && model.recentActions == [target.action], "the click ran \(target.action)")
        var closing = try DemoDashboard.model(keys: ":gov")
        let metric = closing.catalog.metrics(in: closing.catalog.families[2])[2]
        let row = try Self.cell(showing: metric, in: closing, size: Self.grid, columns: 0..<80)
        _ = try Self.apply(Self.click(row), to: &closing, size: Self.grid)
        #expect(closing.palette == nil && closing.recentActions.isEmpty && closing.topScreen == nil, "closed, nothing ran")
        #expect(closing.dashboard.focus == closing.catalog.families[0], "the row under the click was not clicked")
        var inside = try DemoDashboard.model(keys: ":gov")
        let title = try #require(Self.find("Commands", in: frame))
        _ = try Self.apply(Self.click(title), to: &inside, size: Self.grid)
        #expect(inside.palette != nil, "a click on the palette's border keeps it open")
    }

    // MARK: - Helpers

    static func appearance() throws -> Appearance {
        Appearance(themes: try ThemeCatalog.builtIn().themes, glyphs: .unicode)
    }

    static func click(_ cell: (x: Int, y: Int)) -> [MouseEvent] {
        [MouseEvent(.press, x: cell.x, y: cell.y), MouseEvent(.release, x: cell.x, y: cell.y)]
    }

    /// Feeds `events` through the regions of the frame as drawn before each one, as the loop does.
    static func apply(
        _ events: [MouseEvent], to model: inout AppModel, size: Size, mouse: inout MouseInput, at time: Double
    ) throws -> [AppEffect] {
        var effects: [AppEffect] = []
        for event in events {
            let regions = ClickRegions(model: model, size: size, appearance: try appearance())
            for action in mouse.actions(for: event, regions: regions, in: model, keyMap: KeyMap(families: model.catalog.families), at: time) {
                effects += model.update(action, at: DemoDashboard.time)
            }
        }
        return effects
    }

    static func apply(_ events: [MouseEvent], to model: inout AppModel, size: Size) throws -> [AppEffect] {
        var mouse = MouseInput()
        return try apply(events, to: &model, size: size, mouse: &mouse, at: 0)
    }

    /// The cell where the frame of `model` shows `metric`'s name, in `columns`.
    static func cell(showing metric: MetricDefinition, in model: AppModel, size: Size, columns: Range<Int>? = nil) throws -> (x: Int, y: Int) {
        let frame = try DemoDashboard.render(model, size: size)
        for name in [metric.title, metric.shortTitle] {
            if let cell = find(String(name.prefix(14)), in: frame, columns: columns) { return cell }
        }
        Issue.record("\(metric.id) is not on screen:\n\(frame.text)")
        throw CancellationError()
    }

    /// The first cell of the first occurrence of `text` in the frame, starting in `columns`.
    static func find(_ text: String, in frame: FrameBuffer, columns: Range<Int>? = nil) -> (x: Int, y: Int)? {
        for (y, line) in frame.lines.enumerated() {
            let characters = Array(line), wanted = Array(text)
            guard characters.count >= wanted.count else { continue }
            for x in 0...(characters.count - wanted.count) where columns?.contains(x) ?? true {
                if Array(characters[x..<x + wanted.count]) == wanted { return (x, y) }
            }
        }
        return nil
    }
}
