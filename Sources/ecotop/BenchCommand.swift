import ArgumentParser
import EcotopApp
import EcotopCollectors
import EcotopCore
import EcotopPrometheus
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
        subcommands: [FirstFrameBench.self, ScrapeBench.self, PluginSweepBench.self, MapLayoutBench.self, AlertsBench.self]
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
    @OptionGroup var sourceOptions: SourceOptions
    @Flag(help: "Also time a second refresh with anomaly detection, as the dashboard's later refreshes are.")
    var secondRefresh = false
    @Option(help: "Time range: 15m, 1h (default), 6h, 24h, 7d or 30d.", completion: .timeRanges, transform: TimeRange.argument) var range: TimeRange = .oneHour
    @Option(help: "Frame width in columns.") var width = 160
    @Option(help: "Frame height in rows.") var height = 48

    func run() throws {
        let reading = try sourceOptions.prometheus()
        let source = reading?.source(listing: MetricCatalog.standard.metrics.map(\.id.rawValue))
        let history = reading == nil ? try storeOptions.history() : nil
        let loader = if let reading, let source {
            DataLoader.prometheus(reading, source: source, configuration: nil, events: nil)
        } else {
            DataLoader.demo(simulator: DemoSimulator(seed: 42), history: history)
        }
        let themes = try ThemeCatalog.builtIn()
        var model = AppModel(session: loader.status, now: SystemWallClock().now(), range: range)
        let result = loader.load(LoadRequest(.dashboard(range, detectingAnomalies: false), at: model.now))
        if case .failure(let failure) = result.outcome { printError("ecotop: \(failure)") }
        _ = model.update(.loaded(result), at: model.now)
        let frame = DashboardView.render(model, size: Size(width: width, height: height), appearance: Appearance(themes: themes.themes))
        let metrics = model.dashboard.snapshot?.summaries.filter { $0.latest != nil }.count ?? 0
        let origin = source.map { ", \(counted($0.requestCount, "request")) to Prometheus" } ?? (history == nil ? " (demo simulator, no store)" : "")
        print("\(metrics) metrics with data, \(frame.size.width)x\(frame.size.height) frame\(origin)")
        if secondRefresh { try timeSecondRefresh(loader, source: source, at: model.now + 1) }
    }

    /// Times one more refresh with anomaly detection and prints its cost.
    private func timeSecondRefresh(_ loader: DataLoader, source: PrometheusSource?, at time: Double) throws {
        let before = source?.requestCount ?? 0
        let clock = ContinuousClock()
        let start = clock.now
        let result = loader.load(LoadRequest(.dashboard(range, detectingAnomalies: true), at: time))
        let elapsed = clock.now - start
        if case .failure(let failure) = result.outcome { printError("ecotop: \(failure)") }
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let requests = source.map { ", \(counted($0.requestCount - before, "request"))" } ?? ""
        print("second refresh with anomalies: \(Int(milliseconds.rounded())) ms\(requests)")
    }
}

/// `ecotop bench plugin-sweep`: the `/proc` scan that ends each plugin run, which finds the
/// processes the plugin left behind (docs/plugins.md).
struct PluginSweepBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugin-sweep",
        abstract: "Time the search for a plugin's leftover processes that ends each plugin run."
    )

    @Option(help: "Sweeps to average over.") var rounds = 200

    func run() {
        let timing = PluginSweepBenchmark.run(rounds: rounds)
        let micros = { (seconds: Double) in String(Int((seconds * 1_000_000).rounded())) + " µs" }
        print("\(timing.processes) processes: \(micros(timing.recentPlugin)) per sweep after a plugin that started just now, "
            + "\(micros(timing.everyEnvironment)) reading every process's environment")
    }
}
