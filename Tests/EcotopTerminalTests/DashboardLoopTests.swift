import Dispatch
import EcotopApp
import EcotopCollectors
import EcotopCore
import EcotopEngine
import EcotopTerminal
import EcotopTestSupport
import EcotopUI
import Synchronization
import Testing

/// The loop answers keys while a read is in flight: reads run on the refresher's worker.
@Suite struct DashboardLoopTests {
    /// The dashboard on the demo, every read of its history taking 2 s, run on a thread of its
    /// own; `body` types into it while the first read is in flight.
    private func withSlowDashboard(_ body: (ScriptedTerminal, Refresher, _ finished: () -> Double?) throws -> Void) throws {
        let simulator = DemoSimulator(seed: 42)
        let gate = DispatchSemaphore(value: 0)
        let source = GatedSeriesSource(base: DemoSeriesSource(simulator: simulator), gate: gate, delay: 2)
        let loader = DataLoader(builder: SnapshotBuilder(source: source), events: simulator, ecosystem: simulator.ecosystem)
        let refresher = Refresher(loader: loader)
        let terminal = ScriptedTerminal(size: Size(width: 120, height: 40))
        let themes = try ThemeCatalog.builtIn().themes
        let loop = DashboardLoop(
            device: terminal, refresher: refresher, clock: SystemWallClock(), refreshInterval: 60,
            appearance: Appearance(themes: themes))
        let returned = Mutex<Double?>(nil)
        let session = SessionStatus(ecosystemName: simulator.ecosystem.name, catalog: .standard)
        let thread = DispatchQueue(label: "loop")
        thread.async {
            var model = AppModel(session: session, now: SystemWallClock().now(), themeNames: themes.map(\.name))
            _ = loop.run(&model, stop: { nil })
            returned.withLock { $0 = ScriptedTerminal.monotonicNow() }
        }
        defer {
            gate.signal()
            try? refresher.close()
        }
        try body(terminal, refresher) { returned.withLock { $0 } }
    }

    @Test func aKeyIsAnsweredLongBeforeA2sReadInFlightEnds() throws {
        try withSlowDashboard { terminal, refresher, _ in
            try wait(for: "the first frame and the first read in flight") { terminal.frameCount > 0 && refresher.isBusy }
            let typed = terminal.type(.character("t"))
            try wait(for: "a frame naming the next theme") { terminal.frame(after: typed) { $0.contains("theme light") } != nil }
            let frame = try #require(terminal.frame(after: typed) { $0.contains("theme light") })
            // Well under the read's 2 s, with room for a loaded machine (a 50 ms bound flaked under
            // parallel builds): the key did not wait for the read. Its usual latency is measured
            // by the F12 overlay's figures in Benchmarks/README.md, not here.
            #expect(frame.drawnAt - typed < 0.5, "the key took \(Int((frame.drawnAt - typed) * 1_000)) ms")
            #expect(frame.text.contains("waiting for data"), "the read is still in flight: \(frame.text.prefix(400))")
        }
    }

    @Test func quitReturnsAtOnceWhileAReadIsInFlight() throws {
        try withSlowDashboard { terminal, refresher, finished in
            try wait(for: "the first read in flight") { terminal.frameCount > 0 && refresher.isBusy }
            let typed = terminal.type(.character("q"))
            try wait(for: "the loop to return") { finished() != nil }
            let returned = try #require(finished())
            #expect(returned - typed < 0.5, "quit took \(Int((returned - typed) * 1_000)) ms")
            #expect(refresher.isBusy, "the read was still in flight when the loop returned")
        }
    }
}
