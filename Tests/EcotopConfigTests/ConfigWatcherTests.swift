import Foundation
import Testing
@testable import EcotopConfig

/// A changed file is reloaded; a changed file with errors is rejected and the old one kept.
@Suite struct ConfigWatcherTests {
    @Test func reloadsOnChangeAndKeepsTheOldConfigurationWhenTheNewOneIsInvalid() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ecotop-watch-\(UUID()).yaml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ConfigFile.save(StarterConfig.text, to: path, overwrite: false)
        let watcher = ConfigWatcher(path: path, current: try ConfigFile.load(path)) { path throws(ConfigErrors) in try ConfigFile.load(path) }
        guard case .unchanged = watcher.poll() else { Issue.record("an untouched file must not reload"); return }

        try ConfigFile.save(StarterConfig.text.replacingOccurrences(of: "name: My shop", with: "name: Renamed"), to: path, overwrite: true)
        guard case .reloaded(let reloaded) = watcher.poll() else { Issue.record("a changed file must reload"); return }
        #expect(reloaded.ecosystem.name == "Renamed")

        try ConfigFile.save(StarterConfig.text.replacingOccurrences(of: "interval: 1m\n    timeout", with: "interval: often\n    timeout"), to: path, overwrite: true)
        guard case .rejected(let errors) = watcher.poll() else { Issue.record("an invalid file must be rejected"); return }
        #expect(errors.diagnostics.map(\.field) == ["collectors[0].interval"])
        #expect(watcher.current.ecosystem.name == "Renamed")
        guard case .unchanged = watcher.poll() else { Issue.record("a rejected file is not retried until it changes"); return }
        guard case .rejected = watcher.reload() else { Issue.record("a forced reload reads the file again"); return }
    }

    @Test func initRefusesToOverwriteWithoutForce() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ecotop-init-\(UUID())/sub/config.yaml").path
        try ConfigFile.save("a: 1\n", to: path, overwrite: false)
        #expect(throws: ConfigFile.ReadError.self) { try ConfigFile.save("b: 2\n", to: path, overwrite: false) }
        try ConfigFile.save("b: 2\n", to: path, overwrite: true)
        #expect(try ConfigFile.contents(of: path) == "b: 2\n")
    }
}
