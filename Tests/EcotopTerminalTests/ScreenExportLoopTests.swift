import Dispatch
import EcotopApp
import EcotopCollectors
import EcotopCore
import EcotopTerminal
import EcotopTestSupport
import EcotopUI
import Foundation
import Testing

/// The palette's "export" entries: the loop saves the screen as drawn and the footer says where.
@Suite struct ScreenExportLoopTests {
    @Test func exportingFromThePaletteSavesTheScreenAsDrawnAndNamesTheFile() throws {
        let directory = NSTemporaryDirectory() + "ecotop-saved-screens-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let simulator = DemoSimulator(seed: 42)
        let refresher = Refresher(loader: DataLoader.demo(simulator: simulator))
        let terminal = ScriptedTerminal(size: Size(width: 120, height: 40))
        let themes = try ThemeCatalog.builtIn().themes
        let loop = DashboardLoop(
            device: terminal, refresher: refresher, clock: SystemWallClock(), refreshInterval: 60, appearance: Appearance(themes: themes),
            savedScreens: SavedScreens(directory: directory))
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
        var typed = 0.0
        for key in KeySequence.parse(":export text\n") { typed = terminal.type(key) }
        try wait(for: "the footer to name the saved file") { terminal.frame(after: typed) { $0.contains("saved \(directory)/") } != nil }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        let name = try #require(names.first)
        #expect(names.count == 1 && name.hasPrefix("ecotop-dashboard-") && name.hasSuffix(".txt"), "\(names)")
        let saved = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
        #expect(saved.contains("1 Participation") && saved.contains("Health"), "\(saved)")
        #expect(!saved.contains("Commands"), "the palette closed before the screen was saved")

        for key in KeySequence.parse(":export svg\n") { typed = terminal.type(key) }
        try wait(for: "a second file") { (try? FileManager.default.contentsOfDirectory(atPath: directory).count) == 2 }
        let svg = try #require(try FileManager.default.contentsOfDirectory(atPath: directory).first { $0.hasSuffix(".svg") })
        let picture = try String(contentsOfFile: directory + "/" + svg, encoding: .utf8)
        #expect(picture.contains("<svg") && picture.contains("Participation"))
    }
}
