import EcotopApp
import EcotopCollectors
import EcotopCore
import EcotopEngine
import EcotopStore
import EcotopTestSupport
import EcotopUI
import Testing

/// `ecotop report` says what the dashboard shows: on a store written by hand, the report's
/// statuses, values, scores and health are the settled dashboard frame's, and the text the
/// report prints for each metric is the text of that metric's row on screen.
@Suite struct ReportDashboardAgreementTests {
    static let time = 1_700_000_000.0

    /// Transactions OK, the error rate WARN, revenue CRIT, uptime STALE (nothing for 30
    /// minutes), active partners OK over the last half of the hour only, the rest N/A.
    static func store() throws -> TemporaryStore {
        let store = TemporaryStore()
        try store.writeMinutely(
            [
                SeriesKey(name: "usage.transactions"): 1_000, SeriesKey(name: "usage.integration_error_rate"): 2,
                SeriesKey(name: "value.ecosystem_revenue"): 100_000,
            ], until: time)
        try store.writeMinutely([SeriesKey(name: "usage.critical_uptime"): 99.95], until: time - 1_800, minutes: 30, now: time)
        try store.writeMinutely([SeriesKey(name: "participation.active_partners"): 45], until: time, minutes: 30)
        return store
    }

    @Test func theReportHoldsTheSettledFramesStatusesValuesAndHealth() throws {
        let store = try Self.store()
        var model = AppModel(session: DataLoader.store(try store.reader()).status, now: Self.time, themeNames: ["dark"])
        let dashboardLoader = DataLoader.store(try store.reader())
        model.start(typing: [], keyMap: KeyMap(families: model.catalog.families), at: Self.time, loader: dashboardLoader)
        let shown = try #require(model.dashboard.snapshot)
        let report = try EcosystemReport(loader: DataLoader.store(try store.reader()), range: .oneHour, at: Self.time)

        #expect(report.snapshot.health == shown.health)
        #expect(report.snapshot.summaries.map(\.id) == shown.summaries.map(\.id))
        for (reported, onScreen) in zip(report.snapshot.summaries, shown.summaries) {
            #expect(reported.status == onScreen.status, "\(reported.id)")
            #expect(reported.latest == onScreen.latest, "\(reported.id)")
            #expect(reported.score == onScreen.score, "\(reported.id)")
            #expect(reported.change == onScreen.change, "\(reported.id)")
        }
        let statuses = Dictionary(uniqueKeysWithValues: report.snapshot.summaries.map { ($0.id.rawValue, $0.status) })
        #expect(statuses["usage.transactions"] == .ok && statuses["usage.integration_error_rate"] == .warn)
        #expect(statuses["value.ecosystem_revenue"] == .critical && statuses["usage.critical_uptime"] == .stale)
        #expect(statuses["qualitative.partner_sentiment"] == .noData)
    }

    @Test func eachMetricsReportTextIsOnItsRowOfTheFrame() throws {
        let store = try Self.store()
        let loader = DataLoader.store(try store.reader())
        var model = AppModel(session: loader.status, now: Self.time, themeNames: ["dark"])
        model.start(typing: [], keyMap: KeyMap(families: model.catalog.families), at: Self.time, loader: loader)
        let appearance = Appearance(themes: try ThemeCatalog.builtIn().themes, glyphs: .unicode)
        let frame = DashboardView.render(model, size: Size(width: 200, height: 60), appearance: appearance)
        let report = try EcosystemReport(loader: DataLoader.store(try store.reader()), range: .oneHour, at: Self.time)
        let text = ReportOutput(report: report).render(.text)

        for summary in report.snapshot.summaries where summary.status != .noData {
            let value = try #require(summary.latest.map { NumberFormat.value($0.value, unit: summary.definition.unit) })
            // The pane shows the title where it fits, else the short title.
            let row = frame.lines.first { $0.contains("│ \(summary.definition.title) ") || $0.contains("│ \(summary.definition.shortTitle) ") }
            #expect(row?.contains(" \(value) ") == true && row?.contains(" \(summary.status.label) ") == true, "\(summary.id): \(row ?? "no row")")
            let line = text.split(separator: "\n").first { $0.hasPrefix(summary.definition.title + " ") }
            #expect(line?.contains("\(summary.status.label) ") == true && line?.contains(value) == true, "\(summary.id): \(line ?? "")")
        }
        let health = NumberFormat.score(report.snapshot.health.overall)
        #expect(frame.lines[1].contains("Health \(health) ") && text.contains("health \(health) "), "\(frame.lines[1])")
    }

    @Test func coverageIsTheShareOfTheRangeThatHasData() throws {
        let store = try Self.store()
        let report = try EcosystemReport(loader: DataLoader.store(try store.reader()), range: .oneHour, at: Self.time)
        let coverage = Dictionary(uniqueKeysWithValues: report.snapshot.summaries.map { ($0.id.rawValue, $0.coverage) })
        #expect(coverage["usage.transactions"] == 1)
        #expect(abs((coverage["participation.active_partners"] ?? 0) - 0.5) <= 1.0 / 60, "half the hour has data")
        #expect(coverage["qualitative.partner_sentiment"] == 0)
        let partners = ReportOutput(report: report).render(.text).split(separator: "\n").first { $0.hasPrefix("Active partners ") }
        let shown = NumberFormat.fixed((coverage["participation.active_partners"] ?? 0) * 100, decimals: 0) + "%"
        #expect(partners?.hasSuffix(" " + shown) == true, "\(partners ?? "")")
    }

    /// On the demo at a moment when a critical integration is unhealthy and a source of truth
    /// diverges: the report's capped health and its agreements are the frame's.
    @Test func onTheDemoTheCappedHealthAndTheDivergencesAreTheDashboards() throws {
        let time = 1_796_126_400.0
        let loader = DataLoader.demo(simulator: DemoSimulator(seed: 42))
        var model = AppModel(session: loader.status, now: time, themeNames: ["dark"])
        model.start(typing: [], keyMap: KeyMap(families: model.catalog.families), at: time, loader: loader)
        let shown = try #require(model.dashboard.snapshot)
        let report = try EcosystemReport(loader: DataLoader.demo(simulator: DemoSimulator(seed: 42)), range: .oneHour, at: time)
        #expect(!shown.health.unhealthyIntegrations.isEmpty && shown.agreements.contains(where: \.isBreached), "the moment exercises both")
        #expect(report.snapshot.health == shown.health)
        #expect(report.snapshot.agreements == shown.agreements)
        #expect(report.snapshot.summaries.map(\.status) == shown.summaries.map(\.status))
        #expect(report.failingIntegrations.first.map { report.healthNow(of: $0) } == .unhealthy)
    }
}
