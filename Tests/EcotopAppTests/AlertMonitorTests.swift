import EcotopApp
import EcotopConfig
import EcotopCore
import EcotopStore
import EcotopTestSupport
import Foundation
import Testing

/// The alert monitor of the process holding the store's lock: alerts recorded and continued
/// after a restart, and the `on_alert` hook run as argv with the alert in its environment.
@Suite struct AlertMonitorTests {
    let store = TemporaryStore()
    var directory: String { store.root + "-hook" }

    init() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    private let errorRate = AlertCondition(
        kind: .metric, subject: "usage.integration_error_rate", severity: .critical, value: 7.5, higherIsWorse: true,
        summary: "Integration error rate CRIT: 7.5 > 5")

    /// An executable shell script in the test's directory.
    private func script(_ name: String, _ body: String) throws -> String {
        let path = directory + "/" + name
        try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        return path
    }

    @Test func anOpenAlertContinuesAfterARestartWithItsIdAndStart() throws {
        let first = try store.writer()
        let monitor = try AlertMonitor(writer: first, settings: AlertSettings())
        #expect(try monitor.evaluate([errorRate], at: 1_000).map(\.change) == [.opened])
        try first.close()

        let second = try store.writer()
        let restarted = try AlertMonitor(writer: second, settings: AlertSettings())
        var worse = errorRate
        worse.value = 9
        let changes = try restarted.evaluate([worse], at: 1_015)
        #expect(changes.map(\.change) == [.updated])
        let alert = try #require(restarted.history.open.first)
        #expect((alert.id, alert.startedAt, alert.worstValue) == (1, 1_000, 9))
        #expect(try restarted.acknowledge(1, at: 1_020))
        #expect(try restarted.silence(1, for: 3_600, at: 1_021))
        try second.close()
        let stored = try StoredAlerts.open(inStore: store.root)
        #expect(stored.map(\.id) == [1])
        #expect(stored.first?.acknowledgedAt == 1_020 && stored.first?.silencedUntil == 4_621, "acknowledged and silenced on record")
    }

    @Test func theHookGetsTheAlertInItsEnvironmentAndItsArgumentsAsGiven() async throws {
        let dump = directory + "/env"
        let hook = try script("dump.sh", "printf '%s\\n' \"$1\" > \"$2.tmp\"; env >> \"$2.tmp\"; mv \"$2.tmp\" \"$2\"")
        let writer = try store.writer()
        defer { try? writer.close() }
        let settings = AlertSettings(hook: AlertHook(command: [hook, "$(touch \(directory)/injected)", dump], timeout: 10))
        let monitor = try AlertMonitor(writer: writer, settings: settings)
        _ = try monitor.evaluate([errorRate], at: 1_764_633_600)
        try await wait(for: "the hook to write its environment") { FileManager.default.fileExists(atPath: dump) }
        let lines = try String(contentsOfFile: dump, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.first == "$(touch \(directory)/injected)", "argv, never a shell")
        #expect(!FileManager.default.fileExists(atPath: directory + "/injected"))
        for expected in [
            "ECOTOP_ALERT_ID=1", "ECOTOP_ALERT_STATE=opened", "ECOTOP_ALERT_SEVERITY=critical", "ECOTOP_ALERT_KIND=metric",
            "ECOTOP_ALERT_SUBJECT=usage.integration_error_rate", "ECOTOP_ALERT_VALUE=7.5", "ECOTOP_ALERT_WORST_VALUE=7.5",
            "ECOTOP_ALERT_STARTED_AT=2025-12-02T00:00:00Z", "ECOTOP_ALERT_ENDED_AT=",
            "ECOTOP_ALERT_SUMMARY=Integration error rate CRIT: 7.5 > 5",
        ] {
            #expect(lines.contains(expected), "\(expected) in \(lines)")
        }
        try await wait(for: "the hook's run to be recorded") { monitor.hook?.status.state == .ok }
        #expect(monitor.hook?.status.recordsAccepted == 1)
    }

    @Test func aHookPastItsTimeoutIsKilledAndItsFailureShown() async throws {
        let pidFile = directory + "/pid"
        let hook = try script("slow.sh", "echo $$ > \(pidFile).tmp && mv \(pidFile).tmp \(pidFile) && exec sleep 300")
        let writer = try store.writer()
        defer { try? writer.close() }
        let monitor = try AlertMonitor(writer: writer, settings: AlertSettings(hook: AlertHook(command: [hook], timeout: 0.5)))
        _ = try monitor.evaluate([errorRate], at: 1_000)
        try await wait(for: "the hook to fail") { monitor.hook?.status.state == .failing }
        let status = try #require(monitor.hook?.status)
        #expect(status.lastError?.hasPrefix("alert 1: timed out after 0.5 s; killed by signal") == true, "\(status)")
        #expect(status.recordsRejected == 1)
        let pid = try #require(Int32(try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(pid, 0) == -1 && errno == ESRCH, "the hook's process is gone")
    }

    @Test func aHookThatCannotStartOrFailsIsShownWithWhy() async throws {
        let failing = try script("fail.sh", "echo 'no route to pager' >&2; exit 3")
        let writer = try store.writer()
        defer { try? writer.close() }
        let monitor = try AlertMonitor(writer: writer, settings: AlertSettings(hook: AlertHook(command: [failing])))
        _ = try monitor.evaluate([errorRate], at: 1_000)
        try await wait(for: "the hook to fail") { monitor.hook?.status.state == .failing }
        #expect(monitor.hook?.status.lastError == "alert 1: no route to pager (exited with status 3)")

        monitor.configure(AlertSettings(hook: AlertHook(command: [directory + "/missing"])))
        _ = try monitor.evaluate([], at: 2_000)
        try await wait(for: "the missing hook to fail") { monitor.hook?.status.state == .failing }
        #expect(monitor.hook?.status.lastError?.contains("cannot run \(directory)/missing") == true)
    }
}
