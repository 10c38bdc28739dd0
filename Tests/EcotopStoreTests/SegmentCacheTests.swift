import Foundation
import Testing
@testable import EcotopStore

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
}
