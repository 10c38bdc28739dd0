import EcotopCore
import Foundation
import Testing
@testable import EcotopStore
import EcotopTestSupport

@Suite struct RecoveryTests {
    let series = key("m")
    /// The start of the hour the test points fall in.
    let hour = 1_799_996_400.0

    /// A store with 100 points (values 0..<100, one per line) in one raw segment, closed cleanly.
    private func filledStore() throws -> TemporaryStore {
        let store = TemporaryStore()
        let writer = try store.writer()
        try writer.append(samples: (0..<100).map { Sample(key: series, timestamp: hour + Double($0), value: Double($0)) })
        try writer.close()
        return store
    }

    private func values(_ store: TemporaryStore) throws -> [Double] {
        try store.reader().rawPoints(series: [0], from: 0, to: 1e10)[0].map(\.value)
    }

    @Test func aTornLastLineIsCutOnOpenAndCounted() throws {
        let store = try filledStore()
        let raw = try store.onlySegment(in: "raw")
        let torn = Array(#"{"s":0,"t":1799996500000,"v":1"#.utf8)
        try store.write(raw, try store.bytes(raw) + torn)
        #expect(try values(store) == (0..<100).map(Double.init), "readers skip the unterminated line")
        #expect(try StoreCheck.run(layout: store.layout).map(\.kind) == [.tornTail])
        let writer = try store.writer()
        #expect(writer.recovery.tornTails == [StoreWriter.RecoveryReport.CutTail(path: store.path(raw), bytes: torn.count)])
        #expect(writer.recovery.summary?.contains("cut the unfinished last line of 1 file(s)") == true)
        try writer.close()
        #expect(try store.bytes(raw).last == 0x0A)
        #expect(try StoreCheck.run(layout: store.layout).isEmpty)
        #expect(try values(store) == (0..<100).map(Double.init))
    }

    @Test func aFlippedByteLosesOneLineVisiblyAndRepairQuarantinesIt() throws {
        let store = try filledStore()
        let raw = try store.onlySegment(in: "raw")
        var bytes = try store.bytes(raw)
        let lineStart = bytes.indices.filter { bytes[$0] == 0x0A }[41] + 1
        bytes[lineStart] = UInt8(ascii: "[")
        try store.write(raw, bytes)
        let reader = try store.reader()
        let points = try reader.rawPoints(series: [0], from: 0, to: 1e10)[0].map(\.value)
        #expect(points == (0..<100).filter { $0 != 42 }.map(Double.init))
        #expect(reader.damagedLinesSkipped == 1)
        let problems = try StoreCheck.run(layout: store.layout)
        #expect(problems.contains { $0.kind == .damagedLine && $0.line == 43 && $0.path == store.path(raw) })
        #expect(problems.contains { $0.kind == .rollupMismatch }, "the rollups still count the point")
        let report = try StoreMaintenance.repair(layout: store.layout, clock: FixedWallClock(1_800_000_000))
        #expect(report.quarantined.count == 1)
        let quarantine = StoreFileSystem.entries(of: store.path("quarantine"))
        #expect(quarantine.count == 1)
        #expect(try store.bytes("quarantine/" + quarantine[0]).first == UInt8(ascii: "["), "kept byte for byte")
        #expect(try StoreCheck.run(layout: store.layout).isEmpty)
        #expect(try values(store) == points)
    }

    @Test func randomFlippedBytesNeverLoseOtherLinesSilently() throws {
        var random = SeededGenerator(seed: 5)
        for _ in 0..<60 {
            let store = try filledStore()
            let raw = try store.onlySegment(in: "raw")
            var bytes = try store.bytes(raw)
            var lineOfByte: [Int] = []
            var line = 0
            for byte in bytes {
                lineOfByte.append(line)
                if byte == 0x0A { line += 1 }
            }
            var touched = Set<Int>()
            for _ in 0..<3 {
                let index = Int.random(in: 0..<bytes.count, using: &random)
                bytes[index] ^= UInt8.random(in: 1...255, using: &random)
                // A damaged line break merges a line with the next one.
                touched.formUnion([lineOfByte[index], lineOfByte[index] + 1])
            }
            try store.write(raw, bytes)
            let untouched = Set((0..<100).filter { !touched.contains($0) }.map(Double.init))
            let reader = try store.reader()
            let values = try reader.rawPoints(series: [0], from: 0, to: 1e10)[0].map(\.value)
            #expect(untouched.isSubset(of: Set(values)), "lines away from the damage are all read")
            #expect(values.count >= 100 || reader.damagedLinesSkipped > 0, "a missing line is always counted")
            _ = try StoreMaintenance.repair(layout: store.layout, clock: FixedWallClock(1_800_000_000))
            let problems = try StoreCheck.run(layout: store.layout).filter { $0.kind != .unknownSeries }
            #expect(problems.isEmpty, "\(problems)")
            #expect(untouched.isSubset(of: Set(try self.values(store))), "repair keeps every readable line")
        }
    }

    @Test func aFileWithManyDamagedLinesIsRefusedWithARepairHint() throws {
        let store = try filledStore()
        let raw = try store.onlySegment(in: "raw")
        var bytes = try store.bytes(raw)
        let starts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.dropLast().map { $0 + 1 }
        for start in starts.prefix(20) { bytes[start] = UInt8(ascii: "x") }
        try store.write(raw, bytes)
        let error = try #require(throws: StoreError.self) { try values(store) }
        #expect(error.kind == .corrupt && error.path == store.path(raw) && error.line == 1)
        #expect(error.message.contains("20 of 100") && error.message.contains("ecotop store repair"))
        _ = try StoreMaintenance.repair(layout: store.layout, clock: FixedWallClock(1_800_000_000))
        #expect(try values(store) == (20..<100).map(Double.init))
    }

    @Test func aTruncatedSegmentKeepsItsWholeLines() throws {
        let store = try filledStore()
        let raw = try store.onlySegment(in: "raw")
        let bytes = try store.bytes(raw)
        try store.write(raw, Array(bytes[..<(bytes.count / 2)]))
        let kept = try values(store)
        #expect(!kept.isEmpty && kept.count < 100 && kept == (0..<kept.count).map(Double.init))
        try store.writer().close()
        #expect(try values(store) == kept)
        let problems = try StoreCheck.run(layout: store.layout)
        #expect(!problems.isEmpty && problems.allSatisfy { $0.kind == .rollupMismatch })
        _ = try StoreMaintenance.repair(layout: store.layout, clock: FixedWallClock(1_800_000_000))
        #expect(try StoreCheck.run(layout: store.layout).isEmpty)
    }

    @Test func missingFilesAreReportedAndRollupsRebuilt() throws {
        let store = try filledStore()
        let tier = try store.onlySegment(in: "rollup/1m")
        try FileManager.default.removeItem(atPath: store.path(tier))
        #expect(try StoreCheck.run(layout: store.layout).contains { $0.kind == .rollupMismatch })
        _ = try StoreMaintenance.repair(layout: store.layout, clock: FixedWallClock(1_800_000_000))
        #expect(try StoreCheck.run(layout: store.layout).isEmpty)
        try FileManager.default.removeItem(atPath: store.path("series.jsonl"))
        #expect(try store.reader().series(matching: SeriesSelector(name: nil)).isEmpty)
        #expect(try StoreCheck.run(layout: store.layout).contains { $0.kind == .unknownSeries })
    }

    @Test func aDamagedCatalogStopsTheWriterUntilRepaired() throws {
        let store = try filledStore()
        try store.write("series.jsonl", Array("{\"s\":0,\"name\":\"m\",\"labels\":{}}\n{\"s\":1,\"na\n".utf8))
        let error = try #require(throws: StoreError.self) { try store.writer() }
        #expect(error.path == store.path("series.jsonl") && error.line == 2 && error.message.contains("store repair"))
        _ = try StoreMaintenance.repair(layout: store.layout, clock: FixedWallClock(1_800_000_000))
        try store.writer().close()
        #expect(try values(store) == (0..<100).map(Double.init))
    }

    @Test func repairQuarantinesACatalogLineThatGivesAnIdASecondSeries() throws {
        let store = try filledStore()
        try store.write("series.jsonl", Array("{\"s\":0,\"name\":\"m\",\"labels\":{}}\n{\"s\":0,\"name\":\"x\",\"labels\":{}}\n".utf8))
        let error = try #require(throws: StoreError.self) { try store.writer() }
        #expect(error.line == 2 && error.message.contains("already"))
        let report = try StoreMaintenance.repair(layout: store.layout, clock: FixedWallClock(1_800_000_000))
        #expect(report.quarantined.map(\.line) == [2])
        try store.writer().close()
        #expect(try values(store) == (0..<100).map(Double.init))
        #expect(try StoreCheck.run(layout: store.layout).isEmpty)
    }

    @Test func aCatalogIdFarPastTheOthersIsDamageNotAnArraySize() throws {
        let store = try filledStore()
        try store.write("series.jsonl", Array("{\"s\":0,\"name\":\"m\",\"labels\":{}}\n{\"s\":4000000000,\"name\":\"x\",\"labels\":{}}\n".utf8))
        let reader = try store.reader()
        #expect(try reader.seriesKeys() == [series])
        #expect(reader.damagedLinesSkipped == 1, "so that query warns")
        let error = try #require(throws: StoreError.self) { try store.writer() }
        #expect(error.line == 2 && error.message.contains("gap"))
        let report = try StoreMaintenance.repair(layout: store.layout, clock: FixedWallClock(1_800_000_000))
        #expect(report.quarantined.map(\.line) == [2])
        try store.writer().close()
        #expect(try values(store) == (0..<100).map(Double.init))
    }

    @Test func aCrashBetweenRawAndRollupAppendsIsRebuiltOnOpen() throws {
        let store = try filledStore()
        let raw = try store.onlySegment(in: "raw")
        try store.write(raw, try store.bytes(raw) + Array("{\"s\":0,\"t\":1799996500000,\"v\":100}\n".utf8))
        try store.write("LOCK", Array("pid 999999\n".utf8))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -5)], ofItemAtPath: store.path("LOCK"))
        #expect(try StoreCheck.run(layout: store.layout).contains { $0.kind == .rollupMismatch })
        let writer = try store.writer()
        #expect(writer.recovery.rebuiltRawSegments == 1)
        try writer.close()
        #expect(try StoreCheck.run(layout: store.layout).isEmpty)
    }

    @Test(arguments: ["9223372036854775807", "-9223372036854775808", "-3600", "4102444800"])
    func aStrayFileNamedLikeAFarAwaySegmentIsIgnored(_ start: String) throws {
        let store = try filledStore()
        for directory in ["raw", "rollup/1m", "events"] {
            try StoreFileSystem.createDirectory(store.path(directory))
            try store.write("\(directory)/\(start).jsonl", Array("junk\n".utf8))
        }
        #expect(try values(store) == (0..<100).map(Double.init))
        #expect(try store.reader().events(from: -1e12, to: 1e12).isEmpty)
        #expect(try StoreCheck.run(layout: store.layout).isEmpty)
        let writer = try store.writer(now: 1_800_000_000)
        try writer.append(samples: [Sample(key: series, timestamp: hour + 7, value: 100)])
        try writer.close()
        #expect(try StoreMaintenance.compact(layout: store.layout, clock: FixedWallClock(1_800_000_000)).expiredSegments == 0)
        #expect(try StoreMaintenance.repair(layout: store.layout, clock: FixedWallClock(1_800_000_000)).quarantined.isEmpty)
    }

    @Test func aCleanStoreRebuildsNothing() throws {
        let store = try filledStore()
        let writer = try store.writer()
        #expect(writer.recovery == StoreWriter.RecoveryReport())
        #expect(writer.recovery.summary == nil)
        try writer.close()
    }
}
