import EcotopCore
import Testing

@testable import EcotopEngine

@Suite("Window statistics and percentiles")
struct WindowStatisticsTests {
    private func points(_ values: [Double], start: Double = 0, step: Double = 60) -> [SeriesPoint] {
        values.enumerated().map { SeriesPoint(timestamp: start + step * Double($0.offset + 1), value: $0.element) }
    }

    @Test("percentiles interpolate between closest ranks, by hand")
    func handComputedPercentiles() {
        let sorted = [15.0, 20, 35, 40, 50]
        // rank = (n - 1) * p = 4p
        #expect(Percentile.interpolated(0.40, sorted: sorted) == 29)  // rank 1.6: 20 + 0.6 * 15
        #expect(Percentile.interpolated(0.50, sorted: sorted) == 35)  // rank 2
        #expect(abs(Percentile.interpolated(0.95, sorted: sorted)! - 48) < 1e-9)  // rank 3.8: 40 + 0.8 * 10
        #expect(abs(Percentile.interpolated(0.99, sorted: sorted)! - 49.6) < 1e-9)  // rank 3.96
        #expect(Percentile.interpolated(0, sorted: sorted) == 15)
        #expect(Percentile.interpolated(1, sorted: sorted) == 50)
        #expect(Percentile.median([4, 1, 3, 2]) == 2.5)
        #expect(Percentile.interpolated(0.99, sorted: [7]) == 7)
        #expect(Percentile.interpolated(0.5, sorted: []) == nil)
    }

    @Test("every statistic of a small window, by hand")
    func handComputedWindow() throws {
        // In time order; sorted they are 1, 2, 3, ..., 10.
        let stats = try #require(WindowStatistics(points: points([3, 9, 1, 10, 4, 8, 2, 7, 5, 6])))
        #expect(stats.count == 10)
        #expect(stats.sum == 55)
        #expect(stats.average == 5.5)
        #expect(stats.minimum == 1)
        #expect(stats.maximum == 10)
        #expect(stats.last == 6)
        #expect(stats.p50 == 5.5)  // rank 4.5 between 5 and 6
        #expect(abs(stats.p95 - 9.55) < 1e-9)  // rank 8.55 between 9 and 10
        #expect(abs(stats.p99 - 9.91) < 1e-9)  // rank 8.91
        #expect(stats[.count] == 10)
        #expect(stats[.p95] == stats.p95)
    }

    @Test("percentiles agree with a sort-and-scan reference over random data")
    func randomAgainstReference() throws {
        var generator = SeededGenerator(seed: 2_024)
        for trial in 0..<200 {
            let count = Int.random(in: 1...300, using: &generator)
            let values = (0..<count).map { _ in Double.random(in: -1_000...1_000, using: &generator) }
            let stats = try #require(WindowStatistics(points: points(values)))
            for (p, actual) in [(0.5, stats.p50), (0.95, stats.p95), (0.99, stats.p99)] {
                let expected = referencePercentile(p, of: values)
                #expect(abs(actual - expected) < 1e-9, "trial \(trial), p\(Int(p * 100)) of \(count) values")
            }
            #expect(stats.minimum == values.min())
            #expect(stats.maximum == values.max())
            #expect(abs(stats.sum - values.reduce(0, +)) < 1e-6)
            #expect(stats.last == values.last)
            #expect(stats.minimum <= stats.p50 && stats.p50 <= stats.p95 && stats.p95 <= stats.p99 && stats.p99 <= stats.maximum)
        }
    }

    /// The same method stated another way: sorted value i sits at cumulative position i / (n - 1);
    /// walk until the position passes p and interpolate between the two neighbours.
    private func referencePercentile(_ p: Double, of values: [Double]) -> Double {
        let sorted = values.sorted()
        guard sorted.count > 1 else { return sorted[0] }
        let step = 1 / Double(sorted.count - 1)
        var index = 0
        while index + 1 < sorted.count, Double(index + 1) * step <= p { index += 1 }
        guard index + 1 < sorted.count else { return sorted[index] }
        let fraction = (p - Double(index) * step) / step
        return sorted[index] + fraction * (sorted[index + 1] - sorted[index])
    }

    @Test("a window takes the points after its start up to and including its end")
    func windowBounds() throws {
        let series = points([1, 2, 3, 4], start: 0, step: 60)  // at 60, 120, 180, 240
        let stats = try #require(WindowStatistics(points: series, from: 60, to: 180))
        #expect(stats.count == 2)
        #expect(stats.sum == 5)
        #expect(WindowStatistics(points: series, from: 240, to: 300) == nil)
        #expect(WindowStatistics(points: []) == nil)
    }

    @Test("the delta compares with the period of equal length just before")
    func previousPeriod() throws {
        // Previous hour (0, 3600]: 10, 20, 30; this hour (3600, 7200]: 40, 50, 60.
        let series = [
            (1_200.0, 10.0), (2_400, 20), (3_600, 30), (4_800, 40), (6_000, 50), (7_200, 60), (-100, 999), (7_300, 999),
        ].map { SeriesPoint(timestamp: $0.0, value: $0.1) }
        let comparison = PeriodComparison(points: series, end: 7_200, length: 3_600)
        #expect(comparison.current?.count == 3)
        #expect(comparison.previous?.count == 3)
        #expect(comparison.delta() == 30)  // 50 - 20
        #expect(comparison.relativeDelta() == 150)  // +30 on 20
        #expect(comparison.delta(of: .maximum) == 30)  // 60 - 30
        #expect(comparison.delta(of: .sum) == 90)  // 150 - 60
        let empty = PeriodComparison(points: Array(series.prefix(3)), end: 7_200, length: 3_600)
        #expect(empty.delta() == nil)
        let fromZero = PeriodComparison(
            points: [SeriesPoint(timestamp: 10, value: 0), SeriesPoint(timestamp: 70, value: 5)], end: 120, length: 60)
        #expect(fromZero.delta() == 5)
        #expect(fromZero.relativeDelta() == nil)
    }
}
