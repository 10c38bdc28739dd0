import EcotopApp
import Testing

/// The timings overlay's model keeps a bounded window of samples per phase.
@Suite struct FrameTimingsTests {
    @Test func keepsOnlyTheLastCapacitySamples() throws {
        var timings = FrameTimings(capacity: 10)
        for value in 1...1_000 { timings.record(.render, seconds: Double(value)) }
        let statistics = try #require(timings.statistics(of: .render))
        #expect(statistics.count == 10)
        #expect(statistics.minimum == 991)
        #expect(statistics.maximum == 1_000)
        #expect(statistics.mean == 995.5)
    }

    @Test func p95IsTheNearestRank() throws {
        var timings = FrameTimings(capacity: 120)
        for value in (1...100).reversed() { timings.record(.load, seconds: Double(value)) }
        #expect(timings.statistics(of: .load)?.p95 == 95)
        var single = FrameTimings()
        single.record(.apply, seconds: 0.5)
        #expect(single.statistics(of: .apply) == FrameTimings.Statistics(count: 1, minimum: 0.5, mean: 0.5, maximum: 0.5, p95: 0.5))
    }

    @Test func phasesAreKeptApartAndFramesCountFlushes() {
        var timings = FrameTimings()
        timings.record(.render, seconds: 1)
        timings.record(.flush, seconds: 2)
        timings.record(.flush, seconds: 3)
        #expect(timings.statistics(of: .load) == nil)
        #expect(timings.statistics(of: .render)?.count == 1)
        #expect(timings.statistics(of: .flush)?.mean == 2.5)
        #expect(timings.frames == 2)
    }
}
