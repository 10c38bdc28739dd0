import EcotopCore
import Foundation
import Testing
@testable import EcotopStore
import EcotopTestSupport

/// `ecotop ingest --format influx|prometheus|openmetrics`: all or nothing.
@Suite struct IngestMetricTextTests {
    let now = Double(Int(Date().timeIntervalSince1970) / 60 * 60)

    func rawValues(_ store: TemporaryStore, _ selector: String) throws -> [Double] {
        let reader = try store.reader()
        let series = try reader.series(matching: SeriesSelector(parsing: selector))
        return try reader.rawPoints(series: series.map(\.id), from: now - 3_600, to: now + 3_600).flatMap { $0.map(\.value) }
    }

    @Test func aBadPrometheusInputImportsNothingAndSaysWhere() throws {
        let store = TemporaryStore()
        let path = try store.file(named: "bad.prom", containing: "# TYPE shop_up gauge\nshop_up 1\nshop_orders{shop=\"eu\" 12\n")
        let run = try EcotopBinary.run(["ingest", "--store", store.root, "--format", "prometheus", path])
        #expect(run.status == 1)
        #expect(run.errors.hasPrefix("\(path):3:23: expected , or }"))
        #expect(run.output.contains("accepted 0 samples and 0 events, rejected the input"))
        #expect(!FileManager.default.fileExists(atPath: store.root), "no store is created for an input that fails")
    }

    @Test func prometheusTextIsAppendedWithItsTimestampsOrTheRunsTime() throws {
        let store = TemporaryStore()
        let stamp = Int(now - 120) * 1000
        let text = "# TYPE shop_orders counter\nshop_orders{shop=\"eu\"} 12 \(stamp)\nshop_orders{shop=\"us\"} 7\n"
        let run = try EcotopBinary.run(["ingest", "--store", store.root, "--format", "prometheus", "--ack", "-"], input: text)
        #expect(run.status == 0)
        #expect(run.output == "ack 3\n")
        #expect(run.errors.contains("accepted 2 samples and 0 events, rejected 0 lines"))
        let reader = try store.reader()
        let eu = try reader.rawPoints(series: [#require(try reader.existingID(of: SeriesKey(name: "shop_orders", labels: ["shop": "eu"])))],
                                      from: now - 3_600, to: now + 3_600)
        #expect(eu == [[SeriesPoint(timestamp: now - 120, value: 12)]])
        let us = try reader.latest(of: SeriesKey(name: "shop_orders", labels: ["shop": "us"]), at: Date().timeIntervalSince1970 + 60, lookback: 600)
        #expect(us?.value == 7)
    }

    @Test func openMetricsWithoutEOFIsRefused() throws {
        let store = TemporaryStore()
        let path = try store.file(named: "no-eof.om", containing: "# TYPE shop_up gauge\nshop_up 1\n")
        let run = try EcotopBinary.run(["ingest", "--store", store.root, "--format", "openmetrics", path])
        #expect(run.status == 1)
        #expect(run.errors.hasPrefix("\(path):3:1: "))
        let valid = try store.file(named: "ok.om", containing: "# TYPE shop_up gauge\nshop_up 1 \(Int(now))\n# EOF\n")
        let ok = try EcotopBinary.run(["ingest", "--store", store.root, "--format", "openmetrics", valid])
        #expect(ok.status == 0)
        #expect(try rawValues(store, "shop_up") == [1])
    }

    @Test func influxLinesBecomeMeasurementFieldSamplesAndDryRunWritesNothing() throws {
        let store = TemporaryStore()
        let text = "checkout,partner=stripe latency_ms=812,errors=3i \(Int(now) * 1_000_000_000)\n"
        let dry = try EcotopBinary.run(["ingest", "--store", store.root, "--format", "influx", "--dry-run", "-"], input: text)
        #expect(dry.status == 0 && dry.output.contains("valid 2 samples"))
        #expect(!FileManager.default.fileExists(atPath: store.root))
        let run = try EcotopBinary.run(["ingest", "--store", store.root, "--format", "influx", "-"], input: text)
        #expect(run.status == 0)
        #expect(try rawValues(store, #"checkout.errors{partner="stripe"}"#) == [3])
        #expect(try rawValues(store, "checkout.latency_ms") == [812])
    }
}
