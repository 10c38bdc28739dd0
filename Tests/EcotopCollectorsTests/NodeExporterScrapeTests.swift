import EcotopCollectors
import EcotopCore
import EcotopTestSupport
import Foundation
import Testing

/// Scrapes a real `prometheus-node-exporter` (Debian package of that name) on 127.0.0.1.
@Suite struct NodeExporterScrapeTests {
    static let binary = "/usr/bin/prometheus-node-exporter"

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary),
                   "prometheus-node-exporter is not installed (apt-get install -y prometheus-node-exporter)"))
    func scrapesARunningNodeExporter() async throws {
        let port = try TestHTTPServer.closedPort()
        let exporter = Process()
        exporter.executableURL = URL(fileURLWithPath: Self.binary)
        exporter.arguments = ["--web.listen-address=127.0.0.1:\(port)", "--collector.disable-defaults", "--collector.loadavg",
                              "--collector.time"]
        exporter.standardOutput = FileHandle.nullDevice
        exporter.standardError = FileHandle.nullDevice
        try exporter.run()
        defer { exporter.terminate(); exporter.waitUntilExit() }

        let collector = PrometheusScrapeCollector(configuration: .init(
            name: "node", endpoint: HTTPEndpoint(url: SecretTemplate("http://127.0.0.1:\(port)/metrics"), timeout: 2),
            mapping: SeriesMapping(rules: [
                SeriesMappingRule(selector: try SeriesSelector(parsing: "node_load1"), metricID: "usage.load"),
                SeriesMappingRule(selector: try SeriesSelector(parsing: "node_time_seconds"), metricID: "usage.clock"),
            ])))
        var result: CollectionResult?
        try await wait(for: "node_exporter to answer on port \(port)", pollingEvery: .milliseconds(100)) {
            result = try? await collector.collect(at: 1_700_000_000)
            return result != nil
        }
        let samples = try #require(result).samples
        #expect(samples.map(\.key.name).sorted() == ["usage.clock", "usage.load"])
        let clock = try #require(samples.first { $0.key.name == "usage.clock" })
        #expect(abs(clock.value - Date().timeIntervalSince1970) < 60)
    }
}
