import EcotopCore
import Foundation
import Testing
@testable import EcotopStore
import EcotopTestSupport

/// A symbolic link inside the store is never followed: writing through one would truncate and
/// append to a file outside the store, wherever the link points.
@Suite struct SymlinkTests {
    /// A file outside the store that a link inside it points to, ending with bytes after its
    /// last line break that a torn-tail cut would remove.
    private func outsideTarget(of filled: FilledStore) throws -> (path: String, bytes: [UInt8]) {
        let path = filled.root + "-outside.jsonl"
        let bytes = Array("{\"s\":0,\"t\":1,\"v\":1}\nnot the store's".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return (path, bytes)
    }

    private func unchanged(_ target: (path: String, bytes: [UInt8])) -> Bool {
        FileManager.default.contents(atPath: target.path).map { [UInt8]($0) } == target.bytes
    }

    @Test(arguments: ["raw", "rollup/1m", "events"])
    func aSymlinkedSegmentIsRefusedAndItsTargetUntouched(_ directory: String) throws {
        let filled = try FilledStore()
        let target = try outsideTarget(of: filled)
        let link = filled.store.path("\(directory)/\(Int(FilledStore.hour) + 86_400 * 7).jsonl")
        try StoreFileSystem.createDirectory(StoreFileSystem.directoryName(of: link))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target.path)
        let error = try #require(throws: StoreError.self) { try filled.writer() }
        #expect(error.path == link && error.message.contains("symbolic link"), "\(error)")
        let repair = try #require(throws: StoreError.self) { try StoreMaintenance.repair(layout: filled.layout, clock: FixedWallClock(FilledStore.now)) }
        #expect(repair.path == link)
        for command in filled.commandsReadingEveryFile() where command.name != "query" {
            let run = try EcotopBinary.run(command.arguments, input: command.input, killedAfter: 60)
            let said = run.output + run.errors
            #expect(run.status == 1 && said.contains(link) && said.contains("a symbolic link"), "\(command.name): \(said)")
        }
        #expect(unchanged(target), "the link's target is untouched")
        #expect(filled.changedFiles().isEmpty)
    }

    @Test func ingestDoesNotAppendThroughASymlinkInPlaceOfTheSegmentItWritesTo() throws {
        let filled = try FilledStore()
        let target = try outsideTarget(of: filled)
        let segment = filled.store.path(filled.rawSegment)
        let kept = filled.root + "-kept.jsonl"
        try FileManager.default.moveItem(atPath: segment, toPath: kept)
        try FileManager.default.createSymbolicLink(atPath: segment, withDestinationPath: target.path)
        let run = try EcotopBinary.run(["ingest", "--store", filled.root, "-"], input: FilledStore.ingestInput, killedAfter: 60)
        #expect(run.status == 1 && run.errors.contains("\(segment): a symbolic link"), "\(run.errors)")
        #expect(unchanged(target))
        #expect(try filled.store.reader().seriesKeys() == [key("m")], "the refused ingest added nothing")
    }

    @Test(arguments: ["series.jsonl", "LOCK", "manifest.json"])
    func aSymlinkedStoreFileIsRefusedAndItsTargetUntouched(_ name: String) throws {
        let filled = try FilledStore()
        let target = try outsideTarget(of: filled)
        let path = filled.store.path(name)
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target.path)
        let error = try #require(throws: StoreError.self) { try filled.writer() }
        #expect(error.path == path && error.message.contains("symbolic link"), "\(error)")
        #expect(unchanged(target))
    }

    @Test(arguments: ["raw", "rollup", "events"])
    func aSymlinkedSegmentDirectoryIsRefused(_ directory: String) throws {
        let filled = try FilledStore()
        let path = filled.store.path(directory)
        let outside = filled.root + "-outside-" + directory
        try StoreFileSystem.createDirectory(path)
        try FileManager.default.moveItem(atPath: path, toPath: outside)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: outside)
        let before = try FileManager.default.subpathsOfDirectory(atPath: outside).sorted()
        let writer = try #require(throws: StoreError.self) { try filled.writer() }
        #expect(writer.path == path && writer.message.contains("symbolic link"), "\(writer)")
        let reader = try #require(throws: StoreError.self) { try filled.store.reader() }
        #expect(reader.path == path)
        #expect(try FileManager.default.subpathsOfDirectory(atPath: outside).sorted() == before)
    }
}
