import ArgumentParser
import EcotopApp
import EcotopCore
import EcotopStore

/// `ecotop alerts`: the alerts recorded in the store (by `collect`, or a dashboard running the
/// collectors).
struct AlertsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "List the alerts recorded in the store.",
        discussion: """
            Open alerts are listed most severe first, then oldest first; with --state all the \
            resolved ones follow, most recently resolved first. Lines of the alerts file that \
            cannot be read are named on stderr and skipped. See docs/alerts.md.
            """)

    /// Which alerts to list.
    enum State: String, CaseIterable, ExpressibleByArgument {
        case open, all
    }

    @Option(help: ArgumentHelp("Read the store of this configuration.", valueName: "file")) var config: String?

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "open, or all (resolved ones too).") var state: State = .open

    @Option(help: "The output format.") var format: AlertsOutputFormat = .text

    func run() throws {
        let layout = try config.map { storeOptions.layout(configured: try ConfigOptions.load($0).configuration.store) } ?? storeOptions.layout
        let contents = try reportingStoreErrors { try StoredAlerts.read(layout) }
        for damaged in contents.damaged { printError("ecotop: \(damaged)") }
        let history = contents.history
        let alerts = state == .open ? history.open : history.open + history.resolved
        print(AlertsOutput(format: format, now: SystemWallClock().now()).render(alerts), terminator: "")
    }
}

extension AlertsOutputFormat: ExpressibleByArgument {}
