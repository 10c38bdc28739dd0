import EcotopCollectors
import EcotopCore
import Foundation
import Testing

@Suite struct PrometheusScrapeCollectorTests {
    func collector(url: String, rules: [SeriesMappingRule] = [], format: MetricTextFormat? = nil) -> PrometheusScrapeCollector {
        PrometheusScrapeCollector(configuration: .init(
            name: "node", endpoint: HTTPEndpoint(url: SecretTemplate(url), timeout: 2),
            mapping: SeriesMapping(rules: rules), format: format))
    }

    @Test func scrapesANodeExporterCaptureAndMapsItsSeries() async throws {
        let server = try TestHTTPServer(routes: [
            "/metrics": .init(contentType: "text/plain; version=0.0.4; charset=utf-8", body: try fixture("node-exporter-1.5.0.prom")),
        ])
        let rules = [
            SeriesMappingRule(selector: try SeriesSelector(parsing: "node_load1"), metricID: "usage.load", setLabels: ["component": "web"]),
            SeriesMappingRule(selector: try SeriesSelector(parsing: #"node_cpu_seconds_total{mode="idle"}"#),
                              metricID: "usage.cpu_idle_seconds", keepLabels: ["cpu"]),
        ]
        let result = try await collector(url: server.url("/metrics"), rules: rules).collect(at: 1_700_000_000)
        let load = try #require(result.samples.first { $0.key.name == "usage.load" })
        #expect(load.key.labelDictionary == ["component": "web"])
        #expect(load.timestamp == 1_700_000_000)
        let idle = result.samples.filter { $0.key.name == "usage.cpu_idle_seconds" }
        #expect(!idle.isEmpty && idle.allSatisfy { $0.key.labels.map(\.name) == ["cpu"] })
        #expect(result.samples.count == 1 + idle.count)
        let accept = try #require(server.requests.first?.headers["accept"])
        #expect(accept.hasPrefix("application/openmetrics-text;version=1.0.0"))
        #expect(server.requests.first?.headers["x-prometheus-scrape-timeout-seconds"] == "2.0")
    }

    @Test func theContentTypeChoosesOpenMetricsAndNoRulesKeepsEverySeries() async throws {
        let body = Array("# TYPE shop_orders counter\nshop_orders_total{shop=\"eu\"} 12\n# EOF\n".utf8)
        let server = try TestHTTPServer(routes: [
            "/om": .init(contentType: "application/openmetrics-text; version=1.0.0; charset=utf-8", body: body),
            "/text": .init(contentType: "text/plain; version=0.0.4", body: body),
        ])
        let result = try await collector(url: server.url("/om")).collect(at: 5)
        #expect(result.samples == [Sample(key: SeriesKey(name: "shop_orders_total", labels: ["shop": "eu"]), timestamp: 5, value: 12)])
        // The same bytes as Prometheus text are fine too: `# EOF` is a comment there.
        #expect(try await collector(url: server.url("/text")).collect(at: 5).samples == result.samples)
    }

    @Test func aBadExpositionImportsNothingAndSaysWhere() async throws {
        let body = Array("# TYPE a gauge\na 1\nb{x=\"1\" 2\nc 3\n".utf8)
        let server = try TestHTTPServer(routes: ["/metrics": .init(contentType: "text/plain; version=0.0.4", body: body)])
        await #expect {
            try await collector(url: server.url("/metrics")).collect(at: 5)
        } throws: { error in
            "\(error)".hasPrefix("GET \(server.url("/metrics")): prometheus 3:9: ")
        }
    }

    @Test func aForcedFormatOverridesTheContentType() async throws {
        let body = Array("shop_up 1\n".utf8)
        let server = try TestHTTPServer(routes: ["/metrics": .init(contentType: "text/plain", body: body)])
        await #expect {
            try await collector(url: server.url("/metrics"), format: .openMetrics).collect(at: 5)
        } throws: { error in
            "\(error)".hasPrefix("GET \(server.url("/metrics")): openmetrics 2:1: ")
        }
    }

    @Test func anErrorStatusFailsTheScrape() async throws {
        let server = try TestHTTPServer(routes: ["/metrics": .init(status: 503, contentType: "text/plain", body: [])])
        await #expect {
            try await collector(url: server.url("/metrics")).collect(at: 5)
        } throws: { error in
            "\(error)" == "GET \(server.url("/metrics")): HTTP 503 Service Unavailable"
        }
    }
}
