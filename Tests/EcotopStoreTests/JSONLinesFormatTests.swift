import EcotopCore
import Testing
@testable import EcotopStore
import EcotopTestSupport

@Suite struct JSONLinesFormatTests {
    private func decode(_ lines: [String]) -> (batch: AppendBatch, errors: [String?]) {
        let (batch, errors) = decodeLocated(lines)
        return (batch, errors.map { $0?.message })
    }

    private func decodeLocated(
        _ lines: [String], format: JSONLinesFormat = JSONLinesFormat()
    ) -> (batch: AppendBatch, errors: [RecordError?]) {
        var format = format
        var batch = AppendBatch.detached()
        let errors = lines.map { line -> RecordError? in
            [UInt8](line.utf8).withUnsafeBufferPointer { bytes -> RecordError? in
                do throws(RecordError) {
                    try format.decode(line: bytes, into: &batch)
                    return nil
                } catch {
                    return error
                }
            }
        }
        return (batch, errors)
    }

    @Test func timestampsInEveryUnitAndRFC3339AreTheSameMoment() {
        let (batch, errors) = decode([
            #"{"ts":1732680000.5,"name":"m","value":1}"#,
            #"{"ts":1732680000500,"name":"m","value":2}"#,
            #"{"ts":"2024-11-27T04:00:00.5Z","name":"m","value":3}"#,
            #"{"ts":"2024-11-27T05:00:00.500+01:00","name":"m","value":4}"#,
            #"{"ts":1732680000500000,"name":"m","value":5}"#,
            #"{"ts":1732680000500000000,"name":"m","value":6}"#,
        ])
        #expect(errors.allSatisfy { $0 == nil })
        #expect(batch.times == Array(repeating: 1_732_680_000_500, count: 6))
        #expect(batch.values == [1, 2, 3, 4, 5, 6])
    }

    @Test func annotationsNeedNoIntegrationButAMessageAndErrorsStillNeedTheirIntegration() {
        let (batch, errors) = decode([
            #"{"ts":1732680000,"kind":"deploy","message":"checkout v2","attributes":{"component":"shop"}}"#,
            #"{"ts":1732680000,"kind":"incident","integration":"shop->stripe","message":"stripe down"}"#,
            #"{"ts":1732680000,"kind":"note"}"#,
            #"{"ts":1732680000,"kind":"error","code":"500","message":"boom"}"#,
            #"{"ts":1732680000,"kind":"release","message":"v3"}"#,
        ])
        #expect(errors == [
            nil, nil, "\"message\" of a note annotation must not be empty", "missing \"integration\" of the event",
            "\"kind\" must be one of: error, delivery, deploy, onboarding, incident, note",
        ])
        #expect(Annotation.annotations(in: batch.events) == [
            Annotation(timestamp: 1_732_680_000, kind: .deploy, text: "checkout v2", component: "shop"),
            Annotation(timestamp: 1_732_680_000, kind: .incident, text: "stripe down", integration: "shop->stripe"),
        ])
    }

    @Test func sameSeriesWrittenDifferentlyGetsOneID() {
        let (batch, _) = decode([
            #"{"ts":1,"name":"m","labels":{"a":"1","b":"2"},"value":1}"#,
            #"{"ts":1,"name":"m","labels":{"b":"2","a":"1"},"value":1}"#,
            #"{"value":1,"labels":{"a":"1","b":"2"},"name":"m","ts":2}"#,
            #"{"ts":1,"name":"m","labels":{"a":"1"},"value":1}"#,
        ])
        #expect(batch.series == [0, 0, 0, 1])
        #expect(batch.catalog.keys[0] == key("m", ["a": "1", "b": "2"]))
    }

    /// The lookup by a line's bytes hashes eight bytes at a time: series whose bytes differ in
    /// one byte only, inside a word or in the tail, in the name or in the labels, stay apart,
    /// also once the table has grown, and each finds its id again.
    @Test func seriesDifferingInOneByteAnywhereKeepTheirOwnIDs() {
        let names = (0..<40).map { "metric.name.\(String(repeating: "x", count: $0 % 13))\($0)" }
        let hosts = (0..<30).map { "host-\($0 < 10 ? "0" : "")\($0)-of-a-long-fleet" }
        let lines = names.flatMap { name in hosts.map { #"{"ts":1,"name":"\#(name)","labels":{"host":"\#($0)"},"value":1}"# } }
        let (batch, errors) = decode(lines + lines.reversed())
        #expect(errors.allSatisfy { $0 == nil })
        let firstPass = Array(batch.series.prefix(lines.count))
        #expect(firstPass == (0..<lines.count).map { UInt32($0) })
        #expect(Array(batch.series.suffix(lines.count)) == firstPass.reversed())
    }

    @Test func unknownFieldsAreIgnoredButMustBeJSON() {
        let (batch, errors) = decode([
            #"{"ts":1,"name":"m","value":1,"unit":"ms","tags":[1,{"x":null}]}"#,
            #"{"ts":1,"name":"m","value":1,"unit":ms}"#,
        ])
        #expect(errors[0] == nil)
        #expect(errors[1] != nil)
        #expect(batch.sampleCount == 1)
    }

    @Test(arguments: [
        (#"{"name":"m","value":1}"#, "missing \"ts\""),
        (#"{"ts":1,"value":1}"#, "missing \"name\""),
        (#"{"ts":1,"name":"m"}"#, "missing \"value\""),
        (#"{"ts":1,"name":"m","value":"1"}"#, "\"value\" must be a number"),
        (#"{"ts":1,"name":"m","value":1e999}"#, "must be a finite number"),
        (#"{"ts":1,"name":"m","value":NaN}"#, "must be a number"),
        (#"{"ts":-5,"name":"m","value":1}"#, "outside 1970"),
        (#"{"ts":"yesterday","name":"m","value":1}"#, "RFC 3339"),
        (#"{"ts":1,"name":"","value":1}"#, "must not be empty"),
        (#"{"ts":1,"kind":"boom","integration":"a->b"}"#, "\"kind\" must be one of"),
        (#"{"ts":1,"kind":"error"}"#, "missing \"integration\""),
        (#"{"ts":1,"name":"m","labels":{"a":{}},"value":1}"#, "expected a string"),
    ])
    func badLinesSayWhy(line: String, reason: String) throws {
        let (batch, errors) = decode([line])
        let message = try #require(errors[0])
        #expect(message.contains(reason), "\(message)")
        #expect(batch.isEmpty)
    }

    @Test func eventsKeepEveryField() throws {
        let (batch, errors) = decode([
            #"{"ts":1732680000,"kind":"error","integration":"storefront->stripe","code":429,"message":"Too many \"requests\"\n","latency_ms":812,"attributes":{"endpoint":"/v1/charges","retry":2}}"#
        ])
        #expect(errors == [nil])
        let event = try #require(batch.events.first)
        #expect(event == IntegrationEvent(
            timestamp: 1_732_680_000, kind: .error, integration: "storefront->stripe", code: "429",
            message: "Too many \"requests\"\n", latencyMilliseconds: 812, attributes: ["endpoint": "/v1/charges", "retry": "2"]))
    }

    /// A message of a million escapes (hostile, or a binary blob logged as text) decodes in one
    /// pass: each escape used to copy the whole message decoded so far.
    @Test func aMessageOfAMillionEscapesDecodesToItsCharacters() {
        let message = String(repeating: "\u{1}\n", count: 500_000)
        var encoded = JSONBytes()
        encoded.append(string: message)
        let line = #"{"ts":1,"kind":"error","integration":"a->b","message":"# + String(decoding: encoded.bytes, as: UTF8.self) + "}"
        let (batch, errors) = decode([line])
        #expect(errors == [nil])
        #expect(batch.events.first?.message.utf8.elementsEqual(message.utf8) == true)
    }

    @Test func blankLinesAreNothing() {
        let (batch, errors) = decode(["", "   "])
        #expect(errors == [nil, nil])
        #expect(batch.isEmpty)
    }

    /// Issue 9: a repeated key silently took the last value. Each is refused at its second
    /// occurrence, written plainly or with escapes, in the record, its labels or attributes.
    @Test(arguments: [
        (#"{"ts":1,"name":"m","ts":2,"value":1}"#, 20, #"duplicate key "ts""#),
        (#"{"ts":1,"name":"m","t\u0073":2,"value":1}"#, 20, #"duplicate key "ts""#),
        (#"{"ts":1,"name":"m","value":1,"unit":"a","unit":"b"}"#, 41, #"duplicate key "unit""#),
        (#"{"ts":1,"name":"m","labels":{"é":"1","é":"2"},"value":1}"#, 38, #"duplicate key "é""#),
        (#"{"ts":1,"kind":"error","integration":"a->b","attributes":{"k":"1", "k":"2"}}"#, 68, #"duplicate key "k""#),
    ])
    func aDuplicateKeyIsRefusedWhereItRepeats(line: String, column: Int, message: String) throws {
        let (batch, errors) = decodeLocated([line])
        let error = try #require(errors[0])
        #expect(error.message == message)
        #expect(error.column == column)
        #expect(batch.isEmpty)
    }

    /// Issue 9: `{"labels":{"":"x"}}` was stored as a label without a name.
    @Test func anEmptyLabelNameIsRefusedAtItsColumn() throws {
        let (batch, errors) = decodeLocated([#"{"ts":1,"name":"m","labels":{"a":"1", "":"x"},"value":1}"#])
        let error = try #require(errors[0])
        #expect(error.message == "empty label name")
        #expect(error.column == 39)
        #expect(batch.isEmpty)
    }

    /// A record older than the retention is skipped only when it is valid: an empty label
    /// name is still an error, not a skip.
    @Test func anInvalidOldRecordIsRejectedNotSkipped() {
        // The standard ladder keeps about two years: 2000 is long gone by 2024.
        let format = JSONLinesFormat(admission: StoreAdmission(ladder: .standard, now: 1_732_680_000))
        let (_, errors) = decodeLocated(
            [#"{"ts":946684800,"name":"m","labels":{"":"x"},"value":1}"#, #"{"ts":946684800,"name":"m","value":1}"#], format: format)
        #expect(errors[0]?.refusal == nil && errors[0]?.message == "empty label name")
        #expect(errors[1]?.refusal != nil, "a valid old record is skipped")
    }

    /// Issue 9: value and time errors said only the line.
    @Test(arguments: [
        (#"{"ts":1,"name":"m","value":1e999}"#, 28),
        (#"{"ts": -5,"name":"m","value":1}"#, 8),
        (#" {"ts":1,"name":"m"}"#, 2),
        (#"{"ts":1,"kind":"boom","integration":"a->b"}"#, 16),
        (#"{"ts":1,"name":"","value":1}"#, 16),
    ])
    func everyErrorHasAColumn(line: String, column: Int) throws {
        let error = try #require(decodeLocated([line]).errors[0])
        #expect(error.column == column, "\(error.message)")
    }

    /// Issue 9: rounding a sub-millisecond time up pushed the last instant of 2099 past the
    /// store's limit. A time is cut down to its millisecond instead.
    @Test func theLastInstantBefore2100IsKept() {
        let (batch, errors) = decode([
            #"{"ts":"2099-12-31T23:59:59.9999Z","name":"m","value":1}"#,
            #"{"ts":"2024-11-27T04:00:00.1239Z","name":"m","value":2}"#,
            #"{"ts":1732680000.123,"name":"m","value":3}"#,
        ])
        #expect(errors == [nil, nil, nil])
        #expect(batch.times == [4_102_444_799_999, 1_732_680_000_123, 1_732_680_000_123])
    }
}
