import EcotopCore
import Foundation
import Testing
@testable import EcotopStore
import EcotopTestSupport

/// The store's commands as a user runs them.
@Suite struct CommandLineTests {
    /// Half past the hour before the current one: `lines` writes from ten minutes before it,
    /// so every test store holds exactly one raw segment whatever the time the tests run.
    let now = Int(Date().timeIntervalSince1970) / 3_600 * 3_600 - 1_800

    private func lines(_ count: Int) -> String {
        (0..<count).map { #"{"ts":\#(now - 600 + $0 * 60),"name":"usage.transactions","labels":{"integration":"\#($0 % 2 == 0 ? "stripe" : "paypal")"},"value":\#($0)}"# }
            .joined(separator: "\n") + "\n"
    }

    @Test func ingestReportsBadLinesByFileAndLineAndFailsButKeepsTheRest() throws {
        let store = TemporaryStore()
        let input = try store.file(named: "input.jsonl", containing: lines(3) + "{\"ts\":1,\"name\":\"m\"}\nnot json\n" + lines(1))
        let run = try EcotopBinary.run(["ingest", "--store", store.root, input])
        #expect(run.status == 1)
        #expect(run.errors.contains("\(input):4:1: missing \"value\""))
        #expect(run.errors.contains("\(input):5:1: expected '{'"))
        #expect(run.output.contains("accepted 4 samples and 0 events, rejected 2 lines"))
        #expect(try store.reader().series(matching: SeriesSelector(parsing: "usage.transactions")).count == 2)
    }

    @Test func dryRunWritesNothingAndAckCountsLines() throws {
        let store = TemporaryStore()
        let dry = try EcotopBinary.run(["ingest", "--store", store.root, "--dry-run", "-"], input: lines(4))
        #expect(dry.status == 0 && dry.output.contains("valid 4 samples"))
        #expect(!FileManager.default.fileExists(atPath: store.root))
        let acked = try EcotopBinary.run(["ingest", "--store", store.root, "--ack", "--batch-size", "2", "-"], input: lines(5))
        #expect(acked.status == 0)
        #expect(acked.output.split(separator: "\n").last == "ack 5")
        #expect(acked.output.split(separator: "\n").allSatisfy { $0.hasPrefix("ack ") }, "stdout carries only acks")
    }

    @Test func queryFiltersByLabelsAndPrintsEachFormat() throws {
        let store = TemporaryStore()
        try #require(try EcotopBinary.run(["ingest", "--store", store.root, "-"], input: lines(6)).status == 0)
        let selector = #"usage.transactions{integration=~"str.*"}"#
        let jsonl = try EcotopBinary.run(["query", "--store", store.root, "--series", selector, "--from", "-2h"])
        #expect(jsonl.status == 0)
        let values = jsonl.output.split(separator: "\n").map { line -> Double in
            let object = try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            #expect((object["labels"] as? [String: String]) == ["integration": "stripe"])
            return (object["value"] as! NSNumber).doubleValue
        }
        #expect(values == [0, 2, 4])
        let count = try EcotopBinary.run(["query", "--store", store.root, "--series", "usage.transactions", "--from=-2h", "--raw", "--agg", "count", "--format", "csv"])
        #expect(count.status == 0)
        #expect(count.output.hasPrefix("ts,series,value\n"))
        #expect(count.output.contains(#""usage.transactions{integration=""paypal""}",3"#))
        let table = try EcotopBinary.run(["query", "--store", store.root, "--series", selector, "--from", "-2h", "--step", "10m", "--agg", "sum", "--format", "table"])
        #expect(table.status == 0)
        #expect(table.output.hasPrefix("TIME"))
        #expect(table.output.split(separator: "\n").count >= 2)
        let bad = try EcotopBinary.run(["query", "--store", store.root, "--series", "m{a~\"1\"}"])
        #expect(bad.status == 1 && bad.errors.contains("at character"))
    }

    @Test func checkRepairAndStatsTalkAboutTheSameStore() throws {
        let store = TemporaryStore()
        try #require(try EcotopBinary.run(["ingest", "--store", store.root, "-"], input: lines(4)).status == 0)
        #expect(try EcotopBinary.run(["store", "check", "--store", store.root]).status == 0)
        let raw = try store.onlySegment(in: "raw")
        try store.write(raw, try store.bytes(raw) + Array("{broken\n".utf8))
        let check = try EcotopBinary.run(["store", "check", "--store", store.root])
        #expect(check.status == 1 && check.output.contains("\(store.path(raw)):5: damaged line"))
        let repair = try EcotopBinary.run(["store", "repair", "--store", store.root])
        #expect(repair.status == 0 && repair.output.contains("quarantined 1 line(s)"))
        #expect(try EcotopBinary.run(["store", "check", "--store", store.root]).status == 0)
        let stats = try EcotopBinary.run(["store", "stats", "--store", store.root])
        #expect(stats.status == 0)
        #expect(stats.output.contains("series: 2") && stats.output.contains("raw: 1 segments, 4 lines"))
    }

    @Test func demoBackfillWritesEveryMetricAndEvents() throws {
        let store = TemporaryStore()
        let run = try EcotopBinary.run(["demo", "backfill", "--store", store.root, "--days", "1", "--interval", "900"])
        #expect(run.status == 0 && run.errors.contains("1/1 days"), "plain progress when not on a terminal")
        let reader = try store.reader()
        let keys = try reader.seriesKeys().compactMap { $0 }
        #expect(keys.filter(\.labels.isEmpty).map(\.name).sorted() == MetricCatalog.standard.metrics.map(\.id.rawValue).sorted())
        #expect(keys.contains(SeriesKey(name: "usage.transactions", labels: ["component": "storefront"])), "and the demo's labelled parts")
        let transactions = try #require(try reader.existingID(of: SeriesKey(name: "usage.transactions")))
        let points = try reader.rawPoints(series: [transactions], from: 0, to: Date().timeIntervalSince1970 + 60)[0]
        #expect(points.count == 97)
        #expect(try !reader.events(from: 0, to: Date().timeIntervalSince1970 + 60).isEmpty)
        #expect(try StoreCheck.run(layout: store.layout).isEmpty)
    }
}
