import EcotopCore
import Testing

@testable import EcotopEngine

@Suite("Error fingerprints")
struct ErrorFingerprintTests {
    @Test(
        "varying parts become placeholders",
        arguments: [
            ("order 1042 failed", "order <num> failed"),
            ("retry after 30s (attempt 2 of 5)", "retry after <num>s (attempt <num> of <num>)"),
            ("took 10000 ms, limit 2.5", "took <num> ms, limit <num>"),
            (
                "request 3f2b8c1e-9a4d-4e6b-8f0a-1c2d3e4f5a6b rejected",
                "request <uuid> rejected"
            ),
            ("segfault at 0x7ffd3a2c in worker", "segfault at <hex> in worker"),
            ("commit 9fceb02d0ae598e95dc970b74767f19372d61af8 not found", "commit <hex> not found"),
            ("customer cus_J3k2Lm9 not found, order ord-88123", "customer <id> not found, order <id>"),
            ("unexpected field 'shipping_rate.currency'", "unexpected field '<str>'"),
            (#"invalid value "EUR" for "currency""#, #"invalid value "<str>" for "<str>""#),
            ("can't reach host 10.0.3.7:443", "can't reach host <num>:<num>"),
            ("GET /v1/orders/55120 returned 503", "GET /<id>/orders/<num> returned <num>"),
            ("  too   many\tspaces  ", "too many spaces"),
            ("Unauthorized: OAuth access token expired", "Unauthorized: OAuth access token expired"),
            ("unclosed 'quote 42", "unclosed 'quote <num>"),
        ])
    func normalization(message: String, template: String) {
        #expect(ErrorMessageTemplate.normalize(message) == template)
    }

    @Test("messages that differ only in ids and numbers share a template; different words do not")
    func sameAndDifferent() {
        let first = ErrorMessageTemplate.normalize("timeout after 5000 ms calling /orders/123 (req a1b2c3d4e5f6)")
        let second = ErrorMessageTemplate.normalize("timeout after 250 ms calling /orders/98765 (req 0f9e8d7c6b5a)")
        #expect(first == second)
        #expect(ErrorMessageTemplate.normalize("card declined") != ErrorMessageTemplate.normalize("card expired"))
    }

    private func error(
        _ time: Double, _ message: String, integration: String = "storefront->stripe", code: String = "429"
    ) -> IntegrationEvent {
        IntegrationEvent(timestamp: time, kind: .error, integration: integration, code: code, message: message)
    }

    @Test("grouping by integration, code and template, with counts, first and last seen")
    func grouping() throws {
        let events = [
            error(100, "rate limited, retry after 30s"),
            error(160, "rate limited, retry after 12s"),
            error(130, "rate limited, retry after 45s"),  // out of order: still inside 100...160
            error(140, "token tok_8812 expired", code: "401"),
            error(150, "rate limited, retry after 30s", integration: "storefront->paypal"),
            IntegrationEvent(timestamp: 155, kind: .delivery, integration: "storefront->stripe", code: "200", message: "ok"),
        ]
        let groups = ErrorFingerprint.group(events)
        #expect(groups.count == 3)
        let top = try #require(groups.first)
        #expect(top.integration == "storefront->stripe")
        #expect(top.code == "429")
        #expect(top.template == "rate limited, retry after <num>s")
        #expect(top.count == 3)
        #expect(top.firstSeen == 100)
        #expect(top.lastSeen == 160)
        #expect(top.sampleMessage == "rate limited, retry after 12s")  // the newest
        // Equal counts: the one seen most recently first.
        #expect(groups.dropFirst().map(\.integration) == ["storefront->paypal", "storefront->stripe"])
        #expect(groups[2].code == "401")
        #expect(Set(groups.map(\.id)).count == 3)
    }

    @Test("an integration or code containing the id's separator does not merge two groups")
    func separatorInTheParts() {
        let events = [
            error(100, "boom", integration: "a\u{1F}b", code: "c"),
            error(110, "boom", integration: "a", code: "b\u{1F}c"),
        ]
        #expect(ErrorFingerprint.group(events).map(\.integration).sorted() == ["a", "a\u{1F}b"])
    }

    @Test("the demo's incident bursts fold into one fingerprint per integration and cause")
    func demoEvents() {
        let events = DemoEvents.sixHours.filter { $0.kind == .error }
        let groups = ErrorFingerprint.group(DemoEvents.sixHours)
        let distinct = Set(events.map { "\($0.integration) \($0.code) \($0.message)" })
        // Each demo cause has one fixed message, so grouping must neither split nor merge them.
        #expect(groups.count == distinct.count)
        #expect(groups.reduce(0) { $0 + $1.count } == events.count)
        #expect(zip(groups, groups.dropFirst()).allSatisfy { $0.count >= $1.count })
    }
}
