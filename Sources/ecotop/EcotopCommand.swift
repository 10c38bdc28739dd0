import ArgumentParser
import EcotopApp
import EcotopCore

#if canImport(Glibc)
import Glibc
#endif

/// The `ecotop` command: the dashboard by default, plus the tools around it.
@main
struct EcotopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecotop",
        abstract: "A terminal dashboard for the health of a digital ecosystem.",
        version: EcotopCommand.version,
        subcommands: [
            DashCommand.self, ThemesCommand.self, ScreenshotCommand.self, BenchCommand.self, IngestCommand.self, ImportCommand.self,
            QueryCommand.self, ErrorsCommand.self, EventsCommand.self, StoreCommand.self, DemoCommand.self, CollectCommand.self,
            CollectorsCommand.self, ConfigCommand.self, AnnotateCommand.self, ReviewCommand.self,
            InitCommand.self, ReportCommand.self, CheckCommand.self, ExportCommand.self, AlertsCommand.self,
            DoctorCommand.self,
        ],
        defaultSubcommand: DashCommand.self
    )

    /// The version `ecotop --version` prints.
    static let version = "0.1.0"

    /// Runs the command, first catching a misspelt subcommand (`ecotop qurey`), which would
    /// otherwise reach the default command as an unexpected argument.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let word = arguments.first, let suggestion = suggestion(for: word) {
            printError("Error: unknown command '\(TerminalText.sanitize(word))'; did you mean '\(suggestion)'?\n"
                + "Usage: ecotop <subcommand>; `ecotop --help` lists them.")
            Glibc.exit(ExitCode.validationFailure.rawValue)
        }
        await main(arguments)
    }

    /// The subcommand `word` most likely misspells; nil when it is an option, a subcommand, or
    /// close to none.
    static func suggestion(for word: String) -> String? {
        let names = configuration.subcommands.compactMap { $0.configuration.commandName }
        guard !word.hasPrefix("-"), !names.contains(word) else { return nil }
        return Suggestion.closest(to: word, among: names)
    }
}

extension TimeRange {
    /// `--range 15m|1h|6h|24h|7d|30d`, for `@Option(transform:)`: one check and one message
    /// for every command that takes a range.
    static func argument(_ text: String) throws -> TimeRange {
        guard let range = TimeRange(label: text) else {
            throw ValidationError("expected one of \(allCases.map(\.label).joined(separator: ", "))")
        }
        return range
    }
}
