import EcotopApp
import EcotopCore
import EcotopEngine
import EcotopTestSupport
import EcotopUI
import Testing

/// The catalog drives the layout: a configuration's own family gets a pane, a pane key and a
/// line in the help, and a pane with more metrics than fit scrolls inside itself.
@Suite struct CustomCatalogViewTests {
    static let time = 1_800_000_000.0
    static let logistics = MetricFamily(id: "logistics", title: "Logistics")

    /// The standard catalog plus a Logistics family of `count` metrics, the first one below
    /// its critical threshold, each with ten minutes of one value.
    static func model(metrics count: Int, keys: String = "") throws -> AppModel {
        let added = (1...count).map { index in
            MetricDefinition(
                id: MetricID(rawValue: "logistics.carrier_\(index)"), family: logistics, title: "Carrier metric \(index)",
                shortTitle: "Carrier \(index)", unit: .percent, direction: .higherIsBetter, aggregation: .avg,
                thresholds: Thresholds(warn: 95, critical: 90), summary: "On-time deliveries of carrier \(index).")
        }
        let catalog = MetricCatalog(metrics: MetricCatalog.standard.metrics + added)
        var series: [SeriesKey: [SeriesPoint]] = [:]
        for (index, metric) in added.enumerated() {
            let value = index == 0 ? 80.0 : 97.0 + Double(index) / 100
            series[SeriesKey(name: metric.id.rawValue)] = stride(from: time - 600, through: time, by: 60).map {
                SeriesPoint(timestamp: $0, value: value)
            }
        }
        return HandBuiltDashboard.model(series, catalog: catalog, at: time, keys: keys, detectingAnomalies: false)
    }

    @Test func aFamilyOfTheConfigurationGetsAPaneAKeyAndAHelpLine() throws {
        let model = try Self.model(metrics: 3)
        let frame = try DemoDashboard.render(model, size: Size(width: 160, height: 48))
        assertSnapshot(frame.text, named: "custom-family-160x48")
        #expect(frame.text.contains("5 Logistics"))
        #expect(frame.text.contains("Carrier metric 3"))
        let focused = try Self.model(metrics: 3, keys: "5")
        #expect(focused.dashboard.focus == Self.logistics)
        let help = try DemoDashboard.render(try Self.model(metrics: 3, keys: "?"), size: Size(width: 160, height: 48))
        #expect(help.text.contains("focus Logistics"))
    }

    @Test func theStatusOfAMetricCarriesItsColourAndWeight() throws {
        let frame = try DemoDashboard.render(try Self.model(metrics: 3), size: Size(width: 160, height: 48))
        let theme = try ThemeCatalog.builtIn().themes[0]
        let row = try #require(frame.lines.firstIndex { $0.contains("Carrier metric 1") })
        let column = try #require(frame.lines[row].range(of: "CRIT").map { frame.lines[row].distance(from: frame.lines[row].startIndex, to: $0.lowerBound) })
        let cell = frame[column, row]
        #expect(cell.style.foreground == theme.color(.critical), "CRIT is drawn in the critical colour")
        #expect(cell.style.modifiers.contains(.bold), "and in bold")
        let healthy = try #require(frame.lines.firstIndex { $0.contains("Carrier metric 2") })
        let okColumn = try #require(frame.lines[healthy].range(of: " OK ").map { frame.lines[healthy].distance(from: frame.lines[healthy].startIndex, to: $0.lowerBound) + 1 })
        #expect(frame[okColumn, healthy].style.foreground == theme.color(.ok))
    }

    @Test func aPaneWithMoreMetricsThanFitScrollsToTheSelection() throws {
        let size = Size(width: 100, height: 30)
        let top = try DemoDashboard.render(try Self.model(metrics: 30, keys: "5"), size: size)
        #expect(top.text.contains("Carrier metric 1 "), "\(top.text)")
        #expect(!top.text.contains("Carrier metric 30"))
        let bottom = try DemoDashboard.render(try Self.model(metrics: 30, keys: "5" + String(repeating: "j", count: 29)), size: size)
        #expect(bottom.text.contains("Carrier metric 30"), "\(bottom.text)")
        #expect(!bottom.text.contains("Carrier metric 1 "), "the pane scrolled past its first rows")
        #expect(bottom.lines.count == size.height && bottom.lines.allSatisfy { $0.terminalWidth <= size.width })
    }
}
