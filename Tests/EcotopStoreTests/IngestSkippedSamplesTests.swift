import EcotopCore
import Foundation
import Testing
@testable import EcotopStore
import EcotopTestSupport

/// `ecotop ingest` of metric text skips the well-formed samples the store does not keep (NaN,
/// infinities, times outside 1970–2100 or older than the retention keeps), says where, and
/// appends the rest; only a syntax error refuses the whole input.
@Suite struct IngestSkippedSamplesTests {
    let now = Double(Int(Date().timeIntervalSince1970) / 60 * 60)

    func storedValues(_ store: TemporaryStore, _ selector: String, around time: Double) throws -> [Double] {
        let reader = try store.reader()
        let series = try reader.series(matching: SeriesSelector(parsing: selector))
        return try reader.rawPoints(series: series.map(\.id), from: time - 3_600, to: time + 3_600).flatMap { $0.map(\.value) }
    }

    @Test func prometheusOwnSelfScrapeWithNaNQuantilesIsIngested() throws {
        // Prometheus 2.42's /metrics: summaries nothing was observed in yet have NaN quantiles.
        let fixtures = String(#filePath.dropLast("EcotopStoreTests/IngestSkippedSamplesTests.swift".count)) + "EcotopCollectorsTests/Fixtures/"
        let path = fixtures + "prometheus-2.42.0.prom"
        let store = TemporaryStore()
        let run = try EcotopBinary.run(["ingest", "--store", store.root, "--format", "prometheus", path])
        #expect(run.status == 0)
        #expect(run.output == "accepted 267 samples and 0 events, rejected 0 lines, skipped 26 samples the store does not keep\n")
        let warnings = run.errors.split(separator: "\n")
        #expect(warnings.count == 26)
        #expect(warnings.first == #"\#(path):157:77: skipped prometheus_engine_query_duration_seconds{quantile="0.5",slice="inner_eval"}: the value NaN is not a finite number, and the store keeps only those"#)
        #expect(try storedValues(store, "prometheus_engine_query_duration_seconds_count", around: Date().timeIntervalSince1970).count == 4)
    }

    @Test func infinitiesAndTimesTheStoreCannotHoldAreSkippedWhereTheyAre() throws {
        let store = TemporaryStore()
        let text = """
            # TYPE queue_limit gauge
            queue_limit +Inf
            queue_floor -Inf
            shop_up 1 \(Int(now))
            shop_up 1 12345678901234567890
            # EOF

            """
        let run = try EcotopBinary.run(["ingest", "--store", store.root, "--format", "openmetrics", "-"], input: text)
        #expect(run.status == 0)
        #expect(run.errors == """
            <stdin>:2:13: skipped queue_limit: the value +Inf is not a finite number, and the store keeps only those
            <stdin>:3:13: skipped queue_floor: the value -Inf is not a finite number, and the store keeps only those
            <stdin>:5:11: skipped shop_up: timestamp 1.2345678901234567e+19 is outside 1970-01-01 to 2100-01-01, the times the store keeps

            """)
        #expect(run.output == "accepted 1 sample and 0 events, rejected 0 lines, skipped 3 samples the store does not keep\n")
        #expect(try storedValues(store, "shop_up", around: now) == [1])
    }

    @Test func samplesOlderThanTheRetentionAreSkippedNotAcceptedAndDropped() throws {
        let store = TemporaryStore()
        let text = "shop_orders 1 946684800000\nshop_orders 2 \(Int(now) * 1000)\n"
        let run = try EcotopBinary.run(["ingest", "--store", store.root, "--format", "prometheus", "-"], input: text)
        #expect(run.status == 0)
        #expect(run.errors.hasPrefix("<stdin>:1:15: skipped shop_orders: timestamp 2000-01-01T00:00:00Z is older than the store's retention keeps (from "))
        #expect(run.output == "accepted 1 sample and 0 events, rejected 0 lines, skipped 1 sample the store does not keep\n")
        #expect(try storedValues(store, "shop_orders", around: now) == [2])
    }

    @Test func influxTimestampsAtTheEndsOfInt64AreSkippedNotRefused() throws {
        // InfluxDB and Telegraf accept any Int64; the store keeps 1970 to 2100.
        let store = TemporaryStore()
        let text = "m v=1 -9223372036854775808\nm v=2 \(Int(now) * 1_000_000_000)\nm v=3 9223372036854775807\n"
        let run = try EcotopBinary.run(["ingest", "--store", store.root, "--format", "influx", "-"], input: text)
        #expect(run.status == 0)
        #expect(run.errors == """
            <stdin>:1:7: skipped m.v: timestamp -9223372036.854776 is outside 1970-01-01 to 2100-01-01, the times the store keeps
            <stdin>:3:7: skipped m.v: timestamp 9223372036.854776 is outside 1970-01-01 to 2100-01-01, the times the store keeps

            """)
        #expect(try storedValues(store, "m.v", around: now) == [2])
    }

    @Test func aSyntaxErrorStillRefusesTheWholeInput() throws {
        let store = TemporaryStore()
        let run = try EcotopBinary.run(
            ["ingest", "--store", store.root, "--format", "prometheus", "-"], input: "shop_up NaN\nshop_up{ 1\n")
        #expect(run.status == 1)
        #expect(run.errors == "<stdin>:2:10: expected a label name\n")
        #expect(!FileManager.default.fileExists(atPath: store.root))
    }
}
