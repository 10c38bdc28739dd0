import ArgumentParser
import EcotopApp
import EcotopCore

/// `ecotop check`: the ecosystem's health as a Nagios plugin reports it, for cron, CI and
/// existing monitoring.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the ecosystem's health as a Nagios plugin: one status line, exit 0-3.",
        discussion: """
            Prints one line, `ECOTOP <STATE> - <summary> | <performance data>`, and exits 0 (OK), \
            1 (WARNING: a metric WARN or STALE, an integration unhealthy, sources of truth \
            diverging), 2 (CRITICAL: a metric CRIT or a critical integration unhealthy) or 3 \
            (UNKNOWN: no data, an unreadable store or configuration, an unreachable Prometheus; \
            the details go to stderr). --family and --metric judge only those metrics; without \
            them integrations and agreements are judged too. The statuses are the dashboard's. \
            A command line that cannot be parsed (an unknown option) exits 64 with the usage on \
            stderr, before any check.
            """)

    @OptionGroup var origin: ReportOriginOptions

    @Option(help: "Time range: 15m, 1h, 6h, 24h, 7d or 30d.", completion: .timeRanges) var range = TimeRange.oneHour.label

    @Option(help: ArgumentHelp("Judge only this family's metrics, e.g. usage (repeatable).", valueName: "id"))
    var family: [String] = []

    @Option(help: ArgumentHelp("Judge only this metric, e.g. usage.integration_error_rate (repeatable).", valueName: "id"))
    var metric: [String] = []

    func run() throws {
        let line: String, state: NagiosState
        do {
            let check = try HealthCheck(
                report: try origin.report(range: try TimeRange.argument(range)), families: family, metricIDs: metric)
            (line, state) = (check.line, check.state)
        } catch is ExitCode {
            // Thrown after the configuration's or the store's problems were printed on stderr.
            (line, state) = (HealthCheck.unknownLine("could not read the configuration or the store (details on stderr)"), .unknown)
        } catch {
            printError("ecotop check: \(TerminalText.escaped("\(error)"))")
            (line, state) = (HealthCheck.unknownLine("\(error)"), .unknown)
        }
        print(line)
        throw ExitCode(state.rawValue)
    }
}
