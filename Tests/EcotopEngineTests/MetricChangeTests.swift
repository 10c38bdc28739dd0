import EcotopCore
import EcotopTestSupport
import Testing
@testable import EcotopEngine

/// Δ compares the value shown with the value one range earlier, from a store built by hand
/// where the answer is known.
@Suite struct MetricChangeTests {
    let time = 1_800_000_000.0

    /// A point a minute over the last two hours, `value(t)` at each.
    private func minutes(_ value: (Double) -> Double) -> [SeriesPoint] {
        stride(from: time - 7_200 + 60, through: time, by: 60).map { SeriesPoint(timestamp: $0, value: value($0)) }
    }

    private func summary(
        _ id: MetricID, _ points: [SeriesPoint], range: TimeRange = .oneHour, buckets: Int = 60
    ) throws -> MetricSummary {
        let builder = SnapshotBuilder(source: RecordedSeriesSource([SeriesKey(name: id.rawValue): points]), anomalyDetector: nil)
        return try builder.summary(of: try #require(MetricCatalog.standard[id]), at: time, range: range, buckets: buckets)
    }

    @Test func aStepFrom10To20TenMinutesAgoReadsPlus100PercentVsOneHourAgo() throws {
        let summary = try summary("usage.transactions", minutes { $0 > time - 600 ? 20 : 10 })
        #expect(summary.latest?.value == 20)
        #expect(summary.change.reference?.value == 10)
        #expect(summary.change.reference?.timestamp == time - 3_600)
        #expect(summary.change.value == 100)
        #expect(summary.change.isImprovement(direction: .higherIsBetter) == true)
        let averages = try #require(summary.comparison.current?.average)
        #expect(averages < 20, "the range's average (\(averages)) is not what Δ compares")
    }

    @Test func percentagesChangeInPoints() throws {
        let summary = try summary("usage.integration_error_rate", minutes { $0 > time - 300 ? 3.3 : 0.2 })
        #expect(abs((summary.change.value ?? 0) - 3.1) < 1e-9, "an error rate from 0.2 % to 3.3 % moved 3.1pp")
        #expect(summary.change.isAbsolute)
        #expect(summary.change.isImprovement(direction: .lowerIsBetter) == false)
    }

    @Test func anEmptyEarlierRangeHasNoChange() throws {
        let summary = try summary("usage.transactions", minutes { $0 > time - 3_600 ? 50 : .nan }.filter { !$0.value.isNaN })
        #expect(summary.change.value == nil)
        #expect(summary.change.unavailable == .noEarlierValue)
    }

    @Test func aSparseEarlierRangeHasNoChange() throws {
        // The hour before holds only its last 10 minutes: a store that began part-way through it.
        let summary = try summary("usage.transactions", minutes { $0 > time - 4_200 ? 50 : .nan }.filter { !$0.value.isNaN })
        #expect(summary.change.reference != nil)
        guard case .sparseEarlierRange(let coverage)? = summary.change.unavailable else {
            Issue.record("expected a sparse earlier range, found \(String(describing: summary.change.unavailable))")
            return
        }
        #expect(abs(coverage - 10.0 / 60) < 0.02, "10 minutes of data against the range's 60")
    }

    @Test func aRelativeChangeFromZeroIsUnavailable() throws {
        let summary = try summary("usage.transactions", minutes { $0 > time - 600 ? 5 : 0 })
        #expect(summary.change.unavailable == .fromZero)
    }

    @Test func detailStatisticsComeFromTheStoresBucketsAndHoldTheNewestValue() throws {
        // Uptime aggregates by minimum; the buckets' worst cases are not the range's mean or max.
        let values: [Double] = [99.96, 99.97, 99.96, 99.97, 99.96, 99.98]
        let points = (0..<120).map { SeriesPoint(timestamp: time - 7_200 + Double($0 + 1) * 60, value: values[$0 % values.count]) }
        let summary = try summary("usage.critical_uptime", points, buckets: 10)
        let statistics = try #require(summary.rangeStatistics)
        #expect(statistics.minimum == 99.96)
        #expect(statistics.maximum == 99.98)
        let mean = values.reduce(0, +) / Double(values.count)
        #expect(abs(statistics.average - mean) < 1e-9, "the mean of all points, \(statistics.average) vs \(mean)")
        let latest = try #require(summary.latest?.value)
        #expect(statistics.minimum <= latest && latest <= statistics.maximum)
    }
}
