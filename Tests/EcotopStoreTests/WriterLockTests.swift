import EcotopCore
import Foundation
import Testing
@testable import EcotopStore
import EcotopTestSupport

/// One writer at a time, whatever happens to the `LOCK` file, and `store check` says when it
/// is looking at a store a writer is changing.
@Suite struct WriterLockTests {
    @Test func deletingLOCKDoesNotLetASecondWriterIn() throws {
        let filled = try FilledStore()
        let first = try filled.writer()
        try FileManager.default.removeItem(atPath: filled.store.path("LOCK"))
        let error = try #require(throws: StoreError.self) { try filled.writer() }
        #expect(error.kind == .locked(pid: getpid()))
        #expect(error.description.contains("process \(getpid())"))
        try first.append(samples: [Sample(key: key("n"), timestamp: FilledStore.hour + 1, value: 1)])
        try first.close()
        let reader = try filled.store.reader()
        #expect(try reader.seriesKeys() == [key("m"), key("n")], "ids handed out by one writer only")
    }

    @Test func aSecondIngestIsRefusedNamingTheHolderAfterLOCKWasDeleted() throws {
        let filled = try FilledStore()
        let first = try filled.writer()
        try FileManager.default.removeItem(atPath: filled.store.path("LOCK"))
        let input = #"{"ts":\#(Int(FilledStore.hour) + 300),"name":"other","value":1}"# + "\n"
        let run = try EcotopBinary.run(["ingest", "--store", filled.root, "-"], input: input)
        #expect(run.status == 1 && run.errors.contains("being written by process \(getpid())"), "\(run.errors)")
        #expect(try filled.store.reader().seriesKeys() == [key("m")], "the refused ingest added no series")
        try first.close()
        #expect(filled.changedFiles().isEmpty)
    }

    @Test func checkDuringALiveWriteSaysAWriterHoldsTheLock() throws {
        let filled = try FilledStore()
        let writer = try filled.writer()
        // What a writer between its raw and its rollup appends leaves: a raw point the rollups
        // do not count yet.
        let raw = filled.store.path(filled.rawSegment)
        let inFlight = Array(#"{"s":0,"t":\#(Int(FilledStore.hour) * 1000 + 150_000),"v":150}"#.utf8) + [0x0A]
        try filled.store.write(filled.rawSegment, try filled.store.bytes(filled.rawSegment) + inFlight)
        let during = try EcotopBinary.run(["store", "check", "--store", filled.root])
        #expect(during.status == 1 && during.output.contains("rollup mismatch"))
        #expect(during.errors.contains("process \(getpid()) is writing the store") && during.errors.contains("in flight"), "\(during.errors)")
        try writer.close()
        _ = try StoreMaintenance.repair(layout: filled.layout, clock: FixedWallClock(FilledStore.now))
        let after = try EcotopBinary.run(["store", "check", "--store", filled.root])
        #expect(after.status == 0 && !after.errors.contains("is writing"), "\(after.output) \(after.errors)")
        #expect(FileManager.default.contents(atPath: raw).map { [UInt8]($0) } == filled.files[filled.rawSegment]! + inFlight)
    }
}
