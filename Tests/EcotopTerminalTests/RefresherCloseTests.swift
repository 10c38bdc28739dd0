import Dispatch
import EcotopCollectors
@testable import EcotopApp
import EcotopCore
import EcotopEngine
import EcotopTestSupport
import Synchronization
import Testing

/// A review save is never dropped or kept waiting behind reads: closing the refresher (Ctrl-C,
/// `q`) while it waits behind a slow read still writes it, and it goes before the reads that
/// wait, so a killed terminal loses at most the write in flight.
@Suite struct RefresherCloseTests {
    let now = 1_764_245_100.0

    /// A refresher over the demo saving reviews in `archive`, with a dashboard read in flight
    /// that waits until `gate` is signalled.
    private func refresherWithSlowRead(archive: String) throws -> (Refresher, DispatchSemaphore) {
        let simulator = DemoSimulator(seed: 42)
        let gate = DispatchSemaphore(value: 0)
        let source = GatedSeriesSource(base: DemoSeriesSource(simulator: simulator), gate: gate, delay: 10)
        var loader = DataLoader(builder: SnapshotBuilder(source: source), events: simulator, ecosystem: simulator.ecosystem)
        loader.reviewArchive = ReviewArchive(directory: archive)
        let refresher = Refresher(loader: loader)
        refresher.submit(LoadRequest(.dashboard(.oneHour, detectingAnomalies: false), at: now))
        try wait(for: "the slow read in flight") { refresher.isBusy }
        return (refresher, gate)
    }
    @Test func aSaveWaitingBehindASlowReadIsWrittenOnClose() throws {
        let scratch = TemporaryStore()
        let (refresher, gate) = try refresherWithSlowRead(archive: scratch.root + "-reviews")
        let archive = ReviewArchive(directory: scratch.root + "-reviews")
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

    @Test func aSaveIsAnsweredBeforeTheReadsWaiting() throws {
        let scratch = TemporaryStore()
        let (refresher, gate) = try refresherWithSlowRead(archive: scratch.root + "-reviews")
        defer { try? refresher.close() }
        refresher.submit(LoadRequest(.freshness, at: now))
        let session = ReviewSession.start(
            id: "first", ecosystem: "demo", period: .standard, at: now, agenda: ReviewAgenda(items: [], scorecards: []), after: nil)
        refresher.submit(LoadRequest(.saveReview(session), at: now))
        gate.signal()
        var kinds: [LoadRequest.Kind] = []
        try wait(for: "three answers") {
            kinds += refresher.takeResults().map(\.request.kind)
            return kinds.count == 3
        }
        // `isBusy` turns true when the worker is started, which may be before it takes the
        // dashboard read: that read may still be waiting too, so only the order of the save and
        // the freshness read (which surely waited) is certain.
        let save = try #require(kinds.firstIndex { $0.isSave })
        let freshness = try #require(kinds.firstIndex { $0 == .freshness })
        #expect(save < freshness, "the save is written before the read that waited: \(kinds)")
    }
}
