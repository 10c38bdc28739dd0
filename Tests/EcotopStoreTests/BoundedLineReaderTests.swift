import EcotopCore
import Foundation
import Testing
@testable import EcotopStore
import EcotopTestSupport

/// Reading store files a chunk at a time: the same lines as reading them whole, a buffer that
/// never grows past the longest line, and writers that never write a line readers refuse.
@Suite struct BoundedLineReaderTests {
    /// Lines of 1 to 40 bytes, each holding its number.
    private func lines(_ count: Int) -> [String] {
        (0..<count).map { String(repeating: "x", count: $0 % 37) + "\($0)" }
    }

    private func file(_ store: TemporaryStore, holding bytes: [UInt8]) throws -> PosixFile {
        try StoreFileSystem.createDirectory(store.root)
        try store.write("file", bytes)
        return try #require(try PosixFile.openForReading(store.path("file")))
    }

    @Test(arguments: [1, 7, 64, 4_096])
    func chunksGiveTheLinesOfTheWholeFileWithTheirNumbers(chunkSize: Int) throws {
        let store = TemporaryStore()
        let expected = lines(500)
        let tail = "{\"s\":0,\"t\""
        let file = try file(store, holding: Array((expected.joined(separator: "\n") + "\n" + tail).utf8))
        var reader = BoundedLineReader(chunkSize: chunkSize, longestLine: max(chunkSize, 64))
        var read: [String] = []
        let end = try reader.forEachLine(in: file) { line, number in
            #expect(number == read.count + 1)
            read.append(String(decoding: line, as: UTF8.self))
        }
        #expect(read == expected)
        #expect(end == BoundedLineReader.End(completeLength: try file.size() - tail.utf8.count, tail: tail.utf8.count))
        var fromTheMiddle: [String] = []
        try reader.forEachLine(in: file, from: Array(expected[0..<100].joined(separator: "\n").utf8).count + 1) { line, _ in
            fromTheMiddle.append(String(decoding: line, as: UTF8.self))
        }
        #expect(fromTheMiddle == Array(expected[100...]))
    }

    @Test func aLineLongerThanTheLongestIsRefusedNamingItsNumber() throws {
        let store = TemporaryStore()
        let file = try file(store, holding: Array(("short\n" + String(repeating: "y", count: 65) + "\nshort\n").utf8))
        var reader = BoundedLineReader(chunkSize: 8, longestLine: 64)
        var read = 0
        let error = try #require(throws: StoreError.self) { try reader.forEachLine(in: file) { _, _ in read += 1 } }
        #expect(error.path == store.path("file") && error.line == 2 && error.message.contains("longer than"))
        #expect(read == 1)
    }

    @Test func aTailLongerThanTheLongestLineIsNotCutAsTorn() throws {
        let store = TemporaryStore()
        try StoreFileSystem.createDirectory(store.root)
        let path = store.path("file")
        func size() throws -> Int { try #require(StoreFileSystem.size(of: path)) }
        try store.write("file", Array("kept\n".utf8))
        try #require(truncate(path, off_t(5 + BoundedLineReader.longestLine + 1)) == 0)
        #expect(throws: StoreError.self) { try TornTail.truncate(path) }
        #expect(try size() == 5 + BoundedLineReader.longestLine + 1, "nothing was cut")
        try #require(truncate(path, off_t(5 + BoundedLineReader.longestLine)) == 0)
        #expect(try TornTail.truncate(path) == BoundedLineReader.longestLine, "a tail as long as a line can be is a torn line")
        #expect(try store.bytes("file") == Array("kept\n".utf8))
    }

    @Test func writersRefuseRecordsWhoseLineReadersWouldRefuse() throws {
        let store = TemporaryStore()
        let writer = try store.writer()
        let long = String(repeating: "a", count: AppendBatch.longestText + 1)
        var batch = writer.makeBatch()
        #expect(throws: RecordError.self) { try batch.append(Sample(key: key(long), timestamp: 1_000, value: 1)) }
        #expect(throws: RecordError.self) {
            try batch.append(IntegrationEvent(timestamp: 1_000, kind: .error, integration: "a->b", code: "500", message: long))
        }
        let longest = String(repeating: "a", count: AppendBatch.longestText - "a->b500".utf8.count)
        try batch.append(IntegrationEvent(timestamp: 1_000, kind: .error, integration: "a->b", code: "500", message: longest))
        try writer.append(batch)
        try writer.close()
        #expect(try store.reader().events(from: 0, to: 2_000).map(\.message) == [longest], "the longest text an event may hold reads back")
        #expect(try store.reader().seriesKeys().isEmpty)
    }
}
