import Dispatch
import EcotopApp
import EcotopCollectors
import EcotopCore
import EcotopTerminal
import EcotopTestSupport
import EcotopUI
import Foundation
import Synchronization
import Testing

/// A changed `keys:` is taken up while the dashboard runs, as the rest of the configuration
/// is; one the key map refuses is reported where it is written and the keys in force stay.
@Suite struct KeyReloadLoopTests {
    private func configuration(keys: String) -> String {
        "ecosystem: {name: Shop}\ncollectors: []\nkeys:\n  show_errors: \(keys)\n"
    }

    @Test func aReloadAppliesNewKeysAndReportsBadOnesKeepingTheKeysInForce() throws {
        let store = TemporaryStore()
        let path = store.root + ".config.yaml"
        try configuration(keys: "E").write(toFile: path, atomically: true, encoding: .utf8)
        let runtime = try CollectorRuntime(
            configured: try ConfiguredCollectors.load(path, checks: KeyMap.problems(of:)), path: path, layout: store.layout,
            checks: KeyMap.problems(of:))
        let loader = DataLoader.configured(runtime, reader: try store.reader())
        let session = loader.status
        let refresher = Refresher(loader: loader)
        let terminal = ScriptedTerminal(size: Size(width: 160, height: 40))
        let themes = try ThemeCatalog.builtIn().themes
        let loop = DashboardLoop(
            device: terminal, refresher: refresher, clock: SystemWallClock(), refreshInterval: 0.1,
            appearance: Appearance(themes: themes))
        let stopping = Atomic<Bool>(false)
        let ended = DispatchSemaphore(value: 0)
        DispatchQueue(label: "loop").async {
            var model = AppModel(session: session, now: SystemWallClock().now(), themeNames: themes.map(\.name))
            _ = loop.run(&model, stop: { stopping.load(ordering: .relaxed) ? SIGTERM : nil })
            ended.signal()
        }
        defer {
            stopping.store(true, ordering: .relaxed)
            ended.wait()
            try? refresher.close()
        }
        /// Waits for a frame drawn after `start` that satisfies `condition`; returns its text.
        @discardableResult
        func waitForFrame(after start: Double, _ what: String, _ condition: @escaping (String) -> Bool) throws -> String {
            try wait(for: what, timeout: .seconds(10)) { terminal.frame(after: start, where: condition) != nil }
            return try #require(terminal.frame(after: start, where: condition)).text
        }
        @discardableResult
        func press(_ key: Key, until what: String, _ condition: @escaping (String) -> Bool) throws -> String {
            try waitForFrame(after: terminal.type(key), what, condition)
        }
        func rewrite(keys: String, until text: String) throws {
            let start = ScriptedTerminal.monotonicNow()
            try configuration(keys: keys).write(toFile: path, atomically: true, encoding: .utf8)
            try waitForFrame(after: start, "a frame showing \(text)") { $0.contains(text) }
        }
        let errorsScreen = { (text: String) in text.contains("╭─ Errors ") }

        try wait(for: "the first frame") { terminal.frameCount > 0 }
        try press(.character("E"), until: "E to open the errors screen", errorsScreen)
        try press(.escape, until: "the dashboard again") { !errorsScreen($0) }

        try rewrite(keys: "X", until: "configuration reloaded")
        try press(.character("X"), until: "X, the reloaded key, to open the errors screen", errorsScreen)
        try press(.escape, until: "the dashboard again") { !errorsScreen($0) }

        try rewrite(keys: "ctrl-", until: "config error (c)")
        let collectors = try press(.character("c"), until: "the collectors screen to show the problem") { $0.contains("keys.show_errors") }
        #expect(collectors.contains("\(path):4:16: keys.show_errors: 'ctrl-' is not a key"), "where it is written: \(collectors)")
        try press(.escape, until: "the dashboard again") { !$0.contains("\(path):4:16") }
        try press(.character("X"), until: "X, the key still in force, to open the errors screen", errorsScreen)
    }
}
