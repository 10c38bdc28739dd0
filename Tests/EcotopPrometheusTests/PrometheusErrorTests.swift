import EcotopCollectors
import EcotopCore
import EcotopPrometheus
import EcotopTestSupport
import Foundation
import Testing

/// Server errors reach the caller as `PrometheusError`s that name the endpoint.
@Suite(.enabled(if: PrometheusServer.missing == nil, "\(PrometheusServer.missing ?? "")"), .serialized)
struct PrometheusErrorTests {
    @Test func aBadExpressionIsTheServersOwnError() throws {
        let server = try PrometheusServer(samples: KnownSeries.all)
        defer { server.stop() }
        let source = PrometheusSourceTests.source(server.url, expressions: ["usage.transaction_volume": "sum(("])
        let error = try #require(throws: PrometheusError.self) {
            try source.points(of: SeriesKey(name: "usage.transaction_volume"), from: KnownSeries.end - 3_600, to: KnownSeries.end, buckets: 60, aggregation: .avg)
        }
        #expect(error.message.hasPrefix("GET \(server.url)/api/v1/query_range: HTTP 400 bad_data: "), "\(error)")
    }

    @Test func anUnreachableServerIsNamed() throws {
        let url = "http://127.0.0.1:9"
        let source = PrometheusSourceTests.source(url)
        let error = try #require(throws: PrometheusError.self) { try source.seriesKeys(named: "usage.transaction_volume") }
        #expect(error.message == "GET \(url)/api/v1/series: connection refused")
    }

    @Test func anHTMLPageIsNotTakenForAnAnswer() throws {
        let directory = NSTemporaryDirectory() + "/ecotop-html-\(getpid())"
        try FileManager.default.createDirectory(atPath: directory + "/api/v1", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "<html><body>Welcome</body></html>".write(toFile: directory + "/api/v1/series", atomically: false, encoding: .utf8)
        let server = try StaticHTTPServer(directory: directory)
        defer { server.stop() }
        let source = PrometheusSourceTests.source(server.url)
        let error = try #require(throws: PrometheusError.self) { try source.seriesKeys(named: "usage.transaction_volume") }
        #expect(error.message.hasPrefix("GET \(server.url)/api/v1/series: HTTP 200: not a Prometheus API response"), "\(error)")
        #expect(error.message.contains("<html><body>Welcome"))
    }

    @Test func aSecretHeaderNeverShows() throws {
        let server = try PrometheusServer(samples: KnownSeries.all)
        defer { server.stop() }
        let endpoint = HTTPEndpoint(url: SecretTemplate(server.url), headers: ["Authorization": SecretTemplate("Bearer ${PROM_TOKEN}")])
        let source = PrometheusSource(
            client: PrometheusClient(endpoint: endpoint, environment: ["PROM_TOKEN": "s3cr3t-token"]),
            expressions: ["usage.transaction_volume": "s3cr3t-token(("])
        let error = try #require(throws: PrometheusError.self) { try source.latest(of: SeriesKey(name: "usage.transaction_volume"), at: KnownSeries.end, lookback: 60) }
        #expect(!error.message.contains("s3cr3t-token"), "\(error)")
        #expect(error.message.contains("HTTP 400"))
    }
}
