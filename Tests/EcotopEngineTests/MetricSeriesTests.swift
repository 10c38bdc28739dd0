import EcotopCore
import EcotopTestSupport
import EcotopEngine
import Testing

/// A metric recorded as several labelled series reads as one value.
@Suite struct MetricSeriesTests {
    static let now = 1_800_000_000.0

    private func series(_ name: String, _ labels: [String: String], values: [Double], every step: Double = 60) -> (SeriesKey, [SeriesPoint]) {
        let key = SeriesKey(name: name, labels: labels)
        let points = values.enumerated().map { offset, value in
            SeriesPoint(timestamp: Self.now - Double(values.count - 1 - offset) * step, value: value)
        }
        return (key, points)
    }

    private func summary(_ id: MetricID, _ recorded: [(SeriesKey, [SeriesPoint])]) throws -> MetricSummary {
        let source = RecordedSeriesSource(Dictionary(uniqueKeysWithValues: recorded))
        let builder = SnapshotBuilder(source: source, anomalyDetector: nil)
        let metric = try #require(MetricCatalog.standard[id])
        return try builder.summary(of: metric, at: Self.now, range: .oneHour, buckets: 60)
    }

    @Test func ratesOfSeveralShopsAddUp() throws {
        let summary = try summary("usage.transactions", [
            series("usage.transactions", ["shop": "eu"], values: [400, 420]),
            series("usage.transactions", ["shop": "us"], values: [600, 610]),
        ])
        #expect(summary.latest?.value == 1_030)
        #expect(summary.history.last?.value == 1_030)
        #expect(summary.status == .ok)
    }

    @Test func percentagesOfSeveralIntegrationsAverage() throws {
        let summary = try summary("usage.integration_error_rate", [
            series("usage.integration_error_rate", ["integration": "storefront->stripe"], values: [0.5]),
            series("usage.integration_error_rate", ["integration": "storefront->ups"], values: [2.5]),
        ])
        #expect(summary.latest?.value == 1.5)
        #expect(summary.status == .warn)
    }

    @Test func aStaleSeriesDoesNotHoldTheMetricsValue() throws {
        let old = SeriesKey(name: "usage.transactions", labels: ["shop": "closed"])
        let summary = try summary("usage.transactions", [
            (old, [SeriesPoint(timestamp: Self.now - 1_800, value: 5_000)]),
            series("usage.transactions", ["shop": "eu"], values: [400]),
        ])
        #expect(summary.latest?.value == 400, "the closed shop stopped reporting 30 minutes ago")
    }

    @Test func theUnlabelledSeriesWinsWhenACollectorWritesIt() throws {
        let summary = try summary("usage.transactions", [
            series("usage.transactions", [:], values: [900]),
            series("usage.transactions", ["shop": "eu"], values: [400]),
        ])
        #expect(summary.latest?.value == 900)
    }
}

/// Counter metrics: running totals read as rates per the unit's period.
@Suite struct CounterMetricTests {
    static let now = 1_800_000_000.0

    @Test func aCounterReadsAsItsRatePerMinuteAcrossAReset() throws {
        var metric = try #require(MetricCatalog.standard["usage.transactions"])
        metric.isCounter = true
        let key = SeriesKey(name: "usage.transactions")
        // One reading a minute: +600 a minute, then the process restarts at t-120 and counts 300 a minute.
        let totals: [Double] = [1_000, 1_600, 2_200, 2_800, 300, 600]
        let points = totals.enumerated().map { offset, total in
            SeriesPoint(timestamp: Self.now - Double(totals.count - 1 - offset) * 60, value: total)
        }
        let builder = SnapshotBuilder(source: RecordedSeriesSource([key: points]), anomalyDetector: nil)
        let summary = try builder.summary(of: metric, at: Self.now, range: .fifteenMinutes, buckets: 15)
        #expect(summary.latest?.value == 300, "the newest two readings are 300 and 600, a minute apart")
        let rates = summary.history.map(\.value)
        #expect(rates.contains(600))
        #expect(rates.contains(300), "the reset counts from zero, not as -2,500")
        #expect(!rates.contains { $0 < 0 })
    }
}
