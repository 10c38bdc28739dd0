import EcotopCollectors
import EcotopCore
import EcotopStore
import Synchronization
import Testing

/// A `prometheus` collector on a target exposing NaN (a Go summary nothing was observed in,
/// here Prometheus's own /metrics) stores every other sample, counts the skipped ones as
/// rejected records, and stays `ok`.
@Suite struct PrometheusSkippedSamplesTests {
    /// The store as the dashboard's collectors write to it.
    final class StoreWriterSink: RecordSink, @unchecked Sendable {
        let writer: StoreWriter
        private let lock = Mutex(())
        init(_ writer: StoreWriter) { self.writer = writer }
        func append(samples: [Sample], events: [IntegrationEvent]) throws {
            try lock.withLock { _ in try writer.append(samples: samples, events: events) }
        }
    }

    func prometheusTarget() throws -> TestHTTPServer {
        try TestHTTPServer(routes: [
            "/metrics": .init(contentType: "text/plain; version=0.0.4", body: try fixture("prometheus-2.42.0.prom")),
        ])
    }

    func collector(_ server: TestHTTPServer) -> PrometheusScrapeCollector {
        PrometheusScrapeCollector(configuration: .init(
            name: "prometheus", endpoint: HTTPEndpoint(url: SecretTemplate(server.url("/metrics")), timeout: 2),
            mapping: SeriesMapping(rules: [])))
    }

    @Test func nanSamplesAreSkippedWithWhereAndWhyAndTheRestCollected() async throws {
        let server = try prometheusTarget()
        let result = try await collector(server).collect(at: 1_700_000_000)
        #expect(result.samples.count == 267)
        #expect(result.samples.allSatisfy { $0.value.isFinite })
        #expect(result.rejected == 26)
        #expect(result.problems.count == 20, "the first 20 word for word, the rest counted")
        #expect(result.problems.first == #"prometheus:157:77: skipped prometheus_engine_query_duration_seconds{quantile="0.5",slice="inner_eval"}: the value NaN is not a finite number, and the store keeps only those"#)
        #expect(result.failure == nil)
    }

    @Test func theCollectorStaysOkAndItsSamplesReachTheStore() async throws {
        let server = try prometheusTarget()
        let directory = try TemporaryDirectory()
        let writer = try StoreWriter(layout: StoreLayout(root: directory.file("store")), clock: FixedWallClock(1_700_000_000))
        let scheduler = CollectorScheduler(
            collectors: [ScheduledCollector(collector(server), type: "prometheus", interval: 10, deadline: 5)],
            sink: StoreWriterSink(writer), clock: FixedWallClock(1_700_000_000))
        let health = await scheduler.runOnce()
        await scheduler.stop()
        #expect(health[0].status == .ok)
        #expect(health[0].recordsOK == 267)
        #expect(health[0].recordsBad == 26)
        try writer.close()
        let reader = try StoreReader(layout: StoreLayout(root: directory.file("store")))
        #expect(try reader.series(matching: SeriesSelector(parsing: "{}")).count == 267)
    }
}
