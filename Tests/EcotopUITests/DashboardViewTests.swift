import EcotopApp
import EcotopCore
import EcotopEngine
import EcotopTestSupport
import EcotopUI
import Foundation
import Testing

/// Whole frames of the demo dashboard at a fixed seed and time, as text snapshots.
@Suite struct DashboardViewTests {
    @Test func gridAt160x48() throws {
        let frame = try DemoDashboard.render(try DemoDashboard.model(), size: Size(width: 160, height: 48))
        assertSnapshot(frame.text, named: "dashboard-160x48")
        for (index, family) in MetricCatalog.standard.families.enumerated() {
            #expect(frame.text.contains("\(index + 1) \(family.title)"))
        }
    }

    @Test func stackedAt80x24() throws {
        let frame = try DemoDashboard.render(try DemoDashboard.model(), size: Size(width: 80, height: 24))
        assertSnapshot(frame.text, named: "dashboard-80x24")
        #expect(frame.text.contains("1 Participation"))
        #expect(frame.text.contains("more"), "stacked panes below the view are announced in the footer")
    }

    @Test func stackedViewScrollsToTheFocusedPane() throws {
        let frame = try DemoDashboard.render(try DemoDashboard.model(keys: "4"), size: Size(width: 80, height: 24))
        #expect(frame.text.contains("4 Qualitative"))
        #expect(!frame.text.contains("1 Participation"))
    }

    @Test func detailViewOfTheSelectedMetric() throws {
        let state = try DemoDashboard.model(range: .sixHours, keys: "2jj\n", columns: 120)
        let frame = try DemoDashboard.render(state, size: Size(width: 120, height: 30))
        assertSnapshot(frame.text, named: "detail-data-exchanges-6h")
        #expect(frame.text.contains("Usage › Data exchange frequency between participants"))
    }

    @Test func errorsViewRanksTheIntegrationsAndShowsTheSelectedOnesLimits() throws {
        let state = try DemoDashboard.model(keys: "ej")
        guard case .errors(let errors)? = state.topScreen else { Issue.record("the errors screen is not open"); return }
        let report = try #require(errors.report)
        let frame = try DemoDashboard.render(state, size: Size(width: 160, height: 40))
        assertSnapshot(frame.text, named: "errors-160x40")
        let unhealthy = report.integrations.count { $0.health.state == .unhealthy }
        #expect(frame.text.contains("╭─ Errors "))
        #expect(frame.text.contains("\(unhealthy)/\(report.integrations.count) unhealthy in the last 1h"))
        let second = report.integrations[1]
        #expect(frame.text.contains(second.id.replacingOccurrences(of: "->", with: "→") + "  \(second.health.state)"),
                "the facts under the table follow the selection")
    }

    @Test func detailDividedByComponentListsEachPartWithItsShare() throws {
        let state = try DemoDashboard.model(keys: "2\nb")
        guard case .detail(let detail)? = state.topScreen, let breakdown = detail.breakdown else { Issue.record("no breakdown"); return }
        let frame = try DemoDashboard.render(state, size: Size(width: 120, height: 40))
        assertSnapshot(frame.text, named: "detail-by-component-120x40")
        #expect(frame.text.contains("by component (b: next)"))
        for part in breakdown.parts { #expect(frame.text.contains(part.value)) }
    }

    @Test(arguments: [("integration", "e\n"), ("group", "e\n\n"), ("event", "e\n\n\n\n")])
    func eachErrorsLevelHasItsFrame(level: String, keys: String) throws {
        let state = try DemoDashboard.model(keys: keys)
        guard case .errors(let errors)? = state.topScreen else { Issue.record("no errors screen"); return }
        #expect(errors.levels.count == keys.count { $0 == "\n" } + 1)
        let frame = try DemoDashboard.render(state, size: Size(width: 120, height: 32))
        assertSnapshot(frame.text, named: "errors-\(level)-120x32")
        #expect(frame.text.contains("╭─ Errors › "), "the breadcrumb titles the level")
    }

    @Test func errorsLevelsAreNamedInTheBreadcrumb() throws {
        let state = try DemoDashboard.model(keys: "e\n\n\n")
        guard case .errors(let errors)? = state.topScreen, let report = errors.report else { Issue.record("no errors"); return }
        let integration = report.integrations[0]
        let group = try #require(report.fingerprints.first { $0.integration == integration.id })
        let frame = try DemoDashboard.render(state, size: Size(width: 160, height: 40))
        assertSnapshot(frame.text, named: "errors-events-160x40")
        #expect(frame.text.contains("Errors › \(integration.id.replacingOccurrences(of: "->", with: "→")) › \(group.code)"))
        #expect(frame.text.contains("› events"))
        #expect(frame.text.contains(group.sampleMessage), "the newest event is listed")
    }

    @Test func collectorsViewShowsHealthAndConfigProblems() throws {
        var state = try DemoDashboard.model(keys: "c")
        let now = DemoDashboard.time
        state.session.collectors = [
            CollectorStatus(name: "shop-orders", kind: "exec", state: .ok, lastRun: now - 12, lastDuration: 0.042,
                            recordsAccepted: 1_250, nextRun: now + 48),
            CollectorStatus(name: "stripe-api", kind: "http-json", state: .failing, lastRun: now - 3, lastDuration: 5,
                            recordsRejected: 3, lastError: "timed out after 5 s\u{1B}[31m", nextRun: now + 27),
            CollectorStatus(name: "nginx", kind: "log-tail", state: .pending),
        ]
        state.session.configProblems = ["config.yaml:12:5: collectors[1].intervall: unknown key (did you mean 'interval'?)"]
        var freshness = CollectorsModel()
        freshness.freshness = DataFreshness(
            newest: [SeriesKey(name: "usage.transactions", labels: ["shop": "eu"]): now - 30,
                     SeriesKey(name: "usage.active_users"): now - 900],
            at: now)
        state.screens = [.collectors(freshness)]
        let frame = try DemoDashboard.render(state, size: Size(width: 140, height: 20))
        assertSnapshot(frame.text, named: "collectors-140x20")
        #expect(frame.text.contains("2/3 ok"))
        #expect(frame.text.contains("1 collector failing (c)"))
        #expect(frame.text.contains("config error (c)"))
        #expect(frame.text.contains("did you mean 'interval'?"))
        #expect(frame.text.contains("1/2 sources fresh"))
        #expect(frame.text.contains("STALE    usage.active_users"), "the stalest source comes first")
        #expect(!frame.text.contains("\u{1B}"), "plugin output is sanitized")
    }

    @Test func collectorsViewOnTheDemoExplainsWhyItIsEmpty() throws {
        let frame = try DemoDashboard.render(try DemoDashboard.model(keys: "c"), size: Size(width: 120, height: 20))
        #expect(frame.text.contains("No collectors are configured"))
    }

    @Test func helpOverlayListsEveryBinding() throws {
        let frame = try DemoDashboard.render(try DemoDashboard.model(keys: "?"), size: Size(width: 160, height: 48))
        assertSnapshot(frame.text, named: "help-160x48")
        for binding in KeyMap.standard.bindings(for: .dashboard) {
            #expect(frame.text.contains(binding.summary), "help lacks \(binding.summary)")
        }
    }

    @Test func helpSaysWhatTheMouseDoesOnlyWhenItIsOn() throws {
        let model = try DemoDashboard.model(keys: "?")
        let size = Size(width: 160, height: 48)
        let themes = try ThemeCatalog.builtIn().themes
        let on = DashboardView.render(model, size: size, appearance: Appearance(themes: themes))
        #expect(on.text.contains("Mouse       click selects, double-click opens, wheel scrolls"))
        let off = DashboardView.render(model, size: size, appearance: Appearance(themes: themes, hasMouse: false))
        #expect(!off.text.contains("Mouse"), "--no-mouse leaves the mouse to the terminal: the help does not offer it")
    }

    @Test func helpListsTheKeysOfTheScreenInView() throws {
        let errorsHelp = try DemoDashboard.render(try DemoDashboard.model(keys: "e?"), size: Size(width: 160, height: 48))
        #expect(errorsHelp.text.contains("select the next row"))
        #expect(!errorsHelp.text.contains("focus the next pane"), "Tab does nothing on the errors screen")
        #expect(!errorsHelp.text.contains("focus Participation"))
        #expect(errorsHelp.text.contains("collectors: last run"))
    }

    @Test func helpAt80x24ScrollsToItsLastLineWithAMarkerUntilThere() throws {
        let size = Size(width: 80, height: 24)
        let top = try DemoDashboard.render(try DemoDashboard.model(keys: "?"), size: size)
        let title = { (frame: FrameBuffer) in frame.lines.first { $0.contains("Help") } ?? "" }
        #expect(title(top).contains("more"), "a marker says more lies below: \(title(top))")
        #expect(!top.text.contains("next colour theme"))
        let bottom = try DemoDashboard.render(try DemoDashboard.model(keys: "?" + String(repeating: "j", count: 40)), size: size)
        #expect(bottom.text.contains("next colour theme") && bottom.text.contains("anomalies are flagged"), "the end is reachable")
        #expect(!title(bottom).contains("more"), "\(title(bottom))")
    }

    @Test func asciiGlyphsOnly() throws {
        let frame = try DemoDashboard.render(try DemoDashboard.model(), size: Size(width: 100, height: 30), glyphs: .ascii)
        assertSnapshot(frame.text, named: "dashboard-ascii-100x30")
        let foreign = frame.text.unicodeScalars.filter { !$0.isASCII }
        #expect(foreign.isEmpty, "non-ASCII glyphs: \(String(String.UnicodeScalarView(foreign.prefix(10))))")
    }

    @Test(arguments: [Size(width: 20, height: 6), Size(width: 59, height: 40), Size(width: 200, height: 15)])
    func tooSmallTerminalSaysWhatItNeeds(size: Size) throws {
        let frame = try DemoDashboard.render(try DemoDashboard.model(), size: size)
        let text = frame.lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(text.contains("terminal too small"))
        #expect(text.contains("need 60×16"))
        #expect(text.contains("have \(size.width)×\(size.height)"))
    }

    @Test func everyFrameFillsItsSizeExactly() throws {
        let state = try DemoDashboard.model()
        for size in [Size(width: 60, height: 16), Size(width: 121, height: 33), Size(width: 250, height: 70)] {
            let frame = try DemoDashboard.render(state, size: size)
            #expect(frame.lines.count == size.height)
            #expect(frame.lines.allSatisfy { $0.terminalWidth <= size.width })
        }
    }
}
