import Foundation
import Testing
@testable import EcotopStore
import EcotopTestSupport

@Suite struct SegmentCacheTests {
    private func lines(_ count: Int) -> [UInt8] {
        Array((0..<count).map { "{\"s\":0,\"t\":\($0),\"v\":1}\n" }.joined().utf8)
    }

    @Test func aSegmentThatVanishedNoLongerCountsAgainstTheBudget() throws {
        let store = TemporaryStore()
        try StoreFileSystem.createDirectory(store.root)
        let cache = SegmentCache(lineBudget: 10)
        try store.write("a.jsonl", lines(5))
        try store.write("b.jsonl", lines(3))
        #expect(try cache.entry(for: store.path("a.jsonl"), requiring: .raw, selected: [true])?.lines == 5)
        #expect(try cache.entry(for: store.path("b.jsonl"), requiring: .raw, selected: [true])?.lines == 3)
        #expect(cache.keptLines == 8)
        try StoreFileSystem.remove(store.path("a.jsonl"))
        #expect(try cache.entry(for: store.path("a.jsonl"), requiring: .raw, selected: [true]) == nil)
        #expect(cache.keptLines == 3)
        try store.write("b.jsonl", lines(4))
        #expect(try cache.entry(for: store.path("b.jsonl"), requiring: .raw, selected: [true])?.lines == 4)
        #expect(cache.keptLines == 4)
    }

    @Test func aLineWithAHugeSeriesIdIsKeptWithoutAnArrayThatLarge() throws {
        let store = TemporaryStore()
        try StoreFileSystem.createDirectory(store.root)
        try store.write("a.jsonl", Array("{\"s\":4000000000,\"t\":1,\"v\":7}\n{\"s\":1,\"t\":2,\"v\":8}\n".utf8))
        var selected = [Bool](repeating: false, count: 2)
        selected[1] = true
        let entry = try #require(try SegmentCache().entry(for: store.path("a.jsonl"), requiring: .raw, selected: selected))
        var values: [Double] = []
        entry.forEachLine(selected: selected) { values.append($0.value) }
        #expect(values == [8] && entry.lines == 2)
    }

    /// A dashboard reads a few series from segments full of others (a node exporter's scrape):
    /// only the lines asked for are kept and count against the budget, so memory stays flat.
    @Test func onlyTheSeriesAskedForAreKeptAndAskingForAnotherReadsItIn() throws {
        let store = TemporaryStore()
        try StoreFileSystem.createDirectory(store.root)
        try store.write("a.jsonl", Array((0..<100).map { "{\"s\":\($0 % 10),\"t\":\($0),\"v\":\($0)}\n" }.joined().utf8))
        let cache = SegmentCache()
        let first = [false, false, false, true]
        let entry = try #require(try cache.entry(for: store.path("a.jsonl"), requiring: .raw, selected: first))
        #expect(entry.lines == 100 && entry.keptLines == 10 && cache.keptLines == 10)
        var values: [Double] = []
        entry.forEachLine(selected: first) { values.append($0.value) }
        #expect(values == stride(from: 3.0, to: 100, by: 10).map { $0 })

        let second = [false, true]
        let widened = try #require(try cache.entry(for: store.path("a.jsonl"), requiring: .raw, selected: second))
        #expect(widened.keptLines == 20 && cache.keptLines == 20, "series 1 read in, series 3 still kept")
        values = []
        widened.forEachLine(selected: [false, true, false, true]) { values.append($0.value) }
        #expect(values.count == 20 && values.contains(1) && values.contains(3))

        try store.write("a.jsonl", try store.bytes("a.jsonl") + Array("{\"s\":1,\"t\":100,\"v\":100}\n{\"s\":5,\"t\":101,\"v\":101}\n".utf8))
        let extended = try #require(try cache.entry(for: store.path("a.jsonl"), requiring: .raw, selected: second))
        #expect(extended.lines == 102 && extended.keptLines == 21 && cache.keptLines == 21)
    }
}
