import EcotopCore
import EcotopEngine
import EcotopTestSupport
import Testing

/// A metric divided by component or partner, against series built by hand.
@Suite struct MetricBreakdownTests {
    let time = 1_800_000_000.0

    func points(_ value: Double) -> [SeriesPoint] {
        stride(from: time - 3_000, through: time, by: 600).map { SeriesPoint(timestamp: $0, value: value) }
    }

    @Test func partsAddUpWithSharesAndSeveralSeriesOfOneValueCombine() throws {
        let name = "usage.transactions"
        let source = RecordedSeriesSource([
            SeriesKey(name: name): points(1_000),
            SeriesKey(name: name, labels: ["component": "shop", "region": "eu"]): points(500),
            SeriesKey(name: name, labels: ["component": "shop", "region": "us"]): points(250),
            SeriesKey(name: name, labels: ["component": "rentals", "partner": "trailshare"]): points(250),
        ])
        let metric = try #require(MetricCatalog.standard["usage.transactions"])
        let breakdown = try MetricBreakdown(metric: metric, label: "component", source: source, at: time, range: .oneHour, buckets: 6)
        #expect(breakdown.parts.map(\.value) == ["shop", "rentals"])
        #expect(breakdown.parts.map(\.latest) == [750, 250], "the two shop series add up, as the metric's series do")
        #expect(breakdown.parts.map(\.share) == [0.75, 0.25])
        #expect(breakdown.seriesWithoutLabel == 1, "the unlabelled total is no part")
        #expect(breakdown.parts[0].points.count == 6)
        let byPartner = try MetricBreakdown(metric: metric, label: "partner", source: source, at: time, range: .oneHour, buckets: 6)
        #expect(byPartner.parts.map(\.value) == ["trailshare"])
    }

    @Test func partsOfAScoreAreAveragedAndHaveNoShare() throws {
        let name = "qualitative.partner_satisfaction"
        let source = RecordedSeriesSource([
            SeriesKey(name: name, labels: ["partner": "stripe", "survey": "a"]): points(9),
            SeriesKey(name: name, labels: ["partner": "stripe", "survey": "b"]): points(7),
            SeriesKey(name: name, labels: ["partner": "ups"]): points(6),
        ])
        let metric = try #require(MetricCatalog.standard["qualitative.partner_satisfaction"])
        let breakdown = try MetricBreakdown(metric: metric, label: "partner", source: source, at: time, range: .oneHour, buckets: 6)
        #expect(breakdown.parts.map(\.latest) == [8, 6])
        #expect(breakdown.parts.allSatisfy { $0.share == nil })
    }

    @Test func aMetricWithoutTheLabelHasNoParts() throws {
        let source = RecordedSeriesSource([SeriesKey(name: "usage.transactions"): points(10)])
        let metric = try #require(MetricCatalog.standard["usage.transactions"])
        let breakdown = try MetricBreakdown(metric: metric, label: "component", source: source, at: time, range: .oneHour, buckets: 6)
        #expect(breakdown.parts.isEmpty && breakdown.seriesWithoutLabel == 1)
    }
}
