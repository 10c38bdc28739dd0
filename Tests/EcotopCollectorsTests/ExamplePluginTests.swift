import EcotopConfig
import EcotopCore
import Testing
@testable import EcotopCollectors

/// Plugins/examples run as real subprocesses, as configured in their README.
@Suite struct ExamplePluginTests {
    let examples = PluginScripts.examples

    @Test func theShellOneShotPrintsInfluxAndJSONLines() async throws {
        let collector = ExecCollector(
            name: "orders", argv: [examples + "/orders.sh"], environment: ["ORDERS_PER_MINUTE": "17", "SHOP": "us"],
            mapping: OutputMapping(rules: SeriesMapping(rules: [
                SeriesMappingRule(selector: try SeriesSelector(parsing: "shop.orders_per_minute"), metricID: "usage.transactions"),
                SeriesMappingRule(selector: try SeriesSelector(parsing: "usage.active_users"), metricID: "usage.active_users"),
            ])))
        let result = try await collector.collect(at: 1_700_000_000)
        #expect(result.failure == nil && result.rejected == 0)
        let values = Dictionary(uniqueKeysWithValues: result.samples.map { ($0.key.name, $0.value) })
        #expect(values == ["usage.transactions": 17, "usage.active_users": 2600])
        #expect(result.samples.allSatisfy { $0.key[label: "shop"] == "us" })
    }

    @Test func theShellOneShotFailsWithItsStderrMessage() async throws {
        let collector = ExecCollector(name: "orders", argv: [examples + "/orders.sh"], environment: ["ORDERS_PER_MINUTE": "lots"])
        let result = try await collector.collect(at: 1_700_000_000)
        #expect(result.samples.isEmpty)
        #expect(result.failure == "ORDERS_PER_MINUTE must be a whole number, not 'lots' (exited with status 2)")
    }

    @Test func thePythonDaemonAnswersEachNewlineAndExitsAtEOF() async throws {
        let daemon = DaemonCollector(
            name: "portal", argv: ["python3", examples + "/partner_daemon.py"], environment: ["PARTNERS": "51"], timeout: 5,
            settle: 0.1)
        let first = try await daemon.collect(at: 1)
        let second = try await daemon.collect(at: 2)
        #expect(first.samples.first { $0.key.name == "participation.active_partners" }?.value == 51)
        let survey = first.samples.filter { $0.key.name == "qualitative.partner_satisfaction" }
        #expect(survey.compactMap { $0.key[label: "partner"] }.sorted() == ["bundle-works", "trailshare"])
        #expect(survey.allSatisfy { $0.key[label: "component"] != nil })
        #expect(first.samples.first { $0.key.name == "partner_daemon.collections" }?.value == 1)
        #expect(second.samples.first { $0.key.name == "partner_daemon.collections" }?.value == 2)
        #expect(daemon.starts == 1)
        // EOF on stdin is the request to exit: it exits by itself, with no signal.
        await daemon.stop()
        #expect(daemon.lastExit == .exited(0))
    }
}
