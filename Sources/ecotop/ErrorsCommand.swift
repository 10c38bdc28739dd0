import ArgumentParser
import EcotopApp
import EcotopCore
import EcotopEngine

/// `ecotop errors`: the levels of the errors drill-down, for scripts.
struct ErrorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "errors",
        abstract: "Print integration health and error groups, as the errors screen shows them.",
        discussion: """
            Without options it prints every integration over the range, ranked by health. \
            --integration prints one integration's codes and error groups; --group prints one \
            group (by the fingerprint the groups list shows) and its events, newest first. The \
            figures are the errors screen's; at most the last 24 hours are read.
            """)

    @OptionGroup var origin: EventOriginOptions

    @Option(help: "Time range: 15m, 1h (default), 6h, 24h, 7d or 30d.", completion: .timeRanges, transform: TimeRange.argument)
    var range: TimeRange = .oneHour

    @Option(help: ArgumentHelp("One integration, as from->to.", valueName: "id")) var integration: String?

    @Option(help: ArgumentHelp("One error group, by its fingerprint.", valueName: "fingerprint")) var group: String?

    @Option(help: "The output format.") var format: ErrorsOutputFormat = .text

    func validate() throws {
        if integration != nil, group != nil { throw ValidationError("give --integration or --group, not both") }
    }

    func run() throws {
        let (ecosystem, events, policy) = try origin.open()
        let report = try reportingStoreErrors {
            try IntegrationErrorsReport(ecosystem: ecosystem, events: events, end: SystemWallClock().now(), range: range, policy: policy)
        }
        let output = ErrorsOutput(report: report, format: format)
        if let integration {
            guard let text = output.integration(integration) else {
                let known = report.integrations.map(\.id)
                throw ValidationError(
                    "no integration '\(TerminalText.escaped(integration))'"
                        + (Suggestion.closest(to: integration, among: known).map { "; did you mean '\($0)'?" } ?? ""))
            }
            print(text, terminator: "")
        } else if let group {
            guard let text = output.group(group) else {
                throw ValidationError("no error group with fingerprint '\(TerminalText.escaped(group))' in the last \(range.label)")
            }
            print(text, terminator: "")
        } else {
            print(output.integrations(), terminator: "")
        }
    }
}

extension ErrorsOutputFormat: ExpressibleByArgument {}
