import EcotopCore
import Foundation
import Testing
@testable import EcotopStore
import EcotopTestSupport

/// `ecotop ingest --format influx --precision s|ms|us|ns`, Telegraf's `precision`: the unit of
/// the timestamps, nanoseconds by default as in InfluxDB.
@Suite struct IngestInfluxPrecisionTests {
    let now = Int(Date().timeIntervalSince1970) / 60 * 60

    func stored(_ store: TemporaryStore) throws -> [SeriesPoint] {
        let reader = try store.reader()
        let id = try #require(try reader.existingID(of: SeriesKey(name: "cpu.idle", labels: ["host": "web1"])))
        return try reader.rawPoints(series: [id], from: 0, to: Double(now + 60)).flatMap { $0 }
    }

    @Test(arguments: [("s", 1), ("ms", 1_000), ("us", 1_000_000), ("ns", 1_000_000_000)])
    func eachPrecisionReadsItsUnit(precision: String, perSecond: Int) throws {
        let store = TemporaryStore()
        let run = try EcotopBinary.run(
            ["ingest", "--store", store.root, "--format", "influx", "--precision", precision, "-"],
            input: "cpu,host=web1 idle=97.5 \(now * perSecond)\n")
        #expect(run.status == 0)
        #expect(run.errors.isEmpty)
        #expect(try stored(store) == [SeriesPoint(timestamp: Double(now), value: 97.5)])
    }

    @Test func secondsReadAsNanosecondsAreSkippedWithAWarningNamingThePrecision() throws {
        let store = TemporaryStore()
        let run = try EcotopBinary.run(
            ["ingest", "--store", store.root, "--format", "influx", "-"], input: "cpu,host=web1 idle=97.5 \(now)\ncpu,host=web1 idle=98 \(now + 60)\n")
        #expect(run.status == 0)
        let warnings = run.errors.split(separator: "\n")
        #expect(warnings.first == "<stdin>: every timestamp falls before 1971 or after 2100 when read in ns; they look like s: pass --precision s")
        #expect(warnings.dropFirst().first?.hasPrefix("<stdin>:1:25: skipped cpu.idle{host=\"web1\"}: timestamp 1970-01-01T00:00:01") == true)
        #expect(run.output == "accepted 0 samples and 0 events, rejected 0 lines, skipped 2 samples the store does not keep\n")
    }

    @Test func precisionIsAnOptionOfInfluxOnly() throws {
        let run = try EcotopBinary.run(["ingest", "--format", "prometheus", "--precision", "s", "-"])
        #expect(run.status != 0)
        #expect(run.errors.contains("--precision applies to --format influx only"))
    }
}
