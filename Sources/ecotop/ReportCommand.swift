import ArgumentParser
import EcotopApp
import EcotopCore

/// `ecotop report`: the dashboard's figures over a range, for a mail, a wiki or a script.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the ecosystem's health over a range, as the dashboard shows it.",
        discussion: """
            Health per family and metric (status, value, change against the range before, and \
            coverage: the share of the range that has data), the failing integrations with their \
            error groups, the stale sources and the divergent sources of truth. The figures are \
            the dashboard's for the same range, data and moment. Without --config or --store it \
            reads the demo (its store at the default location, if there is one).
            """)

    @OptionGroup var origin: ReportOriginOptions

    @Option(help: "Time range: 15m, 1h (default), 6h, 24h, 7d or 30d.", completion: .timeRanges, transform: TimeRange.argument)
    var range: TimeRange = .oneHour

    @Option(help: "The output format.") var format: ReportFormat = .text

    func run() throws {
        let report = try reportingLoadErrors { try origin.report(range: range) }
        print(ReportOutput(report: report).render(format), terminator: "")
    }
}

/// Runs `body`, turning a failed read (an unreadable store, an unreachable Prometheus) into a
/// message on stderr and exit status 1.
func reportingLoadErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try reportingStoreErrors(body)
    } catch let failure as LoadFailure {
        printError("ecotop: \(TerminalText.escaped(failure.description))")
        throw ExitCode.failure
    }
}

extension ReportFormat: ExpressibleByArgument {}
