import EcotopApp
import EcotopCore
import EcotopExporter
import EcotopStore
import EcotopTestSupport
import Testing

/// What `/metrics` answers before and after the collectors write: seeded from the store's last
/// hour, then fed by the sink.
@Suite struct MetricsEndpointTests {
    let store = TemporaryStore()
    let now = 1_764_245_100.0

    @Test func startsFromTheNewestPointOfTheLastHourThenFollowsTheSink() throws {
        let writer = try store.writer(now: now)
        defer { try? writer.close() }
        try writer.append(samples: [
            Sample(key: key("usage.transactions", ["shop": "eu"]), timestamp: now - 900, value: 400),
            Sample(key: key("usage.transactions", ["shop": "eu"]), timestamp: now - 600, value: 410),
            Sample(key: key("usage.transactions", ["shop": "us"]), timestamp: now - 7_200, value: 99),
        ])
        let endpoint = try MetricsEndpoint(writer: writer, now: now)
        let seeded = endpoint.exposition(.prometheusText)
        #expect(seeded.contains("usage_transactions{shop=\"eu\"} 410 1764244500000\n"))
        #expect(!seeded.contains("shop=\"us\""), "a point older than the seed window is not served")
        #expect(seeded.contains("# TYPE usage_transactions gauge\n"))

        let sink = StoreSink(writer: writer, latest: endpoint.latest)
        try sink.append(samples: [Sample(key: key("usage.transactions", ["shop": "eu"]), timestamp: now, value: 420)], events: [])
        let fed = endpoint.exposition(.prometheusText)
        #expect(fed.contains("usage_transactions{shop=\"eu\"} 420 1764245100000\n"))
        #expect(!fed.contains(" 410 "))
        let size = fed.split(separator: "\n").first { $0.hasPrefix("ecotop_store_size_bytes ") }?.split(separator: " ").last
        #expect(size.flatMap { Int($0) } == store.layout.bytesOnDisk(writer.manifest.ladder))
    }

    @Test func aNewSeriesAppearsInTheNextScrape() throws {
        let writer = try store.writer(now: now)
        defer { try? writer.close() }
        let endpoint = try MetricsEndpoint(writer: writer, now: now)
        #expect(!endpoint.exposition(.prometheusText).contains("shop_refunds"))
        try StoreSink(writer: writer, latest: endpoint.latest)
            .append(samples: [Sample(key: key("shop.refunds"), timestamp: now, value: 3)], events: [])
        #expect(endpoint.exposition(.openMetrics(version: "1.0.0")).contains("# TYPE shop_refunds unknown\nshop_refunds 3 1764245100\n"))
    }
}
