import EcotopCore
import Testing
@testable import EcotopStore
import EcotopTestSupport

@Suite struct JSONLinesFormatTests {
    private func decode(_ lines: [String]) -> (batch: AppendBatch, errors: [String?]) {
        var format = JSONLinesFormat()
        var batch = AppendBatch.detached()
        let errors = lines.map { line -> String? in
            [UInt8](line.utf8).withUnsafeBufferPointer { bytes -> String? in
                do throws(RecordError) {
                    try format.decode(line: bytes, into: &batch)
                    return nil
                } catch {
                    return error.message
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
        (#"{"ts":1,"name":"m","value":NaN}"#, "column"),
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
}
