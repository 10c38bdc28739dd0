import EcotopCollectors
import EcotopCore
import EcotopTestSupport
import Foundation
import Testing

@testable import EcotopEngine

@Suite("Snapshot statuses: thresholds, anomaly, staleness")
struct SnapshotBuilderTests {
    private static let day = TestTime.day
    private static let start = TestTime.midnight
    /// Day 8 at 06:00, the daily peak of the synthetic transactions (usual level 1400/min).
    private let clock = FixedWallClock(start + 7 * day + 6 * 3_600)
    private let catalog = MetricCatalog(metrics: [
        MetricCatalog.standard["usage.transactions"]!,
        MetricCatalog.standard["participation.active_partners"]!,
        MetricCatalog.standard["value.ecosystem_revenue"]!,
    ])

    /// Transactions follow a daily cycle, 1000 ± 400 per minute with a little noise, every
    /// minute; the last five minutes before `now` read `recent` instead, when given. Active
    /// partners (48) stopped arriving 400 seconds ago. Revenue was never recorded.
    private func source(recent: Double? = nil) -> RecordedSeriesSource {
        let now = clock.now()
        var generator = SeededGenerator(seed: 5)
        let transactions = stride(from: Self.start, through: now, by: 60).map { time in
            let usual = 1_000 + 400 * sin((time - Self.start) / Self.day * 2 * .pi)
            let value = recent.map { time > now - 300 ? $0 : usual } ?? usual
            return SeriesPoint(timestamp: time, value: value + Double.random(in: -15...15, using: &generator))
        }
        let partners = stride(from: now - 86_400, through: now - 400, by: 60).map { SeriesPoint(timestamp: $0, value: 48) }
        return RecordedSeriesSource([
            SeriesKey(name: "usage.transactions"): transactions,
            SeriesKey(name: "participation.active_partners"): partners,
        ])
    }

    private func summary(_ snapshot: EcosystemSnapshot, _ id: MetricID) throws -> MetricSummary {
        try #require(snapshot.summaries.first { $0.id == id })
    }

    @Test("a normal peak is OK; no data, stale and their missing scores")
    func baseStatuses() throws {
        let builder = SnapshotBuilder(source: source(), catalog: catalog)
        let snapshot = try builder.snapshot(at: clock.now(), range: .oneHour, buckets: 60)
        let transactions = try summary(snapshot, "usage.transactions")
        #expect(transactions.status == .ok)
        #expect(transactions.anomaly?.isAnomalous == false)
        #expect(try summary(snapshot, "participation.active_partners").status == .stale)  // 400 s > 5 × 60 s
        #expect(try summary(snapshot, "participation.active_partners").score == nil)
        #expect(try summary(snapshot, "value.ecosystem_revenue").status == .noData)
        // Only transactions has a score, so only usage has a family score.
        #expect(Array(snapshot.health.families.keys) == [.usage])
        #expect(snapshot.health.overall == 100)
    }

    @Test("an expected interval per metric moves the staleness limit")
    func perMetricInterval() throws {
        let hourly = StalenessPolicy(metricIntervals: ["participation.active_partners": 3_600])
        let builder = SnapshotBuilder(source: source(), catalog: catalog, staleness: hourly)
        let snapshot = try builder.snapshot(at: clock.now(), range: .oneHour, buckets: 60)
        #expect(try summary(snapshot, "participation.active_partners").status == .ok)
        // The old parameter still works: a 600 s limit for everything unconfigured.
        let lenient = SnapshotBuilder(source: source(), catalog: catalog, staleAfter: 600)
        #expect(lenient.staleAfter == 600)
        #expect(lenient.staleness.defaultInterval == 120)
        #expect(try summary(try lenient.snapshot(at: clock.now(), range: .oneHour, buckets: 60), "participation.active_partners").status == .ok)
    }

    @Test("a drop far below the usual peak, still inside the thresholds, is ANOM")
    func anomalyStatus() throws {
        let builder = SnapshotBuilder(source: source(recent: 500), catalog: catalog)
        let transactions = try summary(try builder.snapshot(at: clock.now(), range: .oneHour, buckets: 60), "usage.transactions")
        #expect(transactions.definition.thresholds.status(of: 500, direction: .higherIsBetter) == .ok)
        #expect(transactions.status == .anomaly)
        let anomaly = try #require(transactions.anomaly)
        #expect(abs(anomaly.seasonal.median - 1_400) < 30)
        #expect(anomaly.seasonal.score < -3.5)
        // The anomaly is flagged but does not lower the score: 500 is above warn (300).
        #expect(transactions.score == 100)
        // Off, the same data is simply OK.
        let off = SnapshotBuilder(source: source(recent: 500), catalog: catalog, anomalyDetector: nil)
        let plain = try summary(try off.snapshot(at: clock.now(), range: .oneHour, buckets: 60), "usage.transactions")
        #expect(plain.status == .ok)
        #expect(plain.anomaly == nil)
    }

    @Test("past a threshold and anomalous shows the threshold status")
    func thresholdOutranksAnomaly() throws {
        let builder = SnapshotBuilder(source: source(recent: 200), catalog: catalog)
        let transactions = try summary(try builder.snapshot(at: clock.now(), range: .oneHour, buckets: 60), "usage.transactions")
        #expect(transactions.anomaly?.isAnomalous == true)
        #expect(transactions.status == .warn)  // 200 is below warn 300, above critical 120
    }

    @Test("window statistics of the range and the period before fill the summary")
    func statistics() throws {
        let builder = SnapshotBuilder(source: source(), catalog: catalog, anomalyDetector: nil)
        let transactions = try summary(try builder.snapshot(at: clock.now(), range: .oneHour, buckets: 60), "usage.transactions")
        let statistics = try #require(transactions.statistics)
        let previous = try #require(transactions.previousStatistics)
        #expect(statistics.count == 60)
        #expect(previous.count == 60)
        #expect(transactions.average == statistics.average)
        #expect(transactions.previousAverage == previous.average)
        #expect(statistics.minimum <= statistics.p50 && statistics.p99 <= statistics.maximum)
        // 05:00-06:00 is the top of the cycle and 04:00-05:00 the climb to it: the average rose.
        #expect(try #require(transactions.comparison.delta()) > 0)
    }

    @Test("the demo at quiet times raises no anomaly")
    func demoQuiet() throws {
        let simulator = DemoSimulator(seed: 7)
        let builder = SnapshotBuilder(source: DemoSeriesSource(simulator: simulator))
        var checked = 0
        for step in 0..<12 {
            let time = Self.start + 8 * Self.day + Double(step) * 7_300
            guard simulator.incidents(from: time - 7_200, to: time + 1).isEmpty else { continue }
            let snapshot = try builder.snapshot(at: time, range: .oneHour, buckets: 30)
            #expect(snapshot.summaries.filter { $0.status == .anomaly }.map(\.id) == [], "at \(time)")
            #expect(snapshot.summaries.allSatisfy { $0.anomaly != nil })
            checked += 1
        }
        #expect(checked >= 4)
    }

    @Test("a demo incident makes support tickets anomalous while it lasts")
    func demoIncident() throws {
        let simulator = DemoSimulator(seed: 7)
        let incidents = simulator.incidents(from: Self.start + 8 * Self.day, to: Self.start + 10 * Self.day)
        let incident = try #require(incidents.first { $0.duration >= 20 * 60 })
        let time = incident.start + 10 * 60
        let builder = SnapshotBuilder(source: DemoSeriesSource(simulator: simulator))
        let tickets = try summary(try builder.snapshot(at: time, range: .oneHour, buckets: 30), "qualitative.support_tickets")
        #expect(tickets.anomaly?.isAnomalous == true)
        #expect(tickets.status >= .anomaly)
        // An hour after it ended, tickets are back to their usual level.
        let after = try summary(try builder.snapshot(at: incident.end + 3_600, range: .oneHour, buckets: 30), "qualitative.support_tickets")
        #expect(after.anomaly?.isAnomalous == false)
    }
}
