import EcotopCore
import EcotopTestSupport
import Foundation
import Testing

/// The scale-out of docs/scale-out.md, whole: `ecotop collect --listen` runs the demo
/// collector into a local store, a real Prometheus scrapes it, and what `query`, a dashboard
/// frame and `report` read back over Prometheus agrees with the local store. Both processes stop
/// at the end, also when the test fails.
@Suite(.enabled(if: PrometheusServer.missing == nil, "\(PrometheusServer.missing ?? "")"), .serialized)
struct ScaleOutEndToEndTests {
    @Test func prometheusScrapingCollectListenAnswersAsTheLocalStoreDoes() async throws {
        let store = TemporaryStore()
        let config = try store.file(named: "site.yaml", containing: """
            ecosystem: {name: Site}
            collectors:
              - {name: demo, type: demo, interval: 3s}
            store: {path: "\(store.root)/data"}
            """)
        let collector = try await ListeningCollector(["--config", config, "--listen", "127.0.0.1:0"], errorsPath: store.root + "-collect.log")
        defer { _ = collector.stop() }
        let server = try PrometheusServer(scraping: "127.0.0.1:\(collector.port)", every: 1)
        defer { server.stop() }
        let started = Date().timeIntervalSince1970

        // Prometheus's first scrape comes a few seconds after it is ready and holds only the
        // newest sample of each series then: the comparison starts once it has scraped.
        let scraped = ["query", "--source", "prometheus", "--url", server.url, "--series", "usage.transactions", "--agg", "count",
                       "--from", String(Int(started)), "--to", "now"]
        try await wait(for: "Prometheus's first scrape", timeout: .seconds(60), pollingEvery: .milliseconds(500)) {
            let result = try EcotopBinary.run(scraped)
            return result.status == 0 && ((try? Self.values(result.output))?.first ?? 0) >= 1
        }
        let first = Int(Date().timeIntervalSince1970) + 1

        // The collector writes every 3 s and Prometheus scrapes every second: a scrape late by up
        // to two seconds on a loaded machine still sees every sample before the next replaces it
        // on /metrics (at 2 s a full suite on two busy cores missed one now and then).
        // Samples arrive: Prometheus holds five samples of one series older than `settled`
        // seconds. The collector's store makes its appends visible to readers every few seconds
        // (its durability interval) while /metrics serves them at once, so a window that ended
        // `settled` seconds ago is complete on both sides.
        let settled = 12
        let count = ["query", "--source", "prometheus", "--url", server.url, "--series", "usage.transactions", "--agg", "count",
                     "--from", String(first), "--to", "-\(settled)s"]
        try await wait(for: "Prometheus to scrape five settled samples of usage.transactions", timeout: .seconds(120), pollingEvery: .seconds(1)) {
            let result = try EcotopBinary.run(count)
            return result.status == 0 && ((try? Self.values(result.output))?.first ?? 0) >= 5
        }
        let end = Int(Date().timeIntervalSince1970) - settled
        let window = ["--from", String(first), "--to", String(end)]
        for series in ["usage.transactions", "value.ecosystem_revenue{component=\"storefront\"}", "usage.critical_uptime"] {
            for agg in ["count", "avg", "max"] {
                let query = ["--series", series, "--agg", agg] + window
                let local = try EcotopBinary.run(["query", "--store", store.root + "/data"] + query)
                let remote = try EcotopBinary.run(["query", "--source", "prometheus", "--url", server.url] + query)
                #expect(local.status == 0 && remote.status == 0, "\(query): \(local.errors) \(remote.errors)")
                let mine = try Self.values(remote.output), theirs = try Self.values(local.output)
                #expect(mine.count == theirs.count && !theirs.isEmpty, "\(query): \(remote.output) vs \(local.output)")
                for (a, b) in zip(mine, theirs) {
                    #expect(abs(a - b) <= 1e-6 * max(1, abs(b)), "\(series) \(agg): Prometheus \(a), store \(b)")
                }
            }
        }

        // A dashboard frame at the window's end shows the same statuses either way.
        let frame = ["screenshot", "--time", String(end), "--width", "160", "--height", "48", "--range", "15m"]
        let local = try EcotopBinary.run(frame + ["--config", config])
        let remote = try EcotopBinary.run(frame + ["--source", "prometheus", "--url", server.url])
        #expect(local.status == 0 && remote.status == 0, "\(local.errors) \(remote.errors)")
        let statuses = PrometheusCommandLineTests.statuses(local.output)
        #expect(statuses.count >= 20, "\(local.output)")
        #expect(PrometheusCommandLineTests.statuses(remote.output) == statuses, "\(remote.output)\n---\n\(local.output)")

        // So does `ecotop report`, the events read from the local store either way: the same
        // status per metric, and the same newest values, which lie in the settled window.
        let report = ["report", "--time", String(end), "--range", "15m", "--format", "json"]
        let localReport = try EcotopBinary.run(report + ["--config", config])
        let remoteReport = try EcotopBinary.run(report + ["--source", "prometheus", "--url", server.url, "--store", store.root + "/data"])
        #expect(localReport.status == 0 && remoteReport.status == 0, "\(localReport.errors) \(remoteReport.errors)")
        let theirs = try Self.reportedMetrics(localReport.output), mine = try Self.reportedMetrics(remoteReport.output)
        #expect(mine.map(\.id) == theirs.map(\.id) && theirs.count == 20)
        #expect(theirs.filter { $0.status == "N/A" }.count < 10, "most metrics have data: \(localReport.output)")
        for (a, b) in zip(mine, theirs) {
            #expect(a.status == b.status, "\(a.id): Prometheus \(a.status), store \(b.status)")
            #expect((a.value == nil) == (b.value == nil), "\(a.id): Prometheus \(String(describing: a.value)), store \(String(describing: b.value))")
            if let mineValue = a.value, let theirValue = b.value {
                #expect(abs(mineValue - theirValue) <= 1e-6 * max(1, abs(theirValue)), "\(a.id): Prometheus \(mineValue), store \(theirValue)")
            }
        }
    }

    /// The metrics of `report --format json`: id, status and value, in catalog order.
    static func reportedMetrics(_ output: String) throws -> [(id: String, status: String, value: Double?)] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "\(output)")
        let metrics = try #require(object["metrics"] as? [[String: Any]], "\(output)")
        return try metrics.map { metric in
            (try #require(metric["id"] as? String), try #require(metric["status"] as? String), metric["value"] as? Double)
        }
    }

    /// The values of `query` JSON lines, in order.
    static func values(_ output: String) throws -> [Double] {
        try output.split(separator: "\n").map { try PrometheusCommandLineTests.fields($0).value }
    }
}
