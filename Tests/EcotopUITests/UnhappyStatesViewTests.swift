import EcotopApp
import EcotopCore
import EcotopEngine
import EcotopTestSupport
import EcotopUI
import Testing

/// Frames of a dashboard that is not all healthy, from a store built by hand: a metric past its
/// warning threshold, one past critical, one anomalous for its time of day, one whose data
/// stopped, metrics without data, and the dashboard paused; status cells carry their colour.
@Suite struct UnhappyStatesViewTests {
    static let time = 1_800_000_000.0

    /// Five-minute points of `value(t)` over the last `days` days up to `until`.
    static func points(days: Double, until end: Double, _ value: (Double) -> Double) -> [SeriesPoint] {
        stride(from: time - days * 86_400, through: end, by: 300).map { SeriesPoint(timestamp: $0, value: value($0)) }
    }

    static func model(keys: String = "") throws -> AppModel {
        let series: [SeriesKey: [SeriesPoint]] = [
            // Warn below 300/min, critical below 120/min.
            SeriesKey(name: "usage.transactions"): points(days: 1, until: time) { _ in 200 },
            // Warn below 2,000, critical below 800.
            SeriesKey(name: "usage.active_users"): points(days: 1, until: time) { _ in 500 },
            // An hour without data: stale after five missed minutes.
            SeriesKey(name: "participation.active_partners"): points(days: 1, until: time - 3_600) { _ in 45 },
            // Fine by its thresholds, but twice its usual level for the hour and the last two.
            SeriesKey(name: "qualitative.documentation_usage"): points(days: 8, until: time) { t in
                t > time - 300 ? 6_000 : 3_000 + (t / 300).truncatingRemainder(dividingBy: 7) * 10
            },
            SeriesKey(name: "usage.critical_uptime"): points(days: 1, until: time) { _ in 99.97 },
        ]
        let catalog = MetricCatalog.standard
        let loader = DataLoader(
            builder: SnapshotBuilder(source: RecordedSeriesSource(series), catalog: catalog),
            events: RecordedEvents(), ecosystem: Ecosystem(name: "Hand-built shop", components: [], integrations: [], partners: []))
        var model = AppModel(session: loader.status, now: time, themeNames: ["dark"])
        let keyMap = KeyMap(families: model.catalog.families)
        model.start(applying: KeySequence.parse(keys).compactMap(keyMap.command(for:)).map(AppAction.command), at: time, loader: loader)
        return model
    }

    /// The column of the status word `status` on the row of `metric`.
    private func statusCell(_ status: String, of metric: String, in frame: FrameBuffer) throws -> Cell {
        let row = try #require(frame.lines.firstIndex { $0.contains(metric) }, "no row for \(metric)")
        let line = frame.lines[row]
        let range = try #require(line.range(of: " \(status) "), "\(metric) is not \(status): \(line)")
        return frame[line.distance(from: line.startIndex, to: range.lowerBound) + 1, row]
    }

    @Test func everyStatusIsDrawnInItsColourAt160x48() throws {
        let frame = try DemoDashboard.render(try Self.model(), size: Size(width: 160, height: 48))
        assertSnapshot(frame.text, named: "unhappy-160x48")
        let theme = try ThemeCatalog.builtIn().themes[0]
        for (status, metric, role) in [
            ("WARN", "Transactions", ThemeRole.warn), ("CRIT", "Active users", .critical), ("STALE", "Active partners", .stale),
            ("ANOM", "Docs usage", .accent), ("N/A", "Cross-sell rate", .stale), ("OK", "Critical uptime", .ok),
        ] {
            let cell = try statusCell(status, of: metric, in: frame)
            #expect(cell.style.foreground == theme.color(role), "\(status) of \(metric) is drawn in the \(role) colour")
            #expect(cell.style.modifiers.contains(.bold), "\(status) of \(metric) is bold")
        }
        #expect(frame.text.contains("2 alerts score 70"), "the Usage pane counts its alerts")
    }

    @Test func aPausedDashboardSaysSoAt80x24() throws {
        let frame = try DemoDashboard.render(try Self.model(keys: "p"), size: Size(width: 80, height: 24))
        assertSnapshot(frame.text, named: "unhappy-paused-80x24")
        #expect(frame.lines[0].contains("PAUSED"))
        #expect(frame.lines.last?.hasSuffix("paused") == true, "the footer says what the key did")
    }
}
