import EcotopCore
import EcotopStore
import EcotopTestSupport
import Foundation
import Testing

/// `ecotop collect` raising alerts headless, from what its collectors report.
@Suite struct AlertsCommandLineTests {
    let store = TemporaryStore()
    var directory: String { store.root + "-alerts" }

    init() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    /// A configuration whose plugin reports an integration error rate of `rate` percent (the
    /// catalog's critical threshold is 5) and whose hook writes its environment to `env`.
    func configuration(rate: Double) throws -> String {
        let plugin = directory + "/plugin.sh"
        try """
            #!/bin/sh
            printf '{"ts":%s,"name":"usage.integration_error_rate","value":\(rate)}\\n' "$(date +%s)"
            """.write(toFile: plugin, atomically: true, encoding: .utf8)
        let hook = directory + "/hook.sh"
        try "#!/bin/sh\nenv > \"$1.tmp\" && mv \"$1.tmp\" \"$1\"\n".write(toFile: hook, atomically: true, encoding: .utf8)
        for path in [plugin, hook] { chmod(path, 0o755) }
        let path = directory + "/collect.yaml"
        try """
            ecosystem: {components: [{id: shop}]}
            collectors:
              - {name: plugin, type: exec, interval: 1s, argv: [\(plugin)]}
            store: {path: \(store.root)}
            alerts:
              on_alert: {command: [\(hook), \(directory)/env], timeout: 5s}
            """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func collectOnceRaisesAnAlertRunsTheHookAndTheNextRunContinuesIt() throws {
        let config = try configuration(rate: 7.5)
        let first = try EcotopBinary.run(["collect", "--config", config, "--once"])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.errors.contains("ecotop: alert 1 opened: CRIT Error rates in integrations: 7.50% > 5.00%"), "\(first.errors)")
        let environment = try String(contentsOfFile: directory + "/env", encoding: .utf8)
        #expect(environment.contains("ECOTOP_ALERT_STATE=opened\n") && environment.contains("ECOTOP_ALERT_VALUE=7.5\n"), "\(environment)")

        let second = try EcotopBinary.run(["collect", "--config", config, "--once"])
        #expect(second.status == 0)
        #expect(!second.errors.contains("opened"), "the alert goes on: \(second.errors)")
        let contents = try AlertLog.read(store.layout)
        #expect(contents.damaged.isEmpty)
        #expect(contents.history.alerts.count == 1)
        #expect(contents.history.open.first?.subject == "usage.integration_error_rate")

        let listed = try EcotopBinary.run(["alerts", "--config", config])
        #expect(listed.status == 0)
        let lines = listed.output.split(separator: "\n")
        #expect(lines.first?.hasPrefix("ID  STATE  SEVERITY  KIND    SUBJECT") == true, "\(listed.output)")
        #expect(lines.count == 2 && lines[1].hasPrefix("1   open   CRIT      metric  usage.integration_error_rate"), "\(listed.output)")
        let json = try EcotopBinary.run(["alerts", "--store", store.root, "--state", "all", "--format", "json"])
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        #expect(objects.count == 1)
        #expect(objects.first?["state"] as? String == "open")
        #expect(objects.first?["worst_value"] as? Double == 7.5)
        #expect(objects.first?["ended_at"] is NSNull)

        // `report` lists the same open alert, read through the dashboard's loader.
        let report = try EcotopBinary.run(["report", "--config", config, "--format", "json"])
        #expect(report.status == 0, "\(report.errors)")
        let reported = try #require(try JSONSerialization.jsonObject(with: Data(report.output.utf8)) as? [String: Any])
        let alerts = try #require(reported["open_alerts"] as? [[String: Any]], "\(report.output)")
        #expect(alerts.count == 1 && alerts.first?["severity"] as? String == "CRIT", "\(alerts)")
        #expect(alerts.first?["subject"] as? String == "usage.integration_error_rate" && alerts.first?["worst_value"] as? Double == 7.5)
        let text = try EcotopBinary.run(["report", "--config", config])
        #expect(text.output.contains("OPEN ALERTS") && text.output.contains("Error rates in integrations: 7.50% > 5.00%"), "\(text.output)")
    }

    @Test func collectEvaluatesWhileItRunsAndStopsOnSIGTERM() async throws {
        let config = try configuration(rate: 9)
        let errorsPath = directory + "/stderr"
        let errors = open(errorsPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        let child = try ChildProcess([try EcotopBinary.path, "collect", "--config", config], standardError: errors)
        close(errors)
        defer { if !child.hasEnded { child.signal(SIGKILL); _ = child.waitForExit() } }
        let printed = { (try? String(contentsOfFile: errorsPath, encoding: .utf8)) ?? "" }
        // The first evaluation may come before the plugin's first run; the next is 15 s later.
        try await wait(for: "collect to raise the alert; it printed: \(printed())") {
            printed().contains("ecotop: alert 1 opened: CRIT Error rates in integrations: 9.00% > 5.00%")
        }
        try await wait(for: "the hook to run") { FileManager.default.fileExists(atPath: directory + "/env") }
        child.signal(SIGTERM)
        #expect(child.waitForExit() == .exited(0))
        #expect(try AlertLog.read(store.layout).history.open.map(\.worstValue) == [9])
    }

    @Test func configCheckWarnsOfAHookThatCannotBeFound() throws {
        let path = directory + "/hook.yaml"
        try "ecosystem: {}\nalerts:\n  on_alert: {command: [ecotop-no-such-hook-xyz, --now]}\n".write(toFile: path, atomically: true, encoding: .utf8)
        let check = try EcotopBinary.run(["config", "check", path])
        #expect(check.status == 0)
        #expect(check.errors.contains("warning: alerts.on_alert.command: no executable 'ecotop-no-such-hook-xyz' on PATH"), "\(check.errors)")
    }

    @Test func aDamagedAlertsFileIsNamedAndCollectGoesOn() throws {
        let config = try configuration(rate: 0.5)
        try store.writer().close()
        try store.write("alerts.jsonl", Array("not a record\n".utf8))
        let run = try EcotopBinary.run(["collect", "--config", config, "--once"])
        #expect(run.status == 0)
        #expect(run.errors.contains("ecotop: \(store.root)/alerts.jsonl:1: not an alert record; skipped"), "\(run.errors)")
        #expect(!run.errors.contains("alert 1 opened"), "0.5 % is within the thresholds")
        #expect(try store.bytes("alerts.jsonl") == Array("not a record\n".utf8), "the damaged line is kept as it was")
    }
}
