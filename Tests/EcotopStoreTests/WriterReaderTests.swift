import EcotopCore
import Foundation
import Testing
@testable import EcotopStore
import EcotopTestSupport

@Suite struct WriterReaderTests {
    @Test func pointsComeBackAsWritten() throws {
        let store = TemporaryStore()
        let writer = try store.writer()
        let series = key("usage.transactions", ["integration": "stripe"])
        try writer.append(samples: [
            Sample(key: series, timestamp: 1_000, value: 1.5),
            Sample(key: series, timestamp: 1_000.25, value: -2),
            Sample(key: key("other"), timestamp: 1_001, value: 3),
        ])
        try writer.close()
        let reader = try store.reader()
        let id = try #require(try reader.existingID(of: series))
        let points = try reader.rawPoints(series: [id], from: 0, to: 2_000)
        #expect(points == [[SeriesPoint(timestamp: 1_000, value: 1.5), SeriesPoint(timestamp: 1_000.25, value: -2)]])
        #expect(try reader.latest(of: series, at: 2_000, lookback: 3_600) == SeriesPoint(timestamp: 1_000.25, value: -2))
        #expect(try reader.latest(of: series, at: 999, lookback: 3_600) == nil)
    }

    @Test func outOfOrderAndDuplicateTimestampsAreAllKept() throws {
        let store = TemporaryStore()
        let writer = try store.writer()
        let series = key("m")
        try writer.append(samples: [Sample(key: series, timestamp: 7_300, value: 3), Sample(key: series, timestamp: 100, value: 1)])
        try writer.append(samples: [Sample(key: series, timestamp: 100, value: 2)])
        try writer.close()
        let reader = try store.reader()
        let points = try reader.rawPoints(series: [0], from: 0, to: 10_000)[0]
        #expect(points.map(\.value) == [1, 2, 3], "sorted by time, equal times in append order")
        let buckets = try reader.run(RangeQuery(series: [0], from: 0, to: 10_000, buckets: 1, resolution: .tier(RetentionLadder.standard.tiers[0])))
        #expect(buckets[0].map(\.count) == [3])
        #expect(buckets[0].map(\.last) == [3])
        let early = try reader.run(RangeQuery(series: [0], from: 0, to: 3_000, buckets: 1, resolution: .tier(RetentionLadder.standard.tiers[0])))
        #expect(early[0].map(\.last) == [2], "the later append wins a tie")
    }

    @Test func timesFarOutsideTheStoreAndHugeQueriesDoNotTrap() throws {
        let store = TemporaryStore()
        let writer = try store.writer()
        try writer.append(samples: [Sample(key: key("m"), timestamp: 1_000, value: 1)])
        try writer.close()
        let reader = try store.reader()
        #expect(try reader.rawPoints(series: [0], from: -1e300, to: 1e300)[0].map(\.value) == [1])
        #expect(try reader.run(RangeQuery(series: [0], from: -1e20, to: 1e20, buckets: 2, resolution: .raw))[0].map(\.count) == [1])
        #expect(try reader.latest(of: key("m"), at: 1e20, lookback: 2e20)?.value == 1)
        #expect(try reader.events(from: -1e300, to: 1e300).isEmpty)
        let huge = RangeQuery(series: [0], from: 0, to: 3_600, buckets: Int.max, resolution: .raw)
        let error = try #require(throws: StoreError.self) { try reader.run(huge) }
        #expect(error.kind == .invalidRequest && error.message.contains("too large"))
        #expect(throws: StoreError.self) { try reader.run(RangeQuery(series: [0], from: .nan, to: 1, buckets: 1, resolution: .raw)) }
    }

    @Test func filesAre0600AndDirectories0700() throws {
        let store = TemporaryStore()
        let writer = try store.writer()
        try writer.append(samples: [Sample(key: key("m"), timestamp: 1_000, value: 1)],
            events: [IntegrationEvent(timestamp: 1_000, kind: .error, integration: "a->b", code: "500", message: "x")])
        try writer.close()
        let files = try FileManager.default.subpathsOfDirectory(atPath: store.root)
        #expect(files.count > 6)
        for relative in files + [""] {
            let attributes = try FileManager.default.attributesOfItem(atPath: store.path(relative))
            let mode = (attributes[.posixPermissions] as! NSNumber).intValue
            let isDirectory = attributes[.type] as? FileAttributeType == .typeDirectory
            #expect(mode == (isDirectory ? 0o700 : 0o600), "\(relative) has mode \(String(mode, radix: 8))")
        }
    }

    @Test func aSecondWriterIsRefusedWithTheHoldersPid() throws {
        let store = TemporaryStore()
        let first = try store.writer()
        let error = try #require(throws: StoreError.self) { try store.writer() }
        #expect(error.kind == .locked(pid: getpid()))
        #expect(error.description.contains("process \(getpid())"))
        try first.close()
        try store.writer().close()
    }

    @Test(arguments: [false, true])
    func aReaderWhileTheWriterAppendsSeesOnlyWholeLines(keepsParsedSegments: Bool) async throws {
        let store = TemporaryStore()
        let writer = try store.writer()
        try writer.append(samples: [Sample(key: key("m"), timestamp: 1_000, value: 0)])
        let reader = try StoreReader(layout: store.layout, keepsParsedSegments: keepsParsedSegments)
        let stop = Mutex(false)
        let readerTask = Task.detached {
            var seen = 0
            var reads = 0
            while !stop.withLock({ $0 }) || reads == 0 {
                let points = try reader.rawPoints(series: [0], from: 0, to: 1e9)[0]
                #expect(points.count >= seen, "points never disappear")
                #expect(points.enumerated().allSatisfy { $0.element.value == Double($0.offset) }, "no garbage, no gaps")
                seen = points.count
                reads += 1
            }
            return (seen, reads, reader.damagedLinesSkipped)
        }
        for batch in 1...200 {
            try writer.append(samples: (0..<50).map { Sample(key: key("m"), timestamp: 1_000 + Double(batch * 50 + $0), value: Double((batch - 1) * 50 + $0 + 1)) })
        }
        stop.withLock { $0 = true }
        let (seen, reads, damaged) = try await readerTask.value
        #expect(reads > 0 && seen <= 10_001)
        #expect(damaged == 0)
        try writer.close()
        #expect(try reader.rawPoints(series: [0], from: 0, to: 1e9)[0].count == 10_001)
    }

    @Test func eventsComeBackInTimeOrder() throws {
        let store = TemporaryStore()
        let writer = try store.writer()
        let late = IntegrationEvent(timestamp: 90_000, kind: .delivery, integration: "crm->cdp", code: "200", message: "ok", latencyMilliseconds: 12.5)
        let early = IntegrationEvent(timestamp: 1_000, kind: .error, integration: "a->b", code: "ETIMEDOUT", message: "line\nbreak \"quoted\"", attributes: ["k": "v"])
        try writer.append(samples: [], events: [late, early])
        try writer.close()
        #expect(try store.reader().events(from: 0, to: 100_000) == [early, late])
        #expect(try store.reader().events(from: 2_000, to: 100_000) == [late])
        #expect(try store.reader().events(from: 1_000, to: 90_000) == [early], "from..<to, as EventSource says")
    }

    @Test func aFailedAppendStopsTheWriterAndReopeningRecovers() throws {
        let store = TemporaryStore()
        do {
            let writer = try store.writer()
            try writer.append(samples: [Sample(key: key("m"), timestamp: 1_000, value: 1)])
            // A directory where the next segment file should be makes the append fail.
            try FileManager.default.createDirectory(atPath: store.path("raw/7200.jsonl"), withIntermediateDirectories: false)
            #expect(throws: StoreError.self) { try writer.append(samples: [Sample(key: key("m"), timestamp: 7_300, value: 2)]) }
            let refused = try #require(throws: StoreError.self) {
                try writer.append(samples: [Sample(key: key("m"), timestamp: 1_001, value: 3)])
            }
            #expect(refused.message.contains("an earlier append failed"))
            #expect(throws: StoreError.self) { try writer.close() }
        }
        try FileManager.default.removeItem(atPath: store.path("raw/7200.jsonl"))
        let reopened = try StoreWriter(layout: store.layout, clock: FixedWallClock(100_000))
        try reopened.close()
        #expect(try StoreCheck.run(layout: store.layout).isEmpty, "rollups of the failed batch were rebuilt")
        #expect(try store.reader().rawPoints(series: [0], from: 0, to: 1e6)[0].map(\.value) == [1])
    }

    @Test func aWriterRefusesADirectoryThatIsNotAStore() throws {
        let store = TemporaryStore()
        try FileManager.default.createDirectory(atPath: store.root, withIntermediateDirectories: true)
        try store.write("notes.txt", Array("mine".utf8))
        let error = try #require(throws: StoreError.self) { try store.writer() }
        #expect(error.path == store.root && error.message.contains("not an ecotop store"))
        #expect(StoreFileSystem.entries(of: store.root) == ["notes.txt"], "nothing written next to the user's files")
    }

    @Test func aStoreWithoutManifestIsNotAStore() throws {
        let store = TemporaryStore()
        #expect(throws: StoreError.self) { try store.reader() }
        try store.writer().close()
        var text = String(decoding: try store.bytes("manifest.json"), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"version\" : 1", with: "\"version\" : 2")
        try store.write("manifest.json", Array(text.utf8))
        let error = try #require(throws: StoreError.self) { try store.reader() }
        #expect(error.kind == .unsupportedVersion)
    }

    @Test(arguments: [
        ("\"segment_seconds\" : 86400", "\"segment_seconds\" : 0"),
        ("\"retention_seconds\" : 691200", "\"retention_seconds\" : -1"),
        ("\"raw_segment_seconds\" : 3600", "\"raw_segment_seconds\" : 9000000000000000"),
        ("\"name\" : \"5m\"", "\"name\" : \"1m\""),
    ])
    func aHandEditedLadderIsRefusedWithItsFile(original: String, edited: String) throws {
        let store = TemporaryStore()
        try store.writer().close()
        let text = String(decoding: try store.bytes("manifest.json"), as: UTF8.self)
        try #require(text.contains(original))
        try store.write("manifest.json", Array(text.replacingOccurrences(of: original, with: edited).utf8))
        let error = try #require(throws: StoreError.self) { try store.reader() }
        #expect(error.kind == .corrupt && error.path == store.path("manifest.json"))
        #expect(error.message.contains("retention ladder"))
        #expect(throws: StoreError.self) { try store.writer() }
    }
}

import Synchronization
