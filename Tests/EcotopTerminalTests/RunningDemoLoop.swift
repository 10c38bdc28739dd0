import Dispatch
import EcotopApp
import EcotopCollectors
import EcotopCore
import EcotopTerminal
import EcotopUI

/// The dashboard loop on the demo simulator, running on a thread of its own over a scripted
/// terminal that a test types into; `stop` quits it and closes the refresher.
final class RunningDemoLoop {
    let terminal: ScriptedTerminal
    private let refresher: Refresher
    private let finished = DispatchSemaphore(value: 0)

    init(size: Size = Size(width: 120, height: 40), savedScreens: SavedScreens? = nil) throws {
        let simulator = DemoSimulator(seed: 42)
        let loader = DataLoader.demo(simulator: simulator)
        if let savedScreens { loader.savedScreens = savedScreens }
        refresher = Refresher(loader: loader)
        terminal = ScriptedTerminal(size: size)
        let themes = try ThemeCatalog.builtIn().themes
        let loop = DashboardLoop(
            device: terminal, refresher: refresher, clock: SystemWallClock(), refreshInterval: 60, appearance: Appearance(themes: themes))
        let session = SessionStatus(ecosystemName: simulator.ecosystem.name, catalog: .standard)
        DispatchQueue(label: "loop").async { [finished] in
            var model = AppModel(session: session, now: SystemWallClock().now(), themeNames: themes.map(\.name))
            _ = loop.run(&model, stop: { nil })
            finished.signal()
        }
    }

    /// Quits the loop, waits for it to return and closes the refresher.
    func stop() {
        terminal.type(.character("q"))
        finished.wait()
        try? refresher.close()
    }
}
