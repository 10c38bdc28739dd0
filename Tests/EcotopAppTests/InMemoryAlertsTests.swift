import EcotopApp
import EcotopCollectors
import EcotopCore
import Testing

/// The demo on its simulator has no store, yet its header shows problems: its alerts screen
/// lists them, kept in memory, and acknowledging one works.
@Suite struct InMemoryAlertsTests {
    /// The Screenshots' moment, when the demo has a diverged source of truth and metrics in WARN.
    let time = 1_764_279_900.0

    @Test func theDemoWithoutAStoreOpensAlertsInMemory() throws {
        let loader = DataLoader.demo(simulator: DemoSimulator(seed: 42))
        _ = try loader.load(LoadRequest(.dashboard(.oneHour, detectingAnomalies: true), at: time)).outcome.get()
        guard case .alerts(let read) = try loader.load(LoadRequest(.alerts, at: time)).outcome.get() else {
            Issue.record("an alerts read answers with alerts")
            return
        }
        #expect(read.isRecording && !read.hasStore)
        let open = read.history.alerts.filter { $0.isOpen }
        #expect(open.contains { $0.kind == .divergence }, "\(open.map(\.summary))")
        let first = try #require(open.first)
        guard case .alerts(let changed) = try loader.load(LoadRequest(.changeAlert(.acknowledge(id: first.id)), at: time + 1)).outcome.get()
        else {
            Issue.record("a change answers with alerts")
            return
        }
        #expect(changed.message == "alert \(first.id) acknowledged")
        #expect(changed.history.alerts.first { $0.id == first.id }?.isAcknowledged == true)
    }
}
