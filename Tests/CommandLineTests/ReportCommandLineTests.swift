import EcotopCore
import EcotopTestSupport
import Foundation
import Testing

/// `ecotop report` through the binary: the failing integration of a store written by hand with
/// its error groups in every format, hostile messages escaped, and the same figures in each.
@Suite struct ReportCommandLineTests {
    static let now = 1_700_000_040.0
    /// Just after the last error of `HostileErrorsStore`, so the health window holds all ten
    /// errors and fifteen deliveries: the critical integration is unhealthy.
    static let time = String(Int(now) - 899)

    static func report(_ errors: HostileErrorsStore, _ format: String) throws -> EcotopBinary.Run {
        try EcotopBinary.run(["report", "--config", errors.configuration, "--time", time, "--format", format])
    }

    @Test func aFailingIntegrationIsListedWithItsGroupsAndHostileTextIsEscaped() throws {
        let errors = try HostileErrorsStore(now: Self.now)
        let text = try Self.report(errors, "text")
        #expect(text.status == 0, "\(text.errors)")
        let lines = text.output.split(separator: "\n")
        let integration = try #require(lines.first { $0.hasPrefix(HostileErrorsStore.integration + " ") }, "\(text.output)")
        #expect(integration.split(separator: " ", omittingEmptySubsequences: true).prefix(4) == ["storefront->payments", "unhealthy", "unhealthy", "yes"])
        #expect(text.output.contains("capped by unhealthy storefront->payments"))
        #expect(lines.filter { $0.hasPrefix(HostileErrorsStore.integration + "  ") }.count == 1 + 3, "the integration and its three largest groups")
        for output in [text.output, try Self.report(errors, "markdown").output, try Self.report(errors, "json").output] {
            #expect(!output.unicodeScalars.contains { TerminalText.isControl($0) && $0 != "\n" }, "\(output)")
        }
        #expect(text.output.contains("card declined \\x1b[2J for order <num>"), "\(text.output)")
    }

    @Test func markdownAndJSONCarryTheTextReportsFigures() throws {
        let errors = try HostileErrorsStore(now: Self.now)
        let markdown = try Self.report(errors, "markdown")
        #expect(markdown.status == 0 && markdown.output.hasPrefix("# Ecotop report: Hostile shop\n"), "\(markdown.output)")
        let row = try #require(markdown.output.split(separator: "\n").first { $0.hasPrefix("| storefront->payments | unhealthy") })
        #expect(row.split(separator: "|").count == 7, "7 cells, none split by text: \(row)")
        #expect(markdown.output.contains("\\\\x1b"), "escapes stay visible in the rendered Markdown")

        let json = try Self.report(errors, "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let failing = try #require(object["failing_integrations"] as? [[String: Any]])
        #expect(failing.first?["integration"] as? String == HostileErrorsStore.integration && failing.first?["now"] as? String == "unhealthy")
        #expect((failing.first?["failures"] as? Int) == 10 && (failing.first?["groups"] as? [Any])?.count == 3)
        let metrics = try #require(object["metrics"] as? [[String: Any]])
        #expect(metrics.count == 20 && metrics.allSatisfy { $0["status"] as? String == "N/A" && $0["value"] is NSNull })
    }

    @Test func anUnhealthyCriticalIntegrationIsCriticalUnlessTheCheckIsScopedToMetrics() throws {
        let errors = try HostileErrorsStore(now: Self.now)
        let run = try EcotopBinary.run(["check", "--config", errors.configuration, "--time", Self.time])
        #expect(run.status == 2 && run.output.hasPrefix("ECOTOP CRITICAL - 1 integration unhealthy (storefront->payments) | "), "\(run.output)")
        let scoped = try EcotopBinary.run(["check", "--config", errors.configuration, "--time", Self.time, "--family", "usage"])
        #expect(scoped.status == 3 && scoped.output.hasPrefix("ECOTOP UNKNOWN - no data for 5 metrics in the last 1h | "), "\(scoped.output)")
    }
}
