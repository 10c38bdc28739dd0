import ArgumentParser

/// `ecotop dash`: the live dashboard.
struct DashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dash",
        abstract: "Run the live dashboard (the default command)."
    )

    func run() throws {
        print("dashboard")
    }
}
