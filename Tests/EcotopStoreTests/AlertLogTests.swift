import EcotopCore
import EcotopTestSupport
import Foundation
import Testing

@testable import EcotopStore

/// `alerts.jsonl`: written by the lock holder, read back whole after a restart, and a damaged
/// line costing only itself.
@Suite struct AlertLogTests {
    private func condition(_ subject: String, _ value: Double) -> AlertCondition {
        AlertCondition(kind: .metric, subject: subject, severity: .warning, value: value, higherIsWorse: true, summary: "\(subject) \u{1B}[2J high")
    }

    private func record(_ change: AlertRecord.Change, id: Int, at time: Double) -> AlertRecord {
        AlertRecord(change, at: time, alert: Alert(id: id, condition: condition("m\(id)", Double(id)), at: time))
    }

    @Test func recordsAreReadBackAfterTheWriterCloses() throws {
        let store = TemporaryStore()
        let writer = try store.writer()
        let log = try AlertLog(writer: writer)
        var resolved = record(.opened, id: 1, at: 100)
        try log.append([resolved, record(.opened, id: 2, at: 110)])
        resolved.change = .resolved
        resolved.alert.endedAt = 200
        try log.append([resolved])
        try writer.close()

        let contents = try AlertLog.read(store.layout)
        #expect(contents.damaged.isEmpty)
        #expect(contents.history.open.map(\.id) == [2])
        #expect(contents.history.resolved.map(\.id) == [1])
        #expect(contents.history[1]?.endedAt == 200)
        #expect(contents.history[2]?.summary == "m2 \u{1B}[2J high", "stored as received; sanitized when shown")
    }

    @Test func aDamagedLineIsNamedAndSkippedAndATornTailIsCutBeforeAppending() throws {
        let store = TemporaryStore()
        let writer = try store.writer()
        try AlertLog(writer: writer).append([record(.opened, id: 1, at: 100)])
        var bytes = try store.bytes("alerts.jsonl")
        bytes += Array("{\"change\":\"opened\",\"time\":\n".utf8)  // a line that is not a record
        bytes += try store.bytes("alerts.jsonl").map { $0 == UInt8(ascii: "1") ? UInt8(ascii: "3") : $0 }  // alert 3
        bytes += Array("{\"change\":\"res".utf8)  // torn by a crash
        try store.write("alerts.jsonl", bytes)

        let read = try AlertLog.read(store.layout)
        #expect(read.damaged.map(\.description) == [store.path("alerts.jsonl") + ":2: not an alert record; skipped"])
        #expect(read.history.alerts.map(\.id) == [1, 3], "the records around the damaged line still count")

        try AlertLog(writer: writer).append([record(.opened, id: 4, at: 400)])
        try writer.close()
        let after = try AlertLog.read(store.layout)
        #expect(after.history.alerts.map(\.id) == [1, 3, 4], "the torn tail was cut, not glued to the next record")
        #expect(after.damaged.count == 1, "the damaged line is kept, never rewritten")
    }

    @Test func aStoreWithoutAlertsHasNone() throws {
        let store = TemporaryStore()
        try store.writer().close()
        let contents = try AlertLog.read(store.layout)
        #expect(contents.history.alerts.isEmpty)
        #expect(contents.damaged.isEmpty)
    }

    @Test func aSymbolicLinkInPlaceOfTheFileIsRefused() throws {
        let store = TemporaryStore()
        let writer = try store.writer()
        let target = try store.file(named: "elsewhere", containing: "")
        #expect(symlink(target, store.path("alerts.jsonl")) == 0)
        #expect(throws: StoreError.self) { try AlertLog(writer: writer) }
        #expect(throws: StoreError.self) { try AlertLog.read(store.layout) }
        try writer.close()
    }
}

/// A reader following the alerts file another process appends to.
@Suite struct AlertLogFollowerTests {
    private func record(_ change: AlertRecord.Change, id: Int, at time: Double) -> AlertRecord {
        let condition = AlertCondition(kind: .freshness, subject: "s\(id)", severity: .warning, value: 1, higherIsWorse: true, summary: "")
        return AlertRecord(change, at: time, alert: Alert(id: id, condition: condition, at: time))
    }

    @Test func readsOnlyWhatWasAppendedAndStartsOverWhenTheFileIsReplaced() throws {
        let store = TemporaryStore()
        let writer = try store.writer()
        let follower = AlertLogFollower(layout: store.layout)
        #expect(try follower.refresh().history.alerts.isEmpty, "no file yet")
        let log = try AlertLog(writer: writer)
        try log.append([record(.opened, id: 1, at: 10)])
        #expect(try follower.refresh().history.alerts.map(\.id) == [1])
        var resolved = record(.resolved, id: 1, at: 20)
        resolved.alert.endedAt = 20
        try log.append([resolved, record(.opened, id: 2, at: 30)])
        try store.write("elsewhere", Array("not a record\n".utf8))
        let contents = try follower.refresh()
        #expect(contents.history.open.map(\.id) == [2])
        #expect(contents.history.resolved.map(\.id) == [1])

        // Replaced by another file (a restore): read again from its start, line numbers too.
        var bytes = Array("not a record\n".utf8)
        bytes += try store.bytes("alerts.jsonl")
        try store.write("alerts.jsonl.new", bytes)
        #expect(rename(store.path("alerts.jsonl.new"), store.path("alerts.jsonl")) == 0)
        let again = try follower.refresh()
        #expect(again.history.alerts.map(\.id) == [1, 2])
        #expect(again.damaged.map(\.line) == [1])
        try writer.close()
    }
}
