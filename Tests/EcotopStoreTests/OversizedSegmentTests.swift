import Foundation
import Testing
@testable import EcotopStore
import EcotopTestSupport

/// A segment far larger than any a writer makes: commands refuse it after reading a bounded
/// part of it, rather than reading it whole into memory.
@Suite struct OversizedSegmentTests {
    /// 8 GiB: a sparse file, so it takes no disk space.
    static let sparseSize: off_t = 8 << 30
    /// The address space each command may use (`ulimit -v`), in KiB: 1 GiB, an eighth of the file.
    static let addressSpaceKiB = 1 << 20

    @Test func anEightGigabyteSparseSegmentIsRefusedWithinAGigabyteOfMemory() throws {
        let filled = try FilledStore()
        let path = filled.store.path(filled.rawSegment)
        let lines = try filled.store.bytes(filled.rawSegment)
        try #require(truncate(path, Self.sparseSize) == 0)
        for command in filled.commandsReadingEveryFile() {
            let run = try EcotopBinary.run(command.arguments, input: command.input, killedAfter: 120, addressSpaceKiB: Self.addressSpaceKiB)
            #expect(run.status == 1, "\(command.name) ended with \(run.status)")
            let said = run.output + run.errors
            #expect(said.contains(path) && said.contains("longer than 64 MiB"), "\(command.name): \(said)")
        }
        let file = try #require(FileHandle(forReadingAtPath: path))
        #expect(try file.seekToEnd() == UInt64(Self.sparseSize), "nothing was cut")
        try file.seek(toOffset: 0)
        #expect(try file.read(upToCount: lines.count).map { [UInt8]($0) } == lines, "nothing was rewritten")
    }
}
