import EcotopCore
import Testing
@testable import EcotopStore
import EcotopTestSupport

/// Annotations in the events log: written beside error events, read back whole, and told apart
/// from them.
@Suite struct AnnotationStoreTests {
    @Test func annotationsAreReadBackAmongErrorEventsAndOnlyThey() throws {
        let store = TemporaryStore()
        let writer = try store.writer()
        var batch = writer.makeBatch()
        let deploy = Annotation(timestamp: 1_000, kind: .deploy, text: "release \u{1B}[2J r12", component: "storefront")
        let onboarding = Annotation(timestamp: 3_000, kind: .onboarding, text: "Gear rental live", integration: "storefront->gear-rental")
        try batch.append(IntegrationEvent(timestamp: 500, kind: .error, integration: "storefront->stripe", code: "429", message: "slow down"))
        try batch.append(deploy.event)
        try batch.append(IntegrationEvent(timestamp: 2_000, kind: .error, integration: "storefront->stripe", code: "500", message: "boom"))
        try batch.append(onboarding.event)
        try writer.append(batch)
        try writer.close()

        let reader = try store.reader()
        #expect(try reader.annotations(from: 0, to: 10_000) == [deploy, onboarding])
        #expect(try reader.annotations(from: 1_001, to: 10_000) == [onboarding], "the range is half-open, like events'")
        #expect(try reader.events(from: 0, to: 10_000).map(\.kind) == [.error, .deploy, .error, .onboarding])
    }

    @Test(arguments: [
        (#"{"t":1732680000000,"kind":"error","integration":"a->b","code":"","message":""}"#, true),
        (#"{"t":1732680000000,"kind":"delivery","integration":"a->b","code":"","message":""}"#, true),
        (#"{"t":-5,"kind":"error","integration":"a->b"}"#, true),
        (#"{"t":1732680000000,"kind":"deploy","integration":"","code":"","message":"v2"}"#, false),
        (#"{"t":1732680000000,"kind":"errors"}"#, false),
        (#"{"kind":"error","t":1732680000000}"#, false),
        (#"{"t":1732680000000}"#, false),
        ("", false),
    ])
    func onlyTheWritersErrorAndDeliveryLinesAreSkippedUndecoded(line: String, skipped: Bool) {
        #expect([UInt8](line.utf8).withUnsafeBufferPointer(StoreReader.isIntegrationEventLine) == skipped)
    }
}
