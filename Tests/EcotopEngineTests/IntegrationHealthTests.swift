import EcotopCollectors
import EcotopCore
import Testing

@testable import EcotopEngine

@Suite("Share of healthy integrations")
struct IntegrationHealthTests {
    private let ecosystem = Ecosystem.demo
    private let end = 10_000.0
    private let window = 900.0  // 15 minutes

    private func errors(_ count: Int, on integration: String, from start: Double, every step: Double) -> [IntegrationEvent] {
        (0..<count).map {
            IntegrationEvent(
                timestamp: start + Double($0) * step, kind: .error, integration: integration, code: "504", message: "timeout")
        }
    }

    private func deliveries(_ count: Int, on integration: String, from start: Double, every step: Double) -> [IntegrationEvent] {
        (0..<count).map {
            IntegrationEvent(timestamp: start + Double($0) * step, kind: .delivery, integration: integration, code: "200", message: "ok")
        }
    }

    private func entry(_ id: String, in health: IntegrationHealth) throws -> IntegrationHealth.Entry {
        try #require(health.entries.first { $0.id == id })
    }

    @Test("errors per minute where attempts are unknown, the failure rate where they are known")
    func share() throws {
        var events = errors(30, on: "storefront->trustpilot", from: end - 890, every: 29)  // 2 per minute, not critical
        events += errors(5, on: "crm->loyalty", from: end - 600, every: 60)  // 0.33 per minute
        events += errors(50, on: "storefront->ups", from: end - 5_000, every: 10)  // before the window
        events += errors(10, on: "cdp->mailchimp", from: end - 800, every: 60)
            + deliveries(190, on: "cdp->mailchimp", from: end - 890, every: 4)  // 10 of 200 failed: 5 %, at the limit
        events += errors(12, on: "crm->mailchimp", from: end - 800, every: 60)
            + deliveries(188, on: "crm->mailchimp", from: end - 890, every: 4)  // 12 of 200: 6 %
        events += errors(3, on: "legacy->erp", from: end - 100, every: 1)  // not in the ecosystem
        let health = IntegrationHealth(ecosystem: ecosystem, events: events, end: end, length: window)

        #expect(health.entries.count == 16)
        let trustpilot = try entry("storefront->trustpilot", in: health)
        #expect(trustpilot.errorCount == 30 && trustpilot.errorsPerMinute == 2 && trustpilot.attempts == nil)
        #expect(trustpilot.problems == [.errorEvents(perMinute: 2, limit: 1)])
        #expect(try entry("crm->loyalty", in: health).isHealthy)
        #expect(try entry("storefront->ups", in: health).state == .silent, "errors before the window do not count")
        let mailchimp = try entry("cdp->mailchimp", in: health)
        #expect(mailchimp.attempts == 200 && mailchimp.failureRate == 5 && mailchimp.isHealthy)
        #expect(try entry("crm->mailchimp", in: health).problems == [.failureRate(percent: 6, limit: 5)])
        #expect(health.reporting.count == 4)
        #expect(health.healthyShare == 2.0 / 4)
        #expect(health.unhealthy.map(\.id) == ["storefront->trustpilot", "crm->mailchimp"])
    }

    @Test("a critical integration is held to stricter limits by default, and limits can be configured")
    func criticalAndConfiguredLimits() throws {
        let events = errors(4, on: "storefront->stripe", from: end - 800, every: 60)  // 0.27 per minute
            + errors(4, on: "storefront->trustpilot", from: end - 800, every: 60)
        let health = IntegrationHealth(ecosystem: ecosystem, events: events, end: end, length: window)
        #expect(try entry("storefront->stripe", in: health).state == .unhealthy, "critical: more than 0.2 a minute")
        #expect(try entry("storefront->trustpilot", in: health).isHealthy, "standard: up to 1 a minute")
        var lenient = ecosystem
        let stripe = try #require(lenient.integrations.firstIndex { $0.id == "storefront->stripe" })
        lenient.integrations[stripe].configuredLimits = IntegrationLimits(maximumFailureRate: 10, maximumErrorsPerMinute: 0.5)
        #expect(try entry("storefront->stripe", in: IntegrationHealth(ecosystem: lenient, events: events, end: end)).isHealthy)
    }

    @Test("the window is start..<end, like the events an EventSource reads for it")
    func halfOpenWindow() throws {
        let events = errors(1, on: "storefront->stripe", from: end - window, every: 1)
            + errors(1, on: "storefront->paypal", from: end, every: 1)
        let health = IntegrationHealth(ecosystem: ecosystem, events: events, end: end, length: window)
        #expect(try entry("storefront->stripe", in: health).errorCount == 1)
        #expect(try entry("storefront->paypal", in: health).errorCount == 0)
    }

    @Test("nothing reported is silent, not healthy")
    func silent() throws {
        let health = IntegrationHealth(ecosystem: ecosystem, events: [], end: end)
        #expect(health.entries.allSatisfy { $0.state == .silent })
        #expect(health.healthyShare == nil)
        #expect(health.unhealthy.isEmpty)
    }

    @Test("an ecosystem without integrations has no share")
    func empty() {
        let bare = Ecosystem(name: "bare", components: [], integrations: [], partners: [])
        let health = IntegrationHealth(ecosystem: bare, events: [], end: end, length: window)
        #expect(health.healthyShare == nil)
    }

    @Test("during a demo incident its integration is unhealthy; quiet ones are not")
    func demoIncident() throws {
        let simulator = DemoEvents.simulator
        let incidents = simulator.incidents(from: DemoEvents.start, to: DemoEvents.start + 86_400)
        let incident = try #require(incidents.first { $0.duration >= 20 * 60 })
        let end = incident.start + 15 * 60
        let others = incidents.filter { $0 != incident && $0.end > end - window && $0.start < end }
        let events = simulator.events(from: end - window, to: end)
        let health = IntegrationHealth(ecosystem: ecosystem, events: events, end: end, length: window)
        let struck = try #require(health.entries.first { $0.integration == incident.integration })
        #expect(!struck.isHealthy)
        // Every integration without an incident in the window keeps its background trickle.
        let quiet = health.entries.filter { entry in
            entry.integration != incident.integration && !others.contains { $0.integration == entry.integration }
        }
        #expect(!quiet.isEmpty)
        #expect(quiet.allSatisfy { $0.state != .unhealthy }, "a background error now and then is no incident")
    }
}
