import EcotopCore
@testable import EcotopStore
import EcotopTestSupport
import Foundation
import Testing

/// `ecotop doctor` as a user runs it, piped: every check on one line, FAIL sets the exit status.
@Suite struct DoctorCommandLineTests {
    let store = TemporaryStore()
    var directory: String { StoreFileSystem.directoryName(of: store.root) }
    let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Plugins/examples").path

    /// A clean environment with a known terminal type, so that the run does not depend on the runner's.
    var environment: [String: String] {
        ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "TERM": "xterm-256color", "LANG": "C.UTF-8",
         "HOME": directory, "XDG_CONFIG_HOME": directory + "/config", "XDG_DATA_HOME": directory + "/data"]
    }

    func configuration(collectors: String, extra: String = "") throws -> String {
        try store.file(named: "doctor.yaml", containing: """
            ecosystem:
              name: shop
              components:
                - {id: storefront, name: Storefront, kind: storefront, role: hub}
              integrations: []
            collectors:
            \(collectors)
            store: {path: \(directory)/store}
            \(extra)
            """)
    }

    @Test func aHealthyConfigurationPassesAndSaysItIsPiped() throws {
        let config = try configuration(collectors: """
              - name: orders
                type: exec
                interval: 1s
                argv: [\(examples)/orders.sh]
                mapping:
                  - {match: shop.orders_per_minute, metric: usage.transactions}
            """)
        #expect(try EcotopBinary.run(["collect", "--config", config, "--once"], environment: environment).status == 0)
        let run = try EcotopBinary.run(["doctor", "--config", config], environment: environment)
        #expect(run.status == 0, "\(run.output)\(run.errors)")
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("WARN terminal: standard output is not a terminal") })
        #expect(lines.contains("OK   TERM: xterm-256color"))
        #expect(lines.contains("OK   colours: 256 colours (terminfo)"))
        #expect(lines.contains { $0.hasPrefix("OK   configuration: \(config) (1 component, 0 integrations, 1 collector)") })
        #expect(lines.contains("OK   store check: no damage found"))
        #expect(lines.contains("OK   collector orders: exec: 1 record read"))
        #expect(lines.contains { $0.hasPrefix("OK   data usage.transactions: newest point ") })
        #expect(lines.last?.hasSuffix(", 0 failed") == true)
        #expect(lines.allSatisfy { ["OK   ", "WARN ", "FAIL ", "     "].contains(String($0.prefix(5))) || $0 == lines.last })
    }

    @Test func aFailingCollectorFailsTheRunWithItsSanitizedError() throws {
        let config = try configuration(collectors: """
              - name: crm
                type: exec
                interval: 1s
                argv: [sh, -c, 'printf "token \\033[31mexpired\\n" >&2; exit 3']
            """)
        let run = try EcotopBinary.run(["doctor", "--config", config], environment: environment)
        #expect(run.status == 1)
        #expect(run.output.contains("FAIL collector crm: exec: failed: token"), "\(run.output)")
        #expect(run.output.contains("expired") && !run.output.contains("\u{1B}"))
        #expect(run.output.contains("\n     hint: `ecotop collectors`"))
    }

    @Test func anUnreachablePrometheusSourceFails() throws {
        let port = try freeLoopbackPort()
        let config = try configuration(collectors: "  []", extra: "source: {type: prometheus, url: \"http://127.0.0.1:\(port)\", timeout: 2s}")
        let run = try EcotopBinary.run(["doctor", "--config", config], environment: environment)
        #expect(run.status == 1)
        #expect(run.output.contains("FAIL prometheus http://127.0.0.1:\(port): "), "\(run.output)")
        #expect(run.output.contains("WARN collectors: none configured"))
    }

    @Test func aBadConfigurationFailsWithItsPositions() throws {
        let path = try store.file(named: "bad.yaml", containing: "collectors:\n  - name: x\n    type: exec\n    argv: [x]\n    intreval: 5s\n")
        let run = try EcotopBinary.run(["doctor", "--config", path], environment: environment)
        #expect(run.status == 1)
        #expect(run.output.contains("FAIL configuration: \(path):5:5: collectors[0].intreval: unknown key 'intreval'"), "\(run.output)")
    }

    @Test func aBadKeysSectionFailsAsConfigCheckSaysAtItsPosition() throws {
        let path = try configuration(collectors: "  []", extra: "keys:\n  show_erors: E\n")
        let run = try EcotopBinary.run(["doctor", "--config", path], environment: environment)
        let check = try EcotopBinary.run(["config", "check", path], environment: environment)
        #expect(run.status == 1 && check.status != 0)
        let problem = try #require(run.output.split(separator: "\n").first { $0.hasPrefix("FAIL configuration:") }, "\(run.output)")
        #expect(problem.contains("\(path):10:3:") && problem.contains("show_erors") && (check.output + check.errors).contains("\(path):10:3:"), "\(problem)\n\(check.errors)")
    }
}
