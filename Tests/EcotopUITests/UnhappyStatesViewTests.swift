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
        return HandBuiltDashboard.model(series, at: time, keys: keys)
    }

    /// The column of the status word `status` on the row of `metric`.
    static func statusCell(_ status: String, of metric: String, in frame: FrameBuffer) throws -> Cell {
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
            let cell = try Self.statusCell(status, of: metric, in: frame)
            #expect(cell.style.foreground == theme.color(role), "\(status) of \(metric) is drawn in the \(role) colour")
            #expect(cell.style.modifiers.contains(.bold), "\(status) of \(metric) is bold")
        }
        #expect(frame.text.contains("2 alerts score 70"), "the Usage pane counts its alerts")
    }

    @Test func aPausedDashboardSaysSoAt80x24() throws {
        let frame = try DemoDashboard.render(try Self.model(keys: "p"), size: Size(width: 80, height: 24))
        assertSnapshot(frame.text, named: "unhappy-paused-80x24")
        #expect(frame.lines[0].contains("PAUSED at 08:00:00"), "the header says when the frame was paused")
        #expect(frame.lines.last?.hasSuffix("paused") == true, "the footer says what the key did")
    }
}

/// The change column compares the value shown with the value one range earlier.
@Suite struct ChangeColumnViewTests {
    static let time = 1_800_000_000.0

    @Test func aStepFrom10To20TenMinutesAgoReads20Up100PercentVsOneHourAgo() throws {
        let steps = stride(from: Self.time - 7_200 + 60, through: Self.time, by: 60).map {
            SeriesPoint(timestamp: $0, value: $0 > Self.time - 600 ? 20 : 10)
        }
        let onlyThisHour = steps.filter { $0.timestamp > Self.time - 3_600 }
        let model = HandBuiltDashboard.model([
            SeriesKey(name: "participation.active_partners"): steps,
            SeriesKey(name: "participation.integrated_services"): onlyThisHour,
        ], at: Self.time, detectingAnomalies: false)
        let frame = try DemoDashboard.render(model, size: Size(width: 160, height: 48))
        #expect(frame.text.contains("vs 1h ago"), "the column says what it compares")
        let partners = try #require(frame.lines.first { $0.contains("Active partners") })
        #expect(partners.contains("20      ▲100%"), "\(partners)")
        let services = try #require(frame.lines.first { $0.contains("Integrated services") })
        #expect(services.contains("n/a"), "nothing an hour ago to compare with: \(services)")
        let detail = try DemoDashboard.render(
            HandBuiltDashboard.model([SeriesKey(name: "participation.active_partners"): steps], at: Self.time, keys: "\n"),
            size: Size(width: 160, height: 48))
        #expect(detail.text.contains("Δ +100% vs 1h ago"), "the detail shows the same change: \(detail.lines[3])")
    }
}

/// The header says LIVE only while new data arrives.
@Suite struct LivenessViewTests {
    static let time = 1_800_000_000.0

    @Test func dataTenMinutesOldIsNotLive() throws {
        let old = stride(from: Self.time - 3_600, through: Self.time - 600, by: 60).map { SeriesPoint(timestamp: $0, value: 45) }
        let stale = HandBuiltDashboard.model([SeriesKey(name: "participation.active_partners"): old], at: Self.time, detectingAnomalies: false)
        let header = try DemoDashboard.render(stale, size: Size(width: 160, height: 48)).lines[0]
        #expect(header.contains("NO NEW DATA") && !header.contains("LIVE"), "\(header)")
        let empty = HandBuiltDashboard.model([:], at: Self.time, detectingAnomalies: false)
        #expect(try DemoDashboard.render(empty, size: Size(width: 160, height: 48)).lines[0].contains("NO DATA"))
        let fresh = old.map { SeriesPoint(timestamp: $0.timestamp + 600, value: 45) }
        let live = HandBuiltDashboard.model([SeriesKey(name: "participation.active_partners"): fresh], at: Self.time, detectingAnomalies: false)
        #expect(try DemoDashboard.render(live, size: Size(width: 160, height: 48)).lines[0].contains("LIVE"))
    }
}
