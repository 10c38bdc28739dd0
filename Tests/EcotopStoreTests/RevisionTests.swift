import EcotopCore
import EcotopTestSupport
import Testing
@testable import EcotopStore

/// The reader's revision changes when data is appended, and only then.
@Suite struct RevisionTests {
    @Test func appendingPointsOrSeriesChangesTheRevision() throws {
        let store = TemporaryStore()
        let writer = try store.writer(now: 100_000)
        try writer.append(samples: [Sample(key: key("a"), timestamp: 99_000, value: 1)])
        let reader = try store.reader()
        let first = reader.revision(at: 100_000)
        #expect(first != nil)
        #expect(reader.revision(at: 100_005) == first, "nothing written, nothing changed")
        try writer.append(samples: [Sample(key: key("a"), timestamp: 99_010, value: 2)])
        let appended = reader.revision(at: 100_010)
        #expect(appended != first, "a point appended to the newest segment")
        try writer.append(samples: [Sample(key: key("b"), timestamp: 99_020, value: 3)])
        #expect(reader.revision(at: 100_020) != appended, "a new series")
        try writer.close()
    }
}
