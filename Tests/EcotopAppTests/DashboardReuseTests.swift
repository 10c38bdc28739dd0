import EcotopApp
import EcotopCollectors
import EcotopCore
import EcotopEngine
import Synchronization
import Testing

/// A dashboard read is rebuilt only when its source says the data changed, or after ten
/// seconds: what keeps an idle dashboard cheap.
@Suite struct DashboardReuseTests {
    /// The demo's history with a revision the test sets, counting the reads that reach it.
    final class CountingSource: SeriesSource {
        let base = DemoSeriesSource(simulator: DemoSimulator(seed: 42))
        let reads = Mutex(0)
        let currentRevision = Mutex<Int?>(1)

        func points(of key: SeriesKey, from: Double, to: Double, buckets: Int, aggregation: Aggregation) throws -> [SeriesPoint] {
            reads.withLock { $0 += 1 }
            return base.points(of: key, from: from, to: to, buckets: buckets, aggregation: aggregation)
        }

        func latest(of key: SeriesKey, at time: Double, lookback: Double) throws -> SeriesPoint? {
            base.latest(of: key, at: time, lookback: lookback)
        }

        func revision(at time: Double) -> Int? { currentRevision.withLock { $0 } }
    }

    private func reads(_ source: CountingSource, _ body: () -> Void) -> Int {
        let before = source.reads.withLock { $0 }
        body()
        return source.reads.withLock { $0 } - before
    }

    @Test func anUnchangedSourceIsNotReadAgainForTenSeconds() throws {
        let source = CountingSource()
        let simulator = DemoSimulator(seed: 42)
        let loader = DataLoader(builder: SnapshotBuilder(source: source, anomalyDetector: nil), events: simulator, ecosystem: simulator.ecosystem)
        let time = 1_800_000_000.0
        let load = { (at: Double, range: TimeRange) in
            _ = loader.load(LoadRequest(.dashboard(range, detectingAnomalies: true), at: at))
        }
        #expect(reads(source) { load(time, .oneHour) } > 0)
        #expect(reads(source) { load(time + 5, .oneHour) } == 0, "same revision, five seconds later")
        #expect(reads(source) { load(time + 6, .sixHours) } > 0, "another range is read")
        #expect(reads(source) { load(time + 7, .sixHours) } == 0)
        source.currentRevision.withLock { $0 = 2 }
        #expect(reads(source) { load(time + 8, .sixHours) } > 0, "the source changed")
        #expect(reads(source) { load(time + 18, .sixHours) } > 0, "ten seconds passed")
        source.currentRevision.withLock { $0 = nil }
        #expect(reads(source) { load(time + 19, .sixHours) } > 0, "a source that cannot tell is read every time")
    }

    @Test func aReusedSnapshotCarriesTheTimeOfTheRead() throws {
        let source = CountingSource()
        let simulator = DemoSimulator(seed: 42)
        let loader = DataLoader(builder: SnapshotBuilder(source: source, anomalyDetector: nil), events: simulator, ecosystem: simulator.ecosystem)
        let first = loader.load(LoadRequest(.dashboard(.oneHour, detectingAnomalies: false), at: 1_800_000_000))
        let second = loader.load(LoadRequest(.dashboard(.oneHour, detectingAnomalies: false), at: 1_800_000_004))
        guard case .success(.dashboard(let before, _)) = first.outcome, case .success(.dashboard(let after, _)) = second.outcome else {
            Issue.record("a read failed")
            return
        }
        #expect(after.time == 1_800_000_004)
        #expect(after.dataAge == before.dataAge.map { $0 + 4 }, "the data ages with the clock")
        #expect(after.summaries == before.summaries)
    }
}
