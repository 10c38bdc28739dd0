import EcotopCore
import EcotopEngine
import Testing

/// The numbers of the errors drill-down, against events built by hand where the answer is known.
@Suite struct ErrorsDrillDownEngineTests {
    let end = 1_800_000_000.0
    let ecosystem = Ecosystem(
        name: "Hand-built", components: [],
        integrations: [
            Integration(from: "shop", to: "stripe", transport: .api, isCritical: true),
            Integration(from: "shop", to: "ups", transport: .api, isCritical: false),
            Integration(from: "crm", to: "mail", transport: .webhook, isCritical: false),
        ],
        partners: [])

    func error(_ integration: String, _ code: String, at offset: Double, _ message: String = "boom", latency: Double? = nil) -> IntegrationEvent {
        IntegrationEvent(timestamp: end - offset, kind: .error, integration: integration, code: code, message: message, latencyMilliseconds: latency)
    }

    func delivery(_ integration: String, at offset: Double, attempts: Int? = nil, latency: Double? = nil) -> IntegrationEvent {
        IntegrationEvent(
            timestamp: end - offset, kind: .delivery, integration: integration, code: "200", message: "ok", latencyMilliseconds: latency,
            attributes: attempts.map { ["attempts": "\($0)"] } ?? [:])
    }

    @Test(arguments: [
        ("500", FailureClass.retryable), ("503", .retryable), ("501", .permanent), ("505", .permanent), ("408", .retryable),
        ("429", .retryable), ("400", .permanent), ("401", .permanent), ("404", .permanent), ("422", .permanent),
        ("ETIMEDOUT", .retryable), ("ECONNRESET", .retryable), ("connection_refused", .retryable), ("timeout", .retryable),
        ("auth", .permanent), ("validation", .permanent), ("invalid_signature", .permanent),
    ])
    func failuresAreRetryableOrPermanentByTheirCode(code: String, expected: FailureClass) {
        #expect(FailureClassifier.standard.classify(code) == expected)
    }

    @Test func configuredCodesComeBeforeTheStandardRule() {
        let classifier = FailureClassifier(retryable: ["409"], permanent: ["ETIMEDOUT"])
        #expect(classifier.classify("409") == .retryable)
        #expect(classifier.classify("etimedout") == .permanent)
        #expect(classifier.classify("503") == .retryable)
    }

    @Test func histogramsCountEachMomentInItsBucketAndNothingOutside() {
        let counts = EventHistogram.counts(of: [0, 9.9, 10, 59.9, 60, -1], from: 0, to: 60, buckets: 6)
        #expect(counts == [2, 1, 0, 0, 0, 1])
        #expect(EventHistogram.counts(of: [1], from: 0, to: 0, buckets: 4).isEmpty)
    }

    @Test func summariesCountFailuresAttemptsLatencyAndClassesOverTheRange() throws {
        // stripe: 30 deliveries and 10 errors in the last hour: 25 % of 40 attempts fail.
        var events = (0..<30).map { delivery("shop->stripe", at: Double($0) * 100 + 50, latency: 100) }
        events += (0..<10).map { error("shop->stripe", $0 < 6 ? "503" : "401", at: Double($0) * 300 + 10, latency: 1_000) }
        // ups: two errors, no deliveries; one outside the range is not counted.
        events += [error("shop->ups", "ETIMEDOUT", at: 120), error("shop->ups", "ETIMEDOUT", at: 1_800), error("shop->ups", "400", at: 4_000)]
        let summaries = IntegrationErrorSummary.rank(
            ecosystem: ecosystem, events: events.sorted { $0.timestamp < $1.timestamp }, from: end - 3_600, to: end, buckets: 6)
        #expect(summaries.map(\.id) == ["shop->stripe", "shop->ups", "crm->mail"], "the unhealthy critical one first, the silent last")
        let stripe = summaries[0]
        #expect(stripe.failures == 10)
        #expect(stripe.attempts == 40)
        #expect(stripe.failureRate == 25)
        #expect(stripe.retryable == 6 && stripe.permanent == 4)
        #expect(stripe.health.state == .unhealthy)
        #expect(stripe.lastErrorAt == end - 10)
        // 40 latencies: 30 of 100 ms and 10 of 1,000 ms; the 95th percentile lies among the slow ones.
        #expect(stripe.p95LatencyMilliseconds == 1_000)
        #expect(stripe.failuresPerBucket.reduce(0, +) == 10 && stripe.failuresPerBucket.count == 6)
        #expect(stripe.funnel == nil, "no delivery says on which attempt it succeeded")
        let ups = summaries[1]
        #expect(ups.failures == 2 && ups.attempts == nil && ups.failureRate == nil)
        #expect(summaries[2].health.state == .silent && summaries[2].failures == 0 && summaries[2].lastErrorAt == nil)
    }

    @Test func theFunnelCountsAttemptsFailuresRetriesAndDeliveries() throws {
        let events = [
            error("crm->mail", "503", at: 50), error("crm->mail", "503", at: 40), delivery("crm->mail", at: 30, attempts: 3),
            delivery("crm->mail", at: 20, attempts: 1), delivery("crm->mail", at: 10, attempts: 2),
        ]
        let funnel = try #require(DeliveryFunnel(events: events))
        #expect([funnel.attempted, funnel.failed, funnel.retried, funnel.delivered] == [5, 2, 2, 3])
    }

    @Test func anIntegrationsDetailHasItsCodesAndGroupsAndItsVolumePerBucket() throws {
        let events = [
            delivery("shop->ups", at: 500), error("shop->ups", "429", at: 400, "rate limited, retry after 3s"),
            error("shop->ups", "429", at: 300, "rate limited, retry after 7s"), error("shop->ups", "500", at: 200),
            error("shop->stripe", "500", at: 100),
        ]
        let groups = ErrorFingerprint.group(events)
        let summary = try #require(
            IntegrationErrorSummary.rank(ecosystem: ecosystem, events: events, from: end - 600, to: end, buckets: 6)
                .first { $0.id == "shop->ups" })
        let detail = IntegrationErrorDetail(summary: summary, events: events, groups: groups, from: end - 600, to: end, buckets: 6)
        #expect(detail.codes.map(\.code) == ["429", "500"])
        #expect(detail.codes.map(\.count) == [2, 1])
        #expect(detail.codes.map(\.failureClass) == [.retryable, .retryable])
        #expect(detail.groups.count == 2, "the two rate limits are one group, the 500 another; stripe's are not here")
        #expect(detail.attemptsPerBucket == [0, 1, 1, 1, 1, 0])
        #expect(detail.failuresPerBucket == [0, 0, 1, 1, 1, 0])
    }

    @Test func aGroupsDetailHasItsShareHistogramAndEventsNewestFirst() throws {
        let events = [
            error("shop->ups", "429", at: 500, "rate limited after 3 calls"), error("shop->ups", "429", at: 50, "rate limited after 9 calls"),
            error("shop->ups", "500", at: 40), error("shop->stripe", "500", at: 30),
        ]
        let group = try #require(ErrorFingerprint.group(events).first { $0.code == "429" })
        let detail = ErrorGroupDetail(group: group, events: events, from: end - 600, to: end, buckets: 2, isNew: true)
        #expect(detail.share == 0.5)
        #expect(detail.histogram == [1, 1])
        #expect(detail.events.map(\.message) == ["rate limited after 9 calls", "rate limited after 3 calls"])
        #expect(detail.failureClass == .retryable && detail.isNew)
    }
}
