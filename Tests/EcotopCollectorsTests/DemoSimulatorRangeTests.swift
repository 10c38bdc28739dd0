import EcotopCore
import Testing

@testable import EcotopCollectors

/// The demo simulator is a pure function of time; times far outside any real clock (a typo in
/// `ecotop screenshot --time`) must give values, not trap.
@Suite struct DemoSimulatorRangeTests {
    let simulator = DemoSimulator(seed: 42)

    @Test(arguments: [1e300, -1e300, 9.3e18, 1e15, -1e15])
    func farAwayTimesHaveValues(_ time: Double) {
        #expect(simulator.samples(at: time).count { $0.key.labels.isEmpty } == simulator.catalog.metrics.count)
        #expect(simulator.samples(at: time).allSatisfy { $0.value.isFinite })
        let source = DemoSeriesSource(simulator: simulator)
        let key = SeriesKey(name: "usage.transactions")
        #expect(source.latest(of: key, at: time, lookback: 3_600) != nil)
        _ = source.points(of: key, from: time - 3_600, to: time, buckets: 60, aggregation: .avg)
    }

    @Test func theIndexOfATimeSaturates() {
        #expect(DeterministicNoise.index(12.9) == 12)
        #expect(DeterministicNoise.index(-12.1) == -13)
        #expect(DeterministicNoise.index(.infinity) == Int64(9.2e18))
        #expect(DeterministicNoise.index(-.infinity) == -Int64(9.2e18))
        #expect(DeterministicNoise.index(.nan) == 0)
    }
}
