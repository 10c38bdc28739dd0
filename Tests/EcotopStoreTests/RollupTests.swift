import EcotopCore
import Testing
@testable import EcotopStore
import EcotopTestSupport

@Suite struct RollupTests {
    let start = 1_799_990_000.0

    /// Random points over 30 hours in several batches, some out of order.
    private func fill(_ store: TemporaryStore) throws -> [Sample] {
        var random = SeededGenerator(seed: 3)
        let keys = (0..<4).map { key("m", ["n": "\($0)"]) }
        var all: [Sample] = []
        let writer = try store.writer(now: start + 30 * 3_600)
        for _ in 0..<12 {
            let samples = (0..<400).map { _ in
                Sample(key: keys.randomElement(using: &random)!, timestamp: (start + Double.random(in: 0..<108_000, using: &random)).rounded(),
                    value: Double(Int.random(in: -1_000...1_000, using: &random)) / 8)
            }
            try writer.append(samples: samples)
            all += samples
        }
        try writer.close()
        return all
    }

    @Test func everyTierEqualsAggregatesComputedFromRaw() throws {
        let store = TemporaryStore()
        let samples = try fill(store)
        let reader = try store.reader()
        for tier in reader.manifest.ladder.tiers {
            let buckets = 30 * 3_600 / Int(tier.step) + 1
            let from = (start / Double(tier.step)).rounded(.down) * Double(tier.step)
            for id in 0..<4 {
                let key = try #require(reader.seriesKeys()[id])
                let query = RangeQuery(series: [UInt32(id)], from: from, to: from + Double(buckets * Int(tier.step)) - 0.001, buckets: buckets, resolution: .tier(tier))
                let fromTier = try reader.run(query)[0]
                let fromRaw = try reader.run(RangeQuery(series: [UInt32(id)], from: query.from, to: query.to, buckets: buckets, resolution: .raw))[0]
                #expect(fromTier.count == fromRaw.count, "tier \(tier.name)")
                for (a, b) in zip(fromTier, fromRaw) {
                    #expect(a.count == b.count && a.min == b.min && a.max == b.max && a.last == b.last && abs(a.sum - b.sum) < 1e-9)
                }
                let mine = samples.filter { $0.key == key }
                #expect(fromRaw.reduce(0) { $0 + $1.count } == Int64(mine.count))
                #expect(fromRaw.reduce(0) { $0 + $1.sum } == mine.reduce(0) { $0 + $1.value })
            }
        }
        #expect(try StoreCheck.run(layout: store.layout).isEmpty)
    }

    @Test func compactionMergesPartialsWithoutChangingAnswers() throws {
        let store = TemporaryStore()
        _ = try fill(store)
        let tier = RetentionLadder.standard.tiers[2]
        let query = RangeQuery(series: [0, 1, 2, 3], from: start, to: start + 108_000, buckets: 30, resolution: .tier(tier))
        let before = try store.reader().run(query)
        let cachedReader = try StoreReader(layout: store.layout, keepsParsedSegments: true)
        #expect(try cachedReader.run(query) == before)
        let linesBefore = try StoreStats.collect(layout: store.layout).parts.first { $0.name == "1h" }!.lines
        let report = try StoreMaintenance.compact(layout: store.layout, clock: FixedWallClock(start + 30 * 3_600))
        #expect(report.rewrittenSegments > 0 && report.bytesAfter < report.bytesBefore)
        let linesAfter = try StoreStats.collect(layout: store.layout).parts.first { $0.name == "1h" }!.lines
        #expect(linesAfter == 4 * 31 || linesAfter == 4 * 30, "one line per series and hour, was \(linesBefore)")
        #expect(try store.reader().run(query) == before)
        #expect(try cachedReader.run(query) == before, "a rewritten segment is parsed afresh, not extended")
    }

    @Test func aWriterAppendingPointByPointKeepsRollupsMerged() throws {
        let store = TemporaryStore()
        let writer = try StoreWriter(layout: store.layout, clock: FixedWallClock(start), durability: .interval(seconds: 3_600))
        let hourStart = (start / 3_600).rounded(.down) * 3_600
        let appends = StoreWriter.fragmentsBeforeMerge + 500
        for index in 0..<appends {
            try writer.append(samples: [Sample(key: key("live"), timestamp: hourStart + Double(index) * 0.5, value: Double(index))])
        }
        try writer.close()
        let hourly = try StoreStats.collect(layout: store.layout).parts.first { $0.name == "1h" }!
        #expect(hourly.lines <= 501, "merged once, then at most the fragments since: \(hourly.lines) lines")
        let query = RangeQuery(series: [0], from: hourStart, to: hourStart + 3_599, buckets: 1, resolution: .tier(RetentionLadder.standard.tiers[2]))
        let bucket = try #require(try store.reader().run(query)[0].first)
        #expect(bucket.count == Int64(appends) && bucket.last == Double(appends - 1) && bucket.min == 0)
        #expect(try StoreCheck.run(layout: store.layout).isEmpty)
    }

    @Test func rangeQueriesPickTheCoarsestTierThatGivesEnoughPoints() throws {
        let store = TemporaryStore()
        _ = try fill(store)
        let reader = try store.reader()
        let now = start + 30 * 3_600
        #expect(reader.resolution(bucketSeconds: 30 * 86_400 / 200, from: now - 30 * 86_400, to: now) == .tier(RetentionLadder.standard.tiers[2]))
        #expect(reader.resolution(bucketSeconds: 86_400 / 200, from: now - 86_400, to: now) == .tier(RetentionLadder.standard.tiers[1]))
        #expect(reader.resolution(bucketSeconds: 3_600 / 60, from: now - 3_600, to: now) == .tier(RetentionLadder.standard.tiers[0]))
        #expect(reader.resolution(bucketSeconds: 900 / 200, from: now - 900, to: now) == .raw)
        let points = try reader.points(of: key("m", ["n": "0"]), from: now - 30 * 86_400, to: now, buckets: 200, aggregation: .count)
        #expect(points.count <= 200 && points.count >= 8)
        #expect(points.allSatisfy { $0.timestamp > now - 30 * 86_400 && $0.timestamp <= now })
    }
}

@Suite struct RetentionTests {
    @Test func expiredSegmentsAreDroppedWholeAndOnlyThem() throws {
        let store = TemporaryStore()
        let ladder = RetentionLadder.standard
        let hour = 3_600.0
        let base = 1_800_000_000 - 1_800_000_000.truncatingRemainder(dividingBy: 86_400)
        let writer = try store.writer(now: base - 25 * hour)
        try writer.append(samples: (0..<72).map { Sample(key: key("m"), timestamp: base - Double($0) * hour - 1, value: 1) })
        try writer.close()
        #expect(StoreFileSystem.entries(of: store.path("raw")).count == 72, "nothing had expired 25 h before")
        // Raw keeps 48 h: at `base` the segment [base-49h, base-48h) ends exactly at the boundary.
        let reopened = try StoreWriter(layout: store.layout, clock: FixedWallClock(base))
        try reopened.close()
        let starts = StoreLayout.segments(in: store.path("raw")).map(\.start)
        #expect(starts.count == 48)
        #expect(starts.first == Int64(base - 48 * hour))
        #expect(reopened.recovery.expiredSegments == 24)
        // The 1m tier (8 days, daily segments) still has all three days.
        #expect(StoreFileSystem.entries(of: store.path("rollup/1m")).count == 3)
        let later = try StoreWriter(layout: store.layout, clock: FixedWallClock(base + 7 * 86_400))
        try later.close()
        #expect(StoreFileSystem.entries(of: store.path("rollup/1m")).count == 1, "days ending more than 8 days ago are gone")
        #expect(StoreFileSystem.entries(of: store.path("raw")).isEmpty)
        #expect(ladder.rawRetention == 48 * 3_600)
    }
}
