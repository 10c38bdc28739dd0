import EcotopCore
import EcotopTestSupport
import Foundation
import Testing

/// `query`, `screenshot` and the configuration over a real Prometheus, against the same points
/// in a local store.
@Suite(.enabled(if: PrometheusServer.missing == nil, "\(PrometheusServer.missing ?? "")"), .serialized)
struct PrometheusCommandLineTests {
    /// The end of the data: four hours of one sample a minute (half a minute past each minute),
    /// ending an hour before the current hour.
    static let end = (Date().timeIntervalSince1970 / 3600).rounded(.down) * 3600 - 3600

    /// Every standard metric with a level that makes its status OK, WARN or CRIT in turn, and
    /// `usage.transactions` split over two integrations.
    static let series: [(key: SeriesKey, points: [SeriesPoint])] = MetricCatalog.standard.metrics.enumerated().flatMap { index, metric in
        let warn = metric.thresholds.warn, critical = metric.thresholds.critical, spread = warn - critical
        let level = [warn + spread, (warn + critical) / 2, critical - spread][index % 3]
        let keys = metric.id == "usage.transactions"
            ? [SeriesKey(name: metric.id.rawValue, labels: ["integration": "stripe"]), SeriesKey(name: metric.id.rawValue, labels: ["integration": "paypal"])]
            : [SeriesKey(name: metric.id.rawValue)]
        return keys.map { key in
            (key, stride(from: end - 4 * 3600 + 30, to: end, by: 60).enumerated().map { minute, time in
                SeriesPoint(timestamp: time, value: level + Double(minute % 5) * abs(spread) / 100)
            })
        }
    }

    /// The same points in a local store.
    static func localStore() throws -> TemporaryStore {
        let store = TemporaryStore()
        let writer = try store.writer(now: end)
        try writer.append(samples: series.flatMap { key, points in points.map { Sample(key: key, timestamp: $0.timestamp, value: $0.value) } })
        try writer.close()
        return store
    }

    @Test func queryOverPrometheusPrintsWhatTheStorePrints() throws {
        let server = try PrometheusServer(samples: Self.series)
        defer { server.stop() }
        let store = try Self.localStore()
        let range = ["--from", String(Int(Self.end - 7_200)), "--to", String(Int(Self.end))]
        let queries = [
            ["--series", "usage.transactions", "--step", "10m", "--agg", "avg"],
            ["--series", "usage.transactions{integration=\"paypal\"}", "--step", "5m", "--agg", "max"],
            ["--series", "value.ecosystem_revenue", "--agg", "count"],
            ["--series", "usage.critical_uptime"],
        ]
        for query in queries {
            let local = try EcotopBinary.run(["query", "--store", store.root] + query + range)
            let remote = try EcotopBinary.run(["query", "--source", "prometheus", "--url", server.url] + query + range)
            #expect(local.status == 0 && remote.status == 0, "\(query): \(local.errors) \(remote.errors)")
            let localLines = local.output.split(separator: "\n"), remoteLines = remote.output.split(separator: "\n")
            #expect(!localLines.isEmpty)
            #expect(remoteLines.count == localLines.count, "\(query)")
            for (mine, theirs) in zip(remoteLines, localLines) {
                let a = try Self.fields(mine), b = try Self.fields(theirs)
                #expect(a.text == b.text, "\(query)")
                #expect(abs(a.value - b.value) <= 1e-9 * max(1, abs(b.value)), "\(query): \(mine) vs \(theirs)")
            }
        }
    }

    @Test func aDashboardFrameOverPrometheusShowsTheStoresStatuses() throws {
        let server = try PrometheusServer(samples: Self.series)
        defer { server.stop() }
        let store = try Self.localStore()
        let frame = ["screenshot", "--time", String(Int(Self.end)), "--width", "160", "--height", "48"]
        let local = try EcotopBinary.run(frame + ["--store", store.root])
        let remote = try EcotopBinary.run(frame + ["--source", "prometheus", "--url", server.url])
        #expect(local.status == 0 && remote.status == 0, "\(local.errors) \(remote.errors)")
        let statuses = Self.statuses(local.output)
        #expect(Set(statuses).isSuperset(of: ["OK", "WARN", "CRIT"]), "\(local.output)")
        #expect(Self.statuses(remote.output) == statuses, "\(remote.output)")
        #expect(remote.output.contains("series from Prometheus at \(server.url)"))
    }

    @Test func serverErrorsShowAsErrorsNeverCrashes() throws {
        let server = try PrometheusServer(samples: Self.series)
        defer { server.stop() }
        let store = TemporaryStore()
        let config = try store.file(named: "config.yaml", containing: """
            ecosystem: {name: Shop}
            collectors: []
            source: {type: prometheus, url: "\(server.url)", headers: {Authorization: "Bearer ${PROM_TOKEN}"}}
            metrics:
              usage.transactions: {promql: "sum(usage_transactions"}
            """)
        let environment = ["PROM_TOKEN": "s3cr3t-token", "HOME": store.root, "PATH": "/usr/bin:/bin"]
        let frame = try EcotopBinary.run(
            ["screenshot", "--config", config, "--time", String(Int(Self.end)), "--width", "160", "--height", "48"], environment: environment)
        #expect(frame.status == 0, "\(frame.errors)")
        #expect(frame.output.contains("HTTP 400 bad_data"), "\(frame.output)")
        #expect(!frame.output.contains("s3cr3t-token") && !frame.errors.contains("s3cr3t-token"))

        let unreachable = try EcotopBinary.run(
            ["query", "--source", "prometheus", "--url", "http://127.0.0.1:9", "--series", "usage.transactions", "--agg", "avg"])
        #expect(unreachable.status == 1)
        #expect(unreachable.errors == "ecotop: GET http://127.0.0.1:9/api/v1/series: connection refused\n")

        let missingURL = try EcotopBinary.run(["query", "--source", "prometheus", "--series", "usage.transactions"])
        #expect(missingURL.status != 0)
        #expect(missingURL.errors.contains("--source prometheus needs --url URL"))
    }

    /// The status words of a text frame, in reading order.
    static func statuses(_ frame: String) -> [String] {
        frame.split(separator: " ").map(String.init).filter { ["OK", "WARN", "CRIT", "N/A", "STALE", "ANOMALY"].contains($0) }
    }

    /// A JSON line's fields but its value, and its value.
    static func fields(_ line: Substring) throws -> (text: String, value: Double) {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let value = try #require(object.removeValue(forKey: "value") as? Double)
        let text = String(decoding: try JSONSerialization.data(withJSONObject: object, options: .sortedKeys), as: UTF8.self)
        return (text, value)
    }
}
