import ArgumentParser
import EcotopApp
import EcotopCollectors
import EcotopConfig
import EcotopCore
import EcotopStore
import EcotopTerminal
import EcotopUI
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `ecotop dash`: the live dashboard (also what `ecotop` alone runs).
///
/// Everything that can be checked is checked before anything starts: the configuration, the
/// theme, the terminal. Only then are the store opened and the collectors started, and every
/// way out (quit, a signal, an error) restores the terminal first and then stops them.
struct DashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dash",
        abstract: "Run the live dashboard (the default command)."
    )

    @OptionGroup var configOptions: ConfigOptions

    @Option(help: "Colour theme; `ecotop themes` lists them.", completion: .themeNames)
    var theme = "dark"

    @Option(help: "Seconds between data refreshes.")
    var refresh: Double = 1

    @Flag(help: "Run on the built-in demo ecosystem even if a configuration exists.")
    var demo = false

    @Option(help: "Seed of the demo simulator.")
    var seed: UInt64 = 42

    @Flag(help: "Show times in UTC rather than the local time zone (TZ).")
    var utc = false

    @Flag(help: "Start with the overlay of frame timings and memory shown (F12 toggles it).")
    var debug = false

    @Flag(help: "Leave the mouse to the terminal (its own text selection) instead of clicks and the wheel.")
    var noMouse = false

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var listenOptions: ListenOptions

    @OptionGroup var sourceOptions: SourceOptions

    func validate() throws {
        guard refresh >= 0.1, refresh <= 3_600 else { throw ValidationError("--refresh must be between 0.1 and 3600 seconds") }
    }

    func run() throws {
        try run(openingReview: nil)
    }

    /// Runs the dashboard, with `review` open over it when given (`ecotop review`): finishing
    /// that review then ends the dashboard.
    func run(openingReview review: ReviewModel.Start?) throws {
        let configured = try configurationToRun()
        if listenOptions.listen != nil, configured == nil {
            throw ValidationError("--listen serves what configured collectors write; give a configuration (--config FILE) rather than the demo")
        }
        listenOptions.warnIfPublic()
        let themes = try ThemeCatalog.load(userDirectory: ThemeCatalog.userDirectory(environment: ProcessEnvironment.current))
        let themeIndex: Int
        do {
            themeIndex = try themes.index(ofTheme: theme)
        } catch {
            throw ValidationError(error.description)
        }
        TerminationSignal.install()
        let signal = try reportingStoreErrors {
            try runOnTerminal(configured: configured, themes: themes, themeIndex: themeIndex, review: review)
        }
        if let signal, signal != SIGINT { throw ExitCode(128 + signal) }
    }

    /// Sets up the terminal, starts the data side, runs the loop; the terminal is restored
    /// before any error or the collectors' stop is reported.
    private func runOnTerminal(
        configured: ConfiguredCollectors?, themes: ThemeCatalog, themeIndex: Int, review: ReviewModel.Start?
    ) throws -> Int32? {
        let screen = try TerminalScreen(environment: ProcessEnvironment.current, mouse: !noMouse)
        var screenIsActive = true
        defer { if screenIsActive { screen.restore() } }
        let loader = try makeLoader(configured: configured)
        let refresher = Refresher(loader: loader)
        let clock = SystemWallClock()
        var model = AppModel(
            session: refresherStatus(configured: configured), now: clock.now(), themeNames: themes.themes.map(\.name),
            themeIndex: themeIndex)
        if let review { model.openReview(review, exitsOnFinish: true) }
        model.showsTimings = debug
        let history = PaletteHistory(environment: ProcessEnvironment.current)
        model.recentActions = history.load()
        let recent = model.recentActions
        let appearance = Appearance(
            themes: themes.themes, glyphs: screen.capabilities.isUnicode ? .unicode : .ascii, clock: utc ? .utc : .local,
            isColorless: !screen.capabilities.hasColor, hasMouse: screen.capabilities.hasMouse)
        let loop = DashboardLoop(
            device: screen, refresher: refresher, clock: clock, refreshInterval: refresh, appearance: appearance)
        let signal = loop.run(&model)
        screen.restore()
        screenIsActive = false
        if model.recentActions != recent {
            do {
                try history.save(model.recentActions)
            } catch {
                printError("ecotop: the command palette's history was not saved: \(error)")
            }
        }
        try refresher.close()
        return signal
    }

    /// The session the first frame shows, before the first read answers.
    private func refresherStatus(configured: ConfiguredCollectors?) -> SessionStatus {
        guard let configuration = configured?.configuration else {
            return SessionStatus(ecosystemName: Ecosystem.demo.name, catalog: .standard)
        }
        var status = SessionStatus(ecosystemName: configuration.ecosystem.name, catalog: configuration.metricCatalog())
        status.keyRemaps = configuration.keys
        return status
    }

    /// The data side: the configured collectors writing to the store, or the demo on the
    /// store's history (recorded into as time passes) or on the simulator alone. Over
    /// Prometheus (`--source prometheus` or the configuration's `source:`) the series come
    /// from there, the events from `--store` if given, and no collector runs here.
    private func makeLoader(configured: ConfiguredCollectors?) throws -> DataLoader {
        if let reading = try sourceOptions.prometheus(configuration: configured?.configuration) {
            let events = try storeOptions.store.map { _ in try StoreReader(layout: storeOptions.layout) }
            return reading.loader(configuration: configured?.configuration, events: events)
        }
        if let configured {
            let runtime = try CollectorRuntime(
                configured: configured, path: configOptions.path, layout: storeOptions.layout(configured: configured.configuration.store),
                listen: listenOptions.address, checks: KeyMap.problems(of:))
            do {
                return DataLoader.configured(runtime, reader: try StoreReader(layout: runtime.layout, keepsParsedSegments: true))
            } catch {
                try? runtime.stop()
                throw error
            }
        }
        let simulator = DemoSimulator(seed: seed)
        guard let history = try storeOptions.history() else { return DataLoader.demo(simulator: simulator) }
        switch try DemoRecorder.open(layout: storeOptions.layout, simulator: simulator, clock: SystemWallClock()) {
        case .recording(let recorder):
            return DataLoader.demo(simulator: simulator, history: history, recorder: recorder)
        case .writtenElsewhere:
            return DataLoader.demo(simulator: simulator, history: history, dataNote: "another process writes this store")
        case .notADemoStore:
            return DataLoader.store(history)
        }
    }

    /// The configuration to run on: `--config FILE`, else the default file when it exists;
    /// nil for the demo (also with `--demo`). Problems are printed and end the command.
    private func configurationToRun() throws -> ConfiguredCollectors? {
        guard !demo else { return nil }
        guard configOptions.config != nil || FileManager.default.fileExists(atPath: configOptions.path) else { return nil }
        return try configOptions.load()
    }
}
