import EcotopCore
import EcotopEngine
@testable import EcotopPrometheus
import EcotopTestSupport
import Testing

/// What a dashboard refresh costs in requests.
@Suite(.enabled(if: PrometheusServer.missing == nil, "\(PrometheusServer.missing ?? "")"), .serialized)
struct RefreshRequestTests {
    @Test func aRefreshSendsOneRequestPerMetricAndOneListingOfSeries() throws {
        let server = try PrometheusServer(samples: KnownSeries.all)
        defer { server.stop() }
        let catalog = MetricCatalog.standard
        let source = PrometheusSourceTests.source(server.url, metrics: catalog.metrics.map(\.id.rawValue))
        let builder = SnapshotBuilder(source: source, catalog: catalog, anomalyDetector: nil)
        let snapshot = try builder.snapshot(at: KnownSeries.end, range: .oneHour, buckets: 60)
        #expect(source.requestCount == catalog.metrics.count + 1)
        let partners = try #require(snapshot.summaries.first { $0.definition.id == "participation.active_partners" })
        #expect(partners.latest == KnownSeries.points(of: KnownSeries.scraped).last)
        _ = try builder.snapshot(at: KnownSeries.end + 1, range: .oneHour, buckets: 60)
        #expect(source.requestCount == 2 * catalog.metrics.count + 1, "the listing of series is reused for the next refresh")
    }
}
