import EcotopApp
import EcotopCore
import EcotopEngine
import EcotopStore
import EcotopTestSupport
import Testing

/// `HealthCheck` on a catalog whose titles try to break the status line: a `|` would start the
/// performance data early, a quote or `=` would end a label, a line break would start a second
/// line; and values and thresholds must stay plain decimals.
@Suite struct HealthCheckTests {
    static let time = 1_700_000_000.0
    static let hostileTitle = "Errors | it's = \"bad\"\n\u{1B}[2J"

    static func check() throws -> HealthCheck {
        let catalog = MetricCatalog(metrics: [
            MetricDefinition(
                id: "shop.errors", family: .usage, title: "Errors", shortTitle: hostileTitle, unit: .percent, direction: .lowerIsBetter,
                aggregation: .max, thresholds: Thresholds(warn: 1, critical: 5), summary: ""),
            MetricDefinition(
                id: "shop.orders", family: .usage, title: "Orders", shortTitle: "Orders", unit: .perMinute, direction: .higherIsBetter,
                aggregation: .avg, thresholds: Thresholds(warn: 0.000_05, critical: -3), summary: ""),
        ])
        let store = TemporaryStore()
        try store.writeMinutely([SeriesKey(name: "shop.errors"): 2, SeriesKey(name: "shop.orders"): 1.0 / 3], until: time)
        let loader = DataLoader(
            builder: SnapshotBuilder(source: try store.reader(), catalog: catalog), events: try store.reader(),
            ecosystem: Ecosystem(name: "Shop", components: [], integrations: [], partners: []))
        return try HealthCheck(report: try EcosystemReport(loader: loader, range: .oneHour, at: time))
    }

    @Test func theLineHasOnePipeAndQuotedLabelsWithTheirQuotesDoubled() throws {
        let check = try Self.check()
        #expect(check.state == .warning)
        let line = check.line
        #expect(!line.contains("\n") && !line.unicodeScalars.contains { TerminalText.isControl($0) }, "\(line)")
        #expect(line.filter { $0 == "|" }.count == 1, "\(line)")
        #expect(line.hasPrefix("ECOTOP WARNING - 1 metric WARN (Errors / it's = \"bad\"  2.00%) | "), "\(line)")
        let perfdata = try #require(line.split(separator: "|").last)
        #expect(perfdata.contains(" 'Errors / it''s = \"bad\" '=2%;~:1;~:5;0;100 "), "\(perfdata)")
        #expect(perfdata.hasSuffix(" Orders=0.333333;0.00005:;-3:;;"), "\(perfdata)")
    }
}
