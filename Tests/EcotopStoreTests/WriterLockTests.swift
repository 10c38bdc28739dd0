import EcotopCore
import Foundation
import Testing
@testable import EcotopStore
import EcotopTestSupport

/// One writer at a time, whatever happens to the `LOCK` file.
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
}
