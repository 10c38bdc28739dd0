import EcotopCore
import Foundation
import Testing
@testable import EcotopStore
import EcotopTestSupport

/// Records older than every level of the store's retention would be written and dropped at
/// the next retention pass: `ingest` and `import` skip and count them instead of reporting
/// them accepted.
@Suite struct RetentionSkipTests {
    let now = Int(Date().timeIntervalSince1970) / 60 * 60
    /// 2000-01-01, older than the standard ladder's two years.
    let longAgo = 946_684_800

    @Test func jsonLinesOlderThanTheRetentionAreSkippedAndTheRestKept() throws {
        let store = TemporaryStore()
        let input = """
            {"ts":\(longAgo),"name":"usage.orders","value":1}
            {"ts":\(now),"name":"usage.orders","value":2}
            {"ts":\(longAgo),"kind":"error","integration":"shop->psp","code":"500"}

            """
        let run = try EcotopBinary.run(["ingest", "--store", store.root, "-"], input: input)
        #expect(run.status == 0, "a record the store does not keep is not an error")
        #expect(run.errors.hasPrefix("<stdin>:1:7: skipped: timestamp 2000-01-01T00:00:00Z is older than the store's retention keeps (from "))
        #expect(run.errors.contains("<stdin>:3:7: skipped: timestamp 2000-01-01T00:00:00Z is older"))
        #expect(run.output == "accepted 1 sample and 0 events, rejected 0 lines, skipped 2 records the store does not keep\n")
        let reader = try store.reader()
        let id = try #require(try reader.existingID(of: SeriesKey(name: "usage.orders")))
        #expect(try reader.rawPoints(series: [id], from: 0, to: Double(now + 60)) == [[SeriesPoint(timestamp: Double(now), value: 2)]])
    }

    @Test func aDryRunSkipsByTheRetentionOfTheStoreItWouldWriteTo() throws {
        let store = TemporaryStore()
        let input = #"{"ts":\#(longAgo),"name":"usage.orders","value":1}"# + "\n"
        let run = try EcotopBinary.run(["ingest", "--store", store.root, "--dry-run", "-"], input: input)
        #expect(run.output == "valid 0 samples and 0 events, rejected 0 lines, skipped 1 record the store does not keep\n")
    }

    @Test func importSkipsRowsOlderThanTheRetentionAndCountsThem() throws {
        let store = TemporaryStore()
        let path = store.root + "-backfill.csv"
        try "ts,name,value\n\(longAgo),usage.orders,1\n\(now),usage.orders,2\n".write(toFile: path, atomically: true, encoding: .utf8)
        let run = try EcotopBinary.run(["import", "--store", store.root, path])
        #expect(run.status == 0)
        #expect(run.output == "imported 1 sample from \(path), skipped 1 sample the store does not keep\n")
        #expect(run.errors.hasPrefix("\(path): skipped usage.orders: timestamp 2000-01-01T00:00:00Z is older than the store's retention keeps"))
        let reader = try store.reader()
        let id = try #require(try reader.existingID(of: SeriesKey(name: "usage.orders")))
        #expect(try reader.rawPoints(series: [id], from: 0, to: Double(now + 60)).flatMap { $0.map(\.value) } == [2])
    }
}
