import EcotopCore
import Testing

@testable import EcotopEngine

@Suite("Error fingerprints")
struct ErrorFingerprintTests {
    @Test(
        "varying parts become placeholders",
        arguments: [
            ("order 1042 failed", "order <num> failed"),
            ("retry after 30s (attempt 2 of 5)", "retry after <duration> (attempt <num> of <num>)"),
            ("took 10000 ms, limit 2.5", "took <num> ms, limit <num>"),
            (
                "request 3f2b8c1e-9a4d-4e6b-8f0a-1c2d3e4f5a6b rejected",
                "request <uuid> rejected"
            ),
            ("segfault at 0x7ffd3a2c in worker", "segfault at <hex> in worker"),
            ("commit 9fceb02d0ae598e95dc970b74767f19372d61af8 not found", "commit <hex> not found"),
            ("customer cus_J3k2Lm9 not found, order ord-88123", "customer <id> not found, order <id>"),
            ("unexpected field 'shipping_rate.currency'", "unexpected field 'shipping_rate.currency'"),
            (#"invalid value "EUR" for "currency""#, #"invalid value "EUR" for "currency""#),
            ("can't reach host 10.0.3.7:443", "can't reach host <num>:<num>"),
            ("GET /v1/orders/55120 returned 503", "GET /<id>/orders/<num> returned <num>"),
            ("  too   many\tspaces  ", "too many spaces"),
            ("Unauthorized: OAuth access token expired", "Unauthorized: OAuth access token expired"),
            ("unclosed 'quote 42", "unclosed 'quote <num>"),
            // Stripe
            ("No such customer: 'cus_NffrFeUfNV2Hib'", "No such customer: '<id>'"),
            (
                #"{"error":{"code":"card_declined","decline_code":"insufficient_funds","message":"Your card has insufficient funds.","request_log_url":"https://dashboard.stripe.com/test/logs/req_8fKq2x?t=1715000000"}}"#,
                #"{"error":{"code":"card_declined","decline_code":"insufficient_funds","message":"Your card has insufficient funds.","request_log_url":"https://<host>/test/logs/<id>?<query>"}}"#
            ),
            // PayPal
            (
                "INSTRUMENT_DECLINED: The instrument presented was declined. Debug ID: 8a1c2b3d4e5f6",
                "INSTRUMENT_DECLINED: The instrument presented was declined. Debug ID: <hex>"
            ),
            // Shopify
            (
                "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.",
                "Exceeded <num> calls per second for api client. Reduce request rates to resume uninterrupted service."
            ),
            // Salesforce
            (
                "INVALID_FIELD: No such column 'Loyalty_Tier__c' on entity 'Account'",
                "INVALID_FIELD: No such column 'Loyalty_Tier__c' on entity 'Account'"
            ),
            ("ENTITY_IS_DELETED: entity is deleted: 0015g00000XyZabAAB", "ENTITY_IS_DELETED: entity is deleted: <id>"),
            // HubSpot
            ("Contact already exists. Existing ID: 12345", "Contact already exists. Existing ID: <num>"),
            // Mailchimp
            (
                "jane.doe+news@example.co.uk is already a list member. Use PUT to insert or update list members.",
                "<email> is already a list member. Use PUT to insert or update list members."
            ),
            // AWS SDK
            (
                "AccessDeniedException: User: arn:aws:iam::123456789012:user/sync is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/Orders",
                "AccessDeniedException: User: arn:aws:iam::<num>:user/sync is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:<id>:<num>:table/Orders"
            ),
            (
                "ThrottlingException: Rate exceeded, status code: 400, request id: 4b8e3c2a-1f0d-4e6b-9a7c-2d3e4f5a6b7c",
                "ThrottlingException: Rate exceeded, status code: <num>, request id: <uuid>"
            ),
            // Google APIs
            (
                "googleapi: Error 429: Quota exceeded for quota metric 'Write requests' of service 'sheets.googleapis.com' for consumer 'project_number:482915'., rateLimitExceeded",
                "googleapi: Error <num>: Quota exceeded for quota metric 'Write requests' of service 'sheets.googleapis.com' for consumer 'project_number:<num>'., rateLimitExceeded"
            ),
            // gRPC
            (
                #"rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial tcp 10.1.2.3:50051: connect: connection refused""#,
                #"rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial tcp <num>:<num>: connect: connection refused""#
            ),
            (
                "rpc error: code = DeadlineExceeded desc = context deadline exceeded after 1m30s",
                "rpc error: code = DeadlineExceeded desc = context deadline exceeded after <duration>"
            ),
            // PostgreSQL
            (
                #"ERROR: duplicate key value violates unique constraint "orders_pkey" DETAIL: Key (id)=(48213) already exists. (SQLSTATE 23505)"#,
                #"ERROR: duplicate key value violates unique constraint "orders_pkey" DETAIL: Key (id)=(<num>) already exists. (SQLSTATE <num>)"#
            ),
            (
                "deadlock detected: Process 12345 waits for ShareLock on transaction 67890; blocked by process 12346.",
                "deadlock detected: Process <num> waits for ShareLock on transaction <num>; blocked by process <num>."
            ),
            // Go net/http
            (
                #"Post "https://api.hubapi.com/crm/v3/objects/contacts?hapikey=demo": dial tcp 104.18.2.3:443: i/o timeout"#,
                #"Post "https://<host>/crm/<id>/objects/contacts?<query>": dial tcp <num>:<num>: i/o timeout"#
            ),
            (
                "net/http: request canceled (Client.Timeout exceeded while awaiting headers) after 2.5s",
                "net/http: request canceled (Client.Timeout exceeded while awaiting headers) after <duration>"
            ),
            // Node
            ("connect ECONNREFUSED ::1:5432", "connect ECONNREFUSED <ip>"),
            ("connect ETIMEDOUT [2001:db8:85a3::8a2e:370:7334]:443", "connect ETIMEDOUT [<ip>]:<num>"),
            ("read ECONNRESET", "read ECONNRESET"),
            // Java
            (
                "java.net.SocketTimeoutException: Read timed out at com.acme.sync.OrderClient.send(OrderClient.java:88)",
                "java.net.SocketTimeoutException: Read timed out at com.acme.sync.OrderClient.send(OrderClient.java:<num>)"
            ),
            // Times, tokens, hashes, percentages, sizes, other scripts
            ("token expired at 2024-05-01T12:30:45.123Z", "token expired at <time>"),
            ("window closed 2024-05-01 23:59:59+02:00 (open since 2024-04-30)", "window closed <time> (open since <time>)"),
            ("invalid signature for dGhpcyBpcyBub3QgYSByZWFsIHNlY3JldA==", "invalid signature for <token>"),
            ("bad key ab+/Cd9EfGhIjKlMnOpQr/StUv", "bad key <token>"),
            (
                "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c expired",
                "jwt <id> expired"
            ),
            ("checksum e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 differs", "checksum <hex> differs"),
            ("disk 97.5% full, 10MB left", "disk <num>% full, <num>MB left"),
            ("café 42 fermé", "café <num> fermé"),
            // Terminal escapes stay whole, so that sanitizing the template removes all of them.
            ("card declined \u{1B}[2J for order 1003", "card declined \u{1B}[2J for order <num>"),
            ("said \u{1B}]0;pwned 7\u{07} to ord_2", "said \u{1B}]0;pwned 7\u{07} to <id>"),
            ("cut \u{1B}[12", "cut \u{1B}[12"),
        ])
    func normalization(message: String, template: String) {
        #expect(ErrorMessageTemplate.normalize(message) == template)
    }

    @Test(
        "messages that differ only in ids, numbers, times, hosts and tokens share a template",
        arguments: [
            ("timeout after 5000 ms calling /orders/123 (req a1b2c3d4e5f6)", "timeout after 250 ms calling /orders/98765 (req 0f9e8d7c6b5a)"),
            ("retry after 45s", "retry after 1m30s"),
            ("No such customer: 'cus_NffrFeUfNV2Hib'", "No such customer: 'cus_Q8v2mLpZ0aXy'"),
            ("GET https://api-eu.stripe.com/v1/charges?limit=10 failed", "GET https://10.0.0.7:8443/v1/charges?limit=100&starting_after=ch_9 failed"),
            ("mail.ops@acme.io is already a list member", "x9@example.org is already a list member"),
            ("connect ECONNREFUSED ::1:5432", "connect ECONNREFUSED fe80::1ff:fe23:4567:890a"),
            ("stale since 2024-05-01T12:30:45Z", "stale since 2026-11-30T01:02:03.456789+01:00"),
            ("invalid token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc123", "invalid token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiI5OSJ9.Zx9-k_L"),
            ("token dGhpcyBpcyBub3QgYSByZWFsIHNlY3JldA==", "token c2Vjb25kIHNlY3JldCB2YWx1ZQ=="),
            ("deadlock: Process 12345 waits for ShareLock on transaction 67890", "deadlock: Process 7 waits for ShareLock on transaction 8"),
            ("OrderClient.send(OrderClient.java:88)", "OrderClient.send(OrderClient.java:131)"),
            ("CPU at 97.5%", "CPU at 80%"),
        ])
    func sameTemplate(first: String, second: String) {
        #expect(ErrorMessageTemplate.normalize(first) == ErrorMessageTemplate.normalize(second))
    }

    @Test(
        "messages with different fields, error words, codes or endpoints stay apart",
        arguments: [
            ("card declined", "card expired"),
            (#"{"error":{"code":"card_declined"}}"#, #"{"error":{"code":"expired_card"}}"#),
            (#"{"message":"Your card was declined."}"#, #"{"message":"Your card has expired."}"#),
            ("unexpected field 'shipping_rate.currency'", "unexpected field 'shipping_rate.amount'"),
            (#"invalid value for "email""#, #"invalid value for "phone""#),
            ("401 Unauthorized", "403 Forbidden"),
            ("Resource not found", "Resource not allowed"),
            ("POST https://api.stripe.com/v1/charges failed", "POST https://api.stripe.com/v1/refunds failed"),
            ("INSTRUMENT_DECLINED", "PAYER_ACTION_REQUIRED"),
            ("INVALID_FIELD: No such column 'Tier__c' on entity 'Account'", "INVALID_FIELD: No such column 'Tier__c' on entity 'Contact'"),
            ("read ECONNRESET", "connect ETIMEDOUT"),
            ("rpc error: code = Unavailable", "rpc error: code = PermissionDenied"),
            ("retry after 30s", "retry after 30 attempts"),
        ])
    func differentTemplates(first: String, second: String) {
        #expect(ErrorMessageTemplate.normalize(first) != ErrorMessageTemplate.normalize(second))
    }

    @Test("long runs that start an email or a token and never finish one are still read")
    func unfinishedLookAheads() {
        let plusses = String(repeating: "a+", count: 20_000) + "@"
        #expect(ErrorMessageTemplate.normalize(plusses) == plusses)
        let colons = String(repeating: "1:", count: 3)
        #expect(ErrorMessageTemplate.normalize(colons) == "<num>:<num>:<num>:")
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
        #expect(top.template == "rate limited, retry after <duration>")
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
