import ArgumentParser
import EcotopCollectors
import EcotopCore
import EcotopTerminal
import EcotopUI

#if canImport(Glibc)
import Glibc
#endif

/// `ecotop dash`: the live dashboard (also what `ecotop` alone runs).
struct DashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dash",
        abstract: "Run the live dashboard (the default command)."
    )

    @Option(help: "Configuration file (default: $XDG_CONFIG_HOME/ecotop/config.yaml; the demo runs without one).")
    var config: String?

    @Option(help: "Colour theme; `ecotop themes` lists them.")
    var theme = "dark"

    @Option(help: "Seconds between data refreshes.")
    var refresh: Double = 1

    @Flag(help: "Run on the built-in demo ecosystem even if a configuration exists.")
    var demo = false

    @Option(help: "Seed of the demo simulator.")
    var seed: UInt64 = 42

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        guard refresh >= 0.1, refresh <= 3_600 else { throw ValidationError("--refresh must be between 0.1 and 3600 seconds") }
    }

    func run() throws {
        if let config {
            throw ValidationError("configuration files are not supported yet (\(config)); run without --config for the demo")
        }
        let environment = ProcessEnvironment.current
        TerminationSignal.install()
        let screen = try TerminalScreen(allowColor: environment["NO_COLOR"].map(\.isEmpty) ?? true)
        defer { screen.restore() }
        let history = try storeOptions.history()
        var session = try DashboardSession.demo(
            seed: seed, clock: SystemWallClock(), themeName: theme,
            glyphs: screen.capabilities.isUnicode ? .unicode : .ascii, history: history, events: history as? any EventSource)
        if history != nil {
            session.recorder = try DemoRecorder.open(
                layout: storeOptions.layout, simulator: DemoSimulator(seed: seed), clock: session.clock)
        }
        defer { try? session.recorder?.close() }
        let loop = DashboardLoop(screen: screen, refreshInterval: refresh)
        let signal = loop.run(&session)
        screen.restore()
        if let signal, signal != SIGINT { throw ExitCode(128 + signal) }
    }
}
