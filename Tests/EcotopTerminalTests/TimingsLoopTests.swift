import Dispatch
import EcotopApp
import EcotopCollectors
import EcotopCore
import EcotopEngine
import EcotopTerminal
import EcotopTestSupport
import EcotopUI
import Testing

/// The loop times its phases and F12 shows them over the frame it draws.
@Suite struct TimingsLoopTests {
    @Test func f12ShowsTheLoopsOwnTimings() throws {
        let simulator = DemoSimulator(seed: 42)
        let refresher = Refresher(loader: DataLoader.demo(simulator: simulator))
        let terminal = ScriptedTerminal(size: Size(width: 120, height: 40))
        let themes = try ThemeCatalog.builtIn().themes
        let loop = DashboardLoop(
            device: terminal, refresher: refresher, clock: SystemWallClock(), refreshInterval: 60, appearance: Appearance(themes: themes))
        let session = SessionStatus(ecosystemName: simulator.ecosystem.name, catalog: .standard)
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue(label: "loop").async {
            var model = AppModel(session: session, now: SystemWallClock().now(), themeNames: themes.map(\.name))
            _ = loop.run(&model, stop: { nil })
            finished.signal()
        }
        defer {
            terminal.type(.character("q"))
            finished.wait()
            try? refresher.close()
        }
        try wait(for: "the first read to arrive") { terminal.frame(after: 0) { !$0.contains("waiting for data") } != nil }
        let typed = terminal.type(.function(12))
        try wait(for: "the overlay with a load timed") {
            terminal.frame(after: typed) { $0.contains("Timings") && !$0.contains("load         --") } != nil
        }
        let frame = try #require(terminal.frame(after: typed) { $0.contains("Timings") })
        for phase in ["load", "apply", "render", "flush"] { #expect(frame.text.contains("│ \(phase) "), "\(frame.text)") }
        #expect(frame.text.contains("RSS ") && frame.text.contains(" MiB"), "RSS read from /proc/self/statm: \(frame.text)")
        let hidden = terminal.type(.function(12))
        try wait(for: "the overlay to close") { terminal.frame(after: hidden) { !$0.contains("Timings") } != nil }
    }
}
