import Dispatch
import EcotopApp
import EcotopCollectors
import EcotopEngine
import EcotopTestSupport
import Testing

/// Reads of one slot replace each other while they wait; changes the user asked for do not.
@Suite struct RefresherQueueTests {
    @Test func changesToTwoAlertsBothReachTheLoaderWhileAReadHoldsTheWorker() throws {
        let simulator = DemoSimulator(seed: 42)
        let gate = DispatchSemaphore(value: 0)
        let source = GatedSeriesSource(base: DemoSeriesSource(simulator: simulator), gate: gate, delay: 30)
        let refresher = Refresher(loader: DataLoader(builder: SnapshotBuilder(source: source), events: simulator, ecosystem: simulator.ecosystem))
        defer { try? refresher.close() }
        let now = 1_790_000_000.0
        refresher.submit(LoadRequest(.dashboard(.oneHour, detectingAnomalies: false), at: now))
        try wait(for: "the dashboard read to hold the worker") { refresher.isBusy }
        refresher.submit(LoadRequest(.changeAlert(.acknowledge(id: 1)), at: now))
        refresher.submit(LoadRequest(.changeAlert(.acknowledge(id: 2)), at: now))
        refresher.submit(LoadRequest(.alerts, at: now))
        refresher.submit(LoadRequest(.alerts, at: now + 1))
        gate.signal()
        #expect(refresher.waitUntilIdle(timeout: 60))
        let kinds = refresher.takeResults().map(\.request.kind)
        #expect(kinds.filter { $0 == .changeAlert(.acknowledge(id: 1)) }.count == 1, "\(kinds)")
        #expect(kinds.filter { $0 == .changeAlert(.acknowledge(id: 2)) }.count == 1, "\(kinds)")
        #expect(kinds.filter { $0 == .alerts }.count == 1, "two waiting reads of the alerts are one: \(kinds)")
    }
}
