import ArgumentParser
import EcotopApp
import EcotopCollectors
import EcotopCore
import EcotopExporter
import EcotopStore
import EcotopUI

/// `ecotop bench scrape`: the time `collect --listen` takes to build one `/metrics` answer for
/// the demo ecosystem's series plus `--series` more, written through the same store sink.
struct ScrapeBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scrape",
        abstract: "Time building /metrics for the demo ecosystem plus N series, as `collect --listen` serves it.",
        discussion: "Writes the series into the store given by --store (use a scratch store), then builds the exposition repeatedly.")

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "Series to add to the demo ecosystem's, as bench.metric{host=\"hNNNNN\",region=\"rK\"}.") var series = 0
    @Option(help: "Expositions to build per format.") var iterations = 200

    func run() throws {
        let writer = try reportingStoreErrors { try StoreWriter(layout: storeOptions.layout, clock: SystemWallClock()) }
        defer { try? writer.close() }
        let now = SystemWallClock().now()
        let endpoint = try reportingStoreErrors { try MetricsEndpoint(writer: writer, now: now) }
        let sink = StoreSink(writer: writer, latest: endpoint.latest)
        let extra = (0..<series).map { index in
            Sample(key: SeriesKey(name: "bench.metric", labels: ["host": "h\(index)", "region": "r\(index % 7)"]), timestamp: now, value: Double(index) * 1.5)
        }
        try reportingStoreErrors { try sink.append(samples: DemoSimulator(seed: 42).samples(at: now) + extra, events: []) }
        for format in [ExpositionFormat.prometheusText, .openMetrics(version: "1.0.0")] {
            var bytes = 0
            let elapsed = ContinuousClock().measure {
                for _ in 0..<iterations { bytes = endpoint.exposition(format).utf8.count }
            }
            let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
            print("\(format == .prometheusText ? "text 0.0.4  " : "openmetrics "): \(endpoint.latest.table.keys.count) series, "
                + "\(bytes) bytes, \(NumberFormat.fixed(milliseconds / Double(iterations), decimals: 3)) ms per scrape")
        }
    }
}
