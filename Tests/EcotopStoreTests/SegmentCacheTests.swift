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
        #expect(try cache.entry(for: store.path("a.jsonl"), requiring: .raw)?.lines == 5)
        #expect(try cache.entry(for: store.path("b.jsonl"), requiring: .raw)?.lines == 3)
        #expect(cache.keptLines == 8)
        try StoreFileSystem.remove(store.path("a.jsonl"))
        #expect(try cache.entry(for: store.path("a.jsonl"), requiring: .raw) == nil)
        #expect(cache.keptLines == 3)
        try store.write("b.jsonl", lines(4))
        #expect(try cache.entry(for: store.path("b.jsonl"), requiring: .raw)?.lines == 4)
        #expect(cache.keptLines == 4)
    }

    @Test func aLineWithAHugeSeriesIdIsKeptWithoutAnArrayThatLarge() throws {
        let store = TemporaryStore()
        try StoreFileSystem.createDirectory(store.root)
        try store.write("a.jsonl", Array("{\"s\":4000000000,\"t\":1,\"v\":7}\n{\"s\":1,\"t\":2,\"v\":8}\n".utf8))
        let entry = try #require(try SegmentCache().entry(for: store.path("a.jsonl"), requiring: .raw))
        var selected = [Bool](repeating: false, count: 2)
        selected[1] = true
        var values: [Double] = []
        entry.forEachLine(selected: selected) { values.append($0.value) }
        #expect(values == [8] && entry.lines == 2)
    }
}
