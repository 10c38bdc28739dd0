import EcotopTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// The dashboard on a configuration: real plugins collecting into a real store, live reload.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"), .serialized)
struct ConfiguredDashboardEndToEndTests {
    /// Plugins/examples, next to this package's Tests/.
    static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Plugins/examples").path

    static func configuration(interval: String = "1s") -> String {
        """
        ecosystem:
          name: E2E shop
          components:
            - {id: storefront, name: Storefront, kind: storefront, role: hub}
            - {id: payments, name: Payments, kind: payments, role: endpoint}
          integrations:
            - {from: storefront, to: payments, protocol: api, critical: true}
        collectors:
          - name: orders
            type: exec
            interval: \(interval)
            argv: [\(examples)/orders.sh]
            env: {SHOP: eu, ORDERS_PER_MINUTE: "420"}
            mapping:
              - {match: shop.orders_per_minute, metric: usage.transactions}
          - name: failing
            type: exec
            interval: \(interval)
            argv: [sh, -c, 'echo "token expired" >&2; exit 3']

        """
    }

    @Test func collectsShowsCollectorHealthAndReloadsTheConfiguration() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ecotop-e2e-config-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("config.yaml")
        try Self.configuration().write(to: config, atomically: true, encoding: .utf8)
        let store = directory.appendingPathComponent("store").path

        let session = try TmuxSession(arguments: ["--config", config.path, "--store", store], width: 160, height: 40)
        // The exec plugin's orders per minute reach the Usage pane; the failing one is counted.
        let collected = try await session.waitForScreen(showing: "420/min", "collector failing", timeout: .seconds(20))
        #expect(collected.contains("E2E shop"))
        #expect(collected.contains("1 collector failing (c)"), "\(collected)")

        try session.send("c")
        try await session.waitForScreen(showing: "FAILING", "token expired", timeout: .seconds(20))

        try Self.configuration().replacingOccurrences(of: "interval:", with: "intervall:")
            .write(to: config, atomically: true, encoding: .utf8)
        let rejected = try await session.waitForScreen(showing: "config error", timeout: .seconds(20))
        #expect(rejected.contains("did you mean 'interval'?"), "\(rejected)")
        #expect(rejected.contains("orders") && !rejected.contains("FAILING  orders"), "the running configuration stays in force")

        try Self.configuration(interval: "2s").write(to: config, atomically: true, encoding: .utf8)
        let reloaded = try await session.waitForScreen(showing: "configuration reloaded", timeout: .seconds(20))
        #expect(!reloaded.contains("config error"), "\(reloaded)")

        try session.send("q")
        #expect(try await session.exitStatus() == 0)
        let lock = try String(contentsOfFile: store + "/LOCK", encoding: .utf8)
        #expect(lock.contains("clean"), "the store was closed cleanly: \(lock)")
    }

    @Test func aReloadTakesUpNewKeysAndReportsBadOnes() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ecotop-e2e-keys-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("config.yaml")
        func write(keys: String) throws {
            try "ecosystem: {name: Keyed shop}\ncollectors: []\nkeys:\n  show_errors: \(keys)\n".write(to: config, atomically: true, encoding: .utf8)
        }
        try write(keys: "E")
        let session = try TmuxSession(
            arguments: ["--config", config.path, "--store", directory.appendingPathComponent("store").path], width: 160, height: 40)
        try await session.waitForScreen(showing: "Keyed shop")

        try write(keys: "X")
        try await session.waitForScreen(showing: "configuration reloaded", timeout: .seconds(20))
        try session.send("X")
        try await session.waitForScreen(showing: "╭─ Errors ")
        try session.send("Escape")
        try await session.waitForScreen("the dashboard again") { !$0.contains("╭─ Errors ") }

        try write(keys: "ctrl-")
        try await session.waitForScreen(showing: "config error (c)", timeout: .seconds(20))
        try session.send("c")
        try await session.waitForScreen(showing: "config.yaml:4:16: keys.show_errors: 'ctrl-' is not a key")
        try session.send("Escape")
        try await session.waitForScreen("the dashboard again") { !$0.contains("4:16") }
        try session.send("X")
        try await session.waitForScreen(showing: "╭─ Errors ")

        try session.send("q")
        #expect(try await session.exitStatus() == 0)
    }
}

/// Quitting restores the terminal at once, even while a daemon plugin takes its whole grace
/// period to stop; the plugin is still stopped before Ecotop exits.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"), .serialized)
struct QuitWhileStoppingEndToEndTests {
    @Test func quitRestoresTheTerminalWithin1sAndStillStopsAStubbornDaemon() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ecotop-e2e-quit-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let pidFile = directory.appendingPathComponent("daemon.pid").path
        let config = directory.appendingPathComponent("config.yaml")
        try """
            ecosystem: {name: Stubborn shop}
            collectors:
              - name: stubborn
                type: daemon
                interval: 1s
                argv: [sh, -c, 'trap "" TERM; echo $$ > \(pidFile); while :; do sleep 0.1; done']
            """.write(to: config, atomically: true, encoding: .utf8)
        let session = try TmuxSession(
            arguments: ["--config", config.path, "--store", directory.appendingPathComponent("store").path], width: 120, height: 40)
        try await session.waitForScreen(showing: "Stubborn shop", timeout: .seconds(20))
        let daemon = try #require(Int32(try await writtenLine(at: pidFile, timeout: .seconds(20))), "the daemon plugin wrote no pid")

        try session.send("q")
        let sent = ContinuousClock.now
        try await wait(for: "the terminal to be restored", timeout: .seconds(5)) { try !session.isAlternateScreenOn() }
        let restoredAfter = ContinuousClock.now - sent
        #expect(restoredAfter < .seconds(1), "the terminal was restored after \(restoredAfter)")
        #expect(try await session.exitStatus(timeout: .seconds(20)) == 0)
        #expect(kill(daemon, 0) != 0, "the daemon plugin (pid \(daemon)) outlived Ecotop")
    }
}
