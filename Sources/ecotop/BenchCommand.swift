import ArgumentParser
import EcotopApp
import EcotopCollectors
import EcotopCore
import EcotopUI

#if canImport(Glibc)
import Glibc
#endif

/// `ecotop bench`: measurements of the dashboard's own code paths, run as the dashboard runs
/// them, for Benchmarks/run.sh. Timings belong here, never in unit tests.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the dashboard's code paths (see Benchmarks/README.md).",
        subcommands: [FirstFrameBench.self, MapLayoutBench.self]
    )
}

/// `ecotop bench first-frame`: what `ecotop dash` does before its first draw — open the store,
/// read the range, build the first snapshot, render the frame — without a terminal.
struct FirstFrameBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "first-frame",
        abstract: "Open the store and build and render the dashboard's first frame, as `dash` does."
    )

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "Time range: 15m, 1h (default), 6h, 24h, 7d or 30d.", transform: TimeRange.argument) var range: TimeRange = .oneHour
    @Option(help: "Frame width in columns.") var width = 160
    @Option(help: "Frame height in rows.") var height = 48

    func run() throws {
        let history = try storeOptions.history()
        let loader = DataLoader.demo(simulator: DemoSimulator(seed: 42), history: history)
        let themes = try ThemeCatalog.builtIn()
        var model = AppModel(session: loader.status, now: SystemWallClock().now(), range: range)
        let result = loader.load(LoadRequest(.dashboard(range, detectingAnomalies: false), at: model.now))
        _ = model.update(.loaded(result), at: model.now)
        let frame = DashboardView.render(model, size: Size(width: width, height: height), appearance: Appearance(themes: themes.themes))
        let metrics = model.dashboard.snapshot?.summaries.filter { $0.latest != nil }.count ?? 0
        print("\(metrics) metrics with data, \(frame.size.width)x\(frame.size.height) frame\(history == nil ? " (demo simulator, no store)" : "")")
    }
}
