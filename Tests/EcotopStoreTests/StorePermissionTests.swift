import Foundation
import Testing
@testable import EcotopStore
import EcotopTestSupport

/// A store others can write to, or that belongs to someone else, is refused the way ssh
/// refuses such a key: whoever can change its files can change what is read and written.
@Suite struct StorePermissionTests {
    /// Opening the store for writing and for reading both fail, naming `path` and saying how to
    /// fix it; nothing already stored changes.
    private func expectRefused(_ filled: FilledStore, path: String, fix: String) throws {
        let writer = try #require(throws: StoreError.self) { try filled.writer() }
        #expect(writer.path == path && writer.message.contains(fix), "\(writer)")
        let reader = try #require(throws: StoreError.self) { try filled.store.reader() }
        #expect(reader.path == path && reader.message.contains(fix), "\(reader)")
        let ingest = try EcotopBinary.run(["ingest", "--store", filled.root, "-"], input: FilledStore.ingestInput)
        #expect(ingest.status == 1 && ingest.errors.contains(path) && ingest.errors.contains(fix), "\(ingest.errors)")
        #expect(filled.changedFiles().isEmpty)
    }

    @Test(arguments: [0o777, 0o770, 0o720, 0o703])
    func aStoreDirectoryWritableByOthersIsRefused(_ mode: Int) throws {
        let filled = try FilledStore()
        try #require(chmod(filled.root, mode_t(mode)) == 0)
        try expectRefused(filled, path: filled.root, fix: "chmod go-w \(filled.root)")
        try #require(chmod(filled.root, 0o700) == 0)
        #expect(try filled.values() == (0..<100).map(Double.init), "usable again once fixed")
    }

    @Test(arguments: ["raw", "rollup", "rollup/1m", "events"])
    func aSegmentDirectoryWritableByOthersIsRefused(_ directory: String) throws {
        let filled = try FilledStore()
        let path = filled.store.path(directory)
        try StoreFileSystem.createDirectory(path)
        try #require(chmod(path, 0o777) == 0)
        try expectRefused(filled, path: path, fix: "chmod go-w \(path)")
    }

    @Test func aStoreFileWritableByOthersIsRefused() throws {
        let filled = try FilledStore()
        let path = filled.store.path(filled.rawSegment)
        try #require(chmod(path, 0o666) == 0)
        let writer = try #require(throws: StoreError.self) { try filled.writer() }
        #expect(writer.path == path && writer.message.contains("chmod go-w \(path)"), "\(writer)")
        #expect(filled.changedFiles().isEmpty)
    }

    /// Root can give the store to another user, which is what this needs.
    @Test(.enabled(if: geteuid() == 0, "needs root to chown"))
    func aStoreDirectoryOwnedByAnotherUserIsRefused() throws {
        let filled = try FilledStore()
        try #require(chown(filled.root, 12_345, 12_345) == 0)
        try expectRefused(filled, path: filled.root, fix: "chown")
        let check = try EcotopBinary.run(["store", "check", "--store", filled.root])
        #expect(check.status == 1 && check.errors.contains("uid 12345"), "\(check.errors)")
    }
}
