import EcotopApp
import EcotopCollectors
import EcotopCore
import EcotopEngine
import EcotopTestSupport
import EcotopUI
import Testing

/// The governance screen (`g`) and what governance adds to other screens: the header's problem
/// when sources of truth diverge, and annotations marked on the detail chart.
@Suite struct GovernanceViewTests {
    @Test func theDemosGovernanceScreenAt160x48() throws {
        let frame = try DemoDashboard.render(try DemoDashboard.model(keys: "g"), size: Size(width: 160, height: 48))
        assertSnapshot(frame.text, named: "governance-160x48")
        // Every catalog series of the demo (totals and their labelled parts) and the agreement's two.
        let sources = MetricCatalog.standard.metrics.flatMap { DemoSimulator(seed: 42).seriesKeys(of: $0.id) }.count + 2
        for expected in ["Data governance", "DIVERGED", "customer count", "crm.customers vs analytics.customers", "-4.5%", "Freshness",
                         "\(sources)/\(sources) sources fresh", "FRESH    crm.customers", "Owners",
                         "Sales operations", "Annotations", "deploy", "storefront release"] {
            #expect(frame.text.contains(expected), "the screen lacks \(expected)")
        }
    }

    @Test func theDemosGovernanceScreenAt80x24() throws {
        let frame = try DemoDashboard.render(try DemoDashboard.model(keys: "g", columns: 80), size: Size(width: 80, height: 24))
        assertSnapshot(frame.text, named: "governance-80x24")
        let body = frame.lines.dropFirst(2).dropLast()
        for (row, line) in body.enumerated() {
            #expect(["│", "╮", "╯", "╰", "╭"].contains(line.last), "row \(row + 2) runs over the border: \(line)")
        }
        #expect(frame.text.contains("DIVERGED"))
        #expect(frame.text.contains("Annotations"))
    }

    @Test func aBreachedAgreementIsAProblemInTheHeaderAndAKeptOneIsNot() throws {
        let time = DemoDashboard.time
        func header(crm: Double, analytics: Double) throws -> String {
            let source = RecordedSeriesSource([
                SeriesKey(name: "crm.customers"): [SeriesPoint(timestamp: time - 60, value: crm)],
                SeriesKey(name: "analytics.customers"): [SeriesPoint(timestamp: time - 60, value: analytics)],
            ])
            let agreement = SourceAgreement(
                name: "customers", reference: SeriesSelector(name: "crm.customers"), compared: SeriesSelector(name: "analytics.customers"),
                tolerance: .relative(0.02))
            let loader = DataLoader(
                builder: SnapshotBuilder(source: source), events: RecordedEvents(),
                ecosystem: Ecosystem(name: "Shop", components: [], integrations: [], partners: []),
                governance: Governance(agreements: [agreement]))
            var model = AppModel(session: loader.status, now: time)
            model.start(typing: [], keyMap: .standard, at: time, loader: loader)
            let frame = DashboardView.render(model, size: Size(width: 160, height: 48), appearance: Appearance(themes: try ThemeCatalog.builtIn().themes, glyphs: .unicode))
            return frame.lines[0]
        }
        #expect(try header(crm: 1_000, analytics: 970).contains("1 source of truth diverged (g)"))
        #expect(try !header(crm: 1_000, analytics: 990).contains("diverged"), "1 % is within the 2 % tolerance")
    }

    @Test func hostileAnnotationTextIsSanitizedOnTheScreenAndTheChart() throws {
        let time = DemoDashboard.time
        let hostile = "deploy \u{1B}[2J\u{1B}]52;c;ZXZpbA==\u{07} \u{202E}evil\u{202C} \u{9B}31m done"
        let events = RecordedEvents(events: [
            Annotation(timestamp: time - 600, kind: .incident, text: hostile, component: "shop\u{1B}[31m").event,
        ])
        let source = RecordedSeriesSource([
            SeriesKey(name: "usage.transactions"): (0..<60).map { SeriesPoint(timestamp: time - Double($0) * 60, value: 100) },
        ])
        let loader = DataLoader(
            builder: SnapshotBuilder(source: source), events: events,
            ecosystem: Ecosystem(name: "Shop", components: [], integrations: [], partners: []))
        let appearance = Appearance(themes: try ThemeCatalog.builtIn().themes, glyphs: .unicode)
        for keys in ["g", "2\n"] {
            var model = AppModel(session: loader.status, now: time)
            model.start(typing: KeySequence.parse(keys), keyMap: .standard, at: time, loader: loader)
            let text = DashboardView.render(model, size: Size(width: 160, height: 48), appearance: appearance).text
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) }, "keys \(keys)")
            #expect(!text.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) })
            #expect(text.contains(keys == "g" ? "done" : "I incident"), "keys \(keys): the annotation is shown")
        }
    }
}
