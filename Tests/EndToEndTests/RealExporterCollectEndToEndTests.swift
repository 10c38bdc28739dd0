import EcotopStore
import EcotopTestSupport
import Foundation
import Testing

/// `ecotop collect --once` with a `prometheus` collector scraping real exporters (Debian's
/// `prometheus-node-exporter` and `prometheus` packages, which .ci/run installs): the store
/// holds every sample they expose that it can keep, and the collector reports every other one
/// as skipped (docs/parsers.md, "Samples the store does not keep").
@Suite struct RealExporterCollectEndToEndTests {
    static let nodeExporter = "/usr/bin/prometheus-node-exporter"
    static let prometheus = "/usr/bin/prometheus"

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: nodeExporter),
                   "prometheus-node-exporter is not installed (apt-get install -y prometheus-node-exporter)"))
    func storesEverySampleANodeExporterExposes() async throws {
        let exporter = try await RunningExporter.start { [Self.nodeExporter, "--web.listen-address=127.0.0.1:\($0)"] }
        defer { exporter.stop() }
        try await expectCollectStoresEverySample(of: exporter)
    }

    /// Prometheus's own `/metrics` holds NaN quantiles of summaries nothing was observed in.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: prometheus),
                   "prometheus is not installed (apt-get install -y prometheus)"))
    func storesEverySamplePrometheusExposesAndSkipsTheRest() async throws {
        let files = TemporaryStore()
        let configuration = try files.file(named: "prometheus.yml", containing: "global:\n  scrape_interval: 1h\n")
        let exporter = try await RunningExporter.start {
            [Self.prometheus, "--config.file=\(configuration)", "--storage.tsdb.path=\(files.root)-tsdb",
             "--web.listen-address=127.0.0.1:\($0)"]
        }
        defer { exporter.stop() }
        try await expectCollectStoresEverySample(of: exporter)
    }

    /// Scrapes `exporter` once with `ecotop collect --once` into a fresh store and checks it
    /// against a fetch of the same `/metrics`: per sample name the store holds as many samples
    /// as the fetch has finite values, and the collector's OK and BAD counts are the finite
    /// and the other samples, so that stored plus skipped is every sample exposed.
    ///
    /// An exporter's series can change between two requests (its first request adds the
    /// metrics of the request handler): the check runs on a collection that the fetches just
    /// before and just after it agree on, trying again with a fresh store up to five times.
    private func expectCollectStoresEverySample(of exporter: RunningExporter) async throws {
        for attempt in 1...5 {
            let store = TemporaryStore()
            let configuration = try store.file(named: "collect.yaml", containing: """
                collectors:
                  - {name: exporter, type: prometheus, url: "\(exporter.metricsURL)", timeout: 60s}
                store: {path: \(store.root)}
                """)
            let before = try ExposedSamples(await exporter.exposition())
            let run = try EcotopBinary.run(["collect", "--config", configuration, "--once"], timeout: .seconds(180))
            let after = try ExposedSamples(await exporter.exposition())
            guard before == after else {
                try #require(attempt < 5, "the exposition changed during each of 5 collections")
                continue
            }
            #expect(run.status == 0, "\(run.output)\n\(run.errors)")
            let table = CollectorTable(run.output)
            let ok = try #require(table.value(of: "OK", in: "exporter").flatMap { Int($0) }, "\(run.output)")
            let bad = try #require(table.value(of: "BAD", in: "exporter").flatMap { Int($0) }, "\(run.output)")
            #expect(table.value(of: "STATUS", in: "exporter") == "ok")

            let stored = try storedSamplesByName(store)
            #expect(stored == before.finite)
            #expect(ok == before.finiteCount)
            #expect(bad == before.notFiniteCount)
            #expect(ok + bad == before.finiteCount + before.notFiniteCount)
            #expect(before.finiteCount > 0, "the exporter exposed no sample")
            if bad > 0 { #expect(run.output.contains("exporter:") && run.output.contains(": skipped "), "\(run.output)") }
            return
        }
    }

    /// How many raw points the store holds under each series name.
    private func storedSamplesByName(_ store: TemporaryStore) throws -> [String: Int] {
        let reader = try store.reader()
        let keys = try reader.seriesKeys()
        let points = try reader.rawPoints(series: keys.indices.map { UInt32($0) }, from: 0, to: Date().timeIntervalSince1970 + 3600)
        var stored: [String: Int] = [:]
        for (key, seriesPoints) in zip(keys, points) {
            if let key { stored[key.name, default: 0] += seriesPoints.count }
        }
        return stored
    }
}

/// The health table `ecotop collect --once` prints, read by column title: columns are
/// left-aligned under their titles.
private struct CollectorTable {
    let lines: [Substring]

    init(_ output: String) { lines = output.split(separator: "\n") }

    /// The word under the column `title` in the row of the collector `name`.
    func value(of title: String, in name: String) -> String? {
        guard let header = lines.first, let column = header.range(of: title)?.lowerBound,
              let row = lines.first(where: { $0.hasPrefix(name + " ") }) else { return nil }
        let offset = header.distance(from: header.startIndex, to: column)
        guard offset < row.count else { return nil }
        return String(row.dropFirst(offset).prefix { $0 != " " })
    }
}
