import ArgumentParser

/// The `ecotop` command: the dashboard by default, plus the tools around it.
@main
struct EcotopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecotop",
        abstract: "A terminal dashboard for the health of a digital ecosystem.",
        version: EcotopVersion.current,
        subcommands: [
            DashCommand.self, ThemesCommand.self, ScreenshotCommand.self, BenchCommand.self, IngestCommand.self, ImportCommand.self, QueryCommand.self,
            StoreCommand.self, DemoCommand.self,
        ],
        defaultSubcommand: DashCommand.self
    )
}
