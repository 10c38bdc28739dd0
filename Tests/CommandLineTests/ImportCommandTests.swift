import EcotopCore
import Foundation
import Testing
@testable import EcotopStore
import EcotopTestSupport

/// `ecotop import FILE`: checked whole, then written in batches.
@Suite struct ImportCommandTests {
    let now = Int(Date().timeIntervalSince1970) / 60 * 60

    @Test func csvIsImportedInBatchesWithLabelsFromExtraColumns() throws {
        let store = TemporaryStore()
        let rows = (0..<5).map { "\(now - 300 + $0 * 60),usage.transactions,\($0),\($0 % 2 == 0 ? "stripe" : "paypal")" }
        let path = try store.file(named: "backfill.csv", containing: "ts,name,value,integration\n" + rows.joined(separator: "\n") + "\n")
        let run = try EcotopBinary.run(["import", "--store", store.root, "--batch-size", "2", path])
        #expect(run.status == 0)
        #expect(run.output == "imported 5 samples from \(path)\n")
        #expect(!run.errors.contains("\r"), "no progress bar when stderr is not a terminal")
        let reader = try store.reader()
        let stripe = try #require(try reader.existingID(of: SeriesKey(name: "usage.transactions", labels: ["integration": "stripe"])))
        let points = try reader.rawPoints(series: [stripe], from: Double(now - 3_600), to: Double(now + 60))
        #expect(points == [[0, 2, 4].map { SeriesPoint(timestamp: Double(now - 300 + $0 * 60), value: Double($0)) }])
    }

    @Test func aBadRowImportsNothingAndNamesFileLineAndColumn() throws {
        let store = TemporaryStore()
        let path = try store.file(named: "bad.csv", containing: "ts,name,value\n\(now),usage.transactions,1\n\(now),usage.transactions,lots\n")
        let run = try EcotopBinary.run(["import", "--store", store.root, path])
        #expect(run.status == 1)
        #expect(run.errors == "\(path):3:\(String(now).count + 21): value must be a finite number, not \"lots\"\n")
        #expect(!FileManager.default.fileExists(atPath: store.root))
    }

    @Test func jsonNeedsItsFormatOrExtensionAndDryRunWritesNothing() throws {
        let store = TemporaryStore()
        let text = "[{\"ts\": \(now), \"name\": \"participation.active_partners\", \"value\": 42}]"
        let unnamed = try store.file(named: "partners.data", containing: text)
        let refused = try EcotopBinary.run(["import", "--store", store.root, unnamed])
        #expect(refused.status == 64, "a validation error exits with EX_USAGE")
        #expect(refused.errors.hasPrefix("Error: cannot tell the format of \(unnamed) from its extension; pass --format csv or --format json\n"))
        let dry = try EcotopBinary.run(["import", "--store", store.root, "--format", "json", "--dry-run", unnamed])
        #expect(dry.status == 0 && dry.output == "valid 1 sample from \(unnamed)\n")
        #expect(!FileManager.default.fileExists(atPath: store.root))
        let real = try EcotopBinary.run(["import", "--store", store.root, "--format", "json", unnamed])
        #expect(real.status == 0)
        let latest = try store.reader().latest(of: SeriesKey(name: "participation.active_partners"), at: Double(now + 1), lookback: 60)
        #expect(latest?.value == 42)
    }
}
