import ArgumentParser
import EcotopApp
import EcotopCollectors
import EcotopConfig
import EcotopCore
import EcotopStore
import Foundation
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

    @OptionGroup var configOptions: ConfigOptions

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
        let environment = ProcessEnvironment.current
        let configured = try configurationToRun()
        TerminationSignal.install()
        let runtime = try configured.map { configured in
            try reportingStoreErrors {
                try CollectorRuntime(
                    configured: configured, path: configOptions.path,
                    layout: storeOptions.layout(configured: configured.configuration.store))
            }
        }
        let screen = try TerminalScreen(allowColor: environment["NO_COLOR"].map(\.isEmpty) ?? true)
        defer { screen.restore() }
        let glyphs: GlyphSet = screen.capabilities.isUnicode ? .unicode : .ascii
        var session: DashboardSession
        if let runtime {
            let reader = try reportingStoreErrors { try StoreReader(layout: runtime.layout, keepsParsedSegments: true) }
            session = try DashboardSession.configured(runtime, reader: reader, clock: SystemWallClock(), themeName: theme, glyphs: glyphs)
        } else {
            session = try demoSession(glyphs: glyphs)
        }
        defer { try? session.recorder?.close() }
        let loop = DashboardLoop(screen: screen, refreshInterval: refresh)
        let signal = loop.run(&session)
        screen.restore()
        if let runtime { try reportingStoreErrors { try runtime.stop() } }
        if let signal, signal != SIGINT { throw ExitCode(128 + signal) }
    }

    /// The configuration to run on: `--config FILE`, else the default file when it exists;
    /// nil for the demo (also with `--demo`). Problems are printed and end the command.
    private func configurationToRun() throws -> ConfiguredCollectors? {
        guard !demo else { return nil }
        guard configOptions.config != nil || FileManager.default.fileExists(atPath: configOptions.path) else { return nil }
        return try configOptions.load()
    }

    /// The built-in demo, on the store's history when it holds some.
    private func demoSession(glyphs: GlyphSet) throws -> DashboardSession {
        let history = try storeOptions.history()
        var session = try DashboardSession.demo(
            seed: seed, clock: SystemWallClock(), themeName: theme, glyphs: glyphs, history: history,
            events: history)
        if history != nil {
            session.recorder = try DemoRecorder.open(
                layout: storeOptions.layout, simulator: DemoSimulator(seed: seed), clock: session.clock)
        }
        return session
    }
}
