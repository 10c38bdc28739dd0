import EcotopCore
import EcotopStore
import EcotopTestSupport
import Foundation
import Testing

/// `ecotop errors` and `ecotop events` over a store written by hand, whose error messages try
/// to act on the terminal: exact figures, and the hostile text shown escaped in every format.
@Suite struct ErrorsCommandLineTests {
    let now = Date().timeIntervalSince1970.rounded(.down)
    let fixture: HostileErrorsStore

    init() throws {
        fixture = try HostileErrorsStore(now: now)
    }

    private func run(_ arguments: [String]) throws -> String {
        let run = try EcotopBinary.run(arguments + ["--config", fixture.configuration])
        #expect(run.status == 0, "ecotop \(arguments.joined(separator: " ")) failed: \(run.errors)")
        #expect(!run.output.unicodeScalars.contains { Self.actsOnTheTerminal($0) }, "raw control characters in \(arguments)")
        return run.output
    }

    /// C0 controls but the line feed, DEL, C1 controls and bidirectional overrides and embeddings.
    private static func actsOnTheTerminal(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n") || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
    }

    /// The last error is 15 minutes before `now`; 6 errors are retryable (503, ETIMEDOUT, 500)
    /// and the 4 declined cards permanent.
    private var lastError: String { TimeExpression.rfc3339(now - 900) }

    @Test func errorsRanksTheFailingIntegrationFirstWithItsExactFiguresInJSONAndCSV() throws {
        let csv = try run(["errors", "--format", "csv"]).split(separator: "\n")
        #expect(csv.first == "integration,state,critical,calls,failures,failure_rate,p95_ms,last_error,retryable,permanent")
        #expect(csv.dropFirst().first.map(String.init) == "storefront->payments,unhealthy,yes,40,10,25,120,\(lastError),6,4")
        #expect(csv.dropFirst(2).first.map(String.init) == "storefront->crm,silent,no,,0,,,,0,0")
        #expect(csv.count == 3)

        let json = try run(["errors", "--format", "json"])
        #expect(
            json.contains(
                #"{"integration":"storefront->payments","state":"unhealthy","critical":true,"calls":40,"failures":10,"failure_rate":25,"p95_ms":120,"#
            ), "\(json)")
        #expect(json.contains(#""retryable":6,"permanent":4,"#))
        #expect(json.contains(#""funnel":{"attempted":40,"failed":10,"retried":3,"delivered":30}}"#), "\(json)")
    }

    @Test func anIntegrationsGroupsShowTheHostileTemplatesEscaped() throws {
        let csv = try run(["errors", "--integration", HostileErrorsStore.integration, "--format", "csv"]).split(separator: "\n")
        #expect(csv.count == 5, "a header and four groups: \(csv)")
        let groups = csv.dropFirst().map { $0.split(separator: ",", maxSplits: 7).map(String.init) }
        #expect(groups.map { $0[2] } == ["402", "503", "ETIMEDOUT", "500"])
        #expect(groups.map { $0[3] } == ["4", "3", "2", "1"])
        #expect(groups.map { $0[7] } == [
            #"card declined \x1b[2J for order <num>"#, #"gateway said \x1b]0;pwned\x07 to <id>"#,
            #"connection reset \u{202E}txt.exe\u{202C} with bell \x07 after <num>"#, HostileErrorsStore.longLine,
        ])

        let json = try run(["errors", "--integration", HostileErrorsStore.integration, "--format", "json"])
        #expect(json.contains(#""template":"gateway said \u001b]0;pwned\u0007 to <id>""#), "\(json)")
        #expect(json.contains(#""template":"connection reset \u202etxt.exe\u202c with bell \u0007 after <num>""#), "\(json)")
    }

    @Test func eventsPrintsEveryErrorWholeAndEscapedAsCSV() throws {
        let csv = try run(["events", "--integration", HostileErrorsStore.integration, "--kind", "error", "--format", "csv", "--from", "-2h"])
        let lines = csv.split(separator: "\n")
        #expect(lines.first == "ts,kind,integration,code,latency_ms,message,attributes")
        #expect(lines.count == 11, "a header and ten errors")
        let errors = fixture.events.filter { $0.kind == .error }
        for (line, event) in zip(lines.dropFirst(), errors) {
            #expect(line == "\(TimeExpression.rfc3339(event.timestamp)),error,\(event.integration),\(event.code),,\(TerminalText.escaped(event.message)),{}")
        }
        #expect(csv.contains(#"card declined \x1b[2J for order 1003"#))
        #expect(csv.contains(#"gateway said \x1b]0;pwned\x07 to ord_1002"#))
        #expect(csv.contains(#"connection reset \u{202E}txt.exe\u{202C} with bell \x07 after 1001"#))
        #expect(lines.contains { $0.hasSuffix(",huge body " + String(repeating: "x", count: 10_000) + ",{}") })
    }
}
