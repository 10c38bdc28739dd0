import Dispatch
import EcotopCollectors
@testable import EcotopApp
import EcotopCore
import EcotopEngine
import EcotopTestSupport
import Synchronization
import Testing

/// Closing the refresher (Ctrl-C, `q`) while a review save waits behind a slow read still
/// writes the save: a decision the screen acknowledged is on disk when Ecotop ends.
@Suite struct RefresherCloseTests {
    @Test func aSaveWaitingBehindASlowReadIsWrittenOnClose() throws {
        let scratch = TemporaryStore()
        let simulator = DemoSimulator(seed: 42)
        let gate = DispatchSemaphore(value: 0)
        let source = GatedSeriesSource(base: DemoSeriesSource(simulator: simulator), gate: gate, delay: 10)
        var loader = DataLoader(builder: SnapshotBuilder(source: source), events: simulator, ecosystem: simulator.ecosystem)
        let archive = ReviewArchive(directory: scratch.root + "-reviews")
        loader.reviewArchive = archive
        let refresher = Refresher(loader: loader)
        let now = 1_764_245_100.0
        refresher.submit(LoadRequest(.dashboard(.oneHour, detectingAnomalies: false), at: now))
        try wait(for: "the slow read in flight") { refresher.isBusy }
        var session = ReviewSession.start(
            id: "closing", ecosystem: "demo", period: .standard, at: now,
            agenda: ReviewAgenda(items: [ReviewItem(kind: .staleSource, subject: "a", reason: "old", severity: 45)], scorecards: []), after: nil)
        session.updateCurrent { $0.decision = .fix }
        refresher.submit(LoadRequest(.saveReview(session), at: now))
        let closed = Mutex(false)
        DispatchQueue(label: "close").async {
            try? refresher.close()
            closed.withLock { $0 = true }
        }
        gate.signal()
        try wait(for: "close to return") { closed.withLock { $0 } }
        #expect(try archive.load("closing") == session, "the decision taken before closing was saved")
    }
}
