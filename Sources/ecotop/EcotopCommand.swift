import ArgumentParser

/// The `ecotop` command: the dashboard by default, plus the tools around it.
@main
struct EcotopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecotop",
        abstract: "A terminal dashboard for the health of a digital ecosystem.",
        version: EcotopVersion.current,
        subcommands: [
            DashCommand.self, ThemesCommand.self, ScreenshotCommand.self, BenchCommand.self, IngestCommand.self, ImportCommand.self,
            QueryCommand.self, StoreCommand.self, DemoCommand.self, CollectCommand.self, CollectorsCommand.self, ConfigCommand.self,
            InitCommand.self,
        ],
        defaultSubcommand: DashCommand.self
    )
}
