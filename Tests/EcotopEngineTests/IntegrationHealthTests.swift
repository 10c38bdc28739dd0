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

    @Test("error events per minute and error-rate series decide, each on its own")
    func share() throws {
        var events = errors(30, on: "storefront->stripe", from: end - 890, every: 29)  // 2 per minute
        events += errors(5, on: "crm->loyalty", from: end - 600, every: 60)  // 0.33 per minute
        events += errors(50, on: "storefront->ups", from: end - 5_000, every: 10)  // before the window
        events += (0..<200).map {
            IntegrationEvent(
                timestamp: end - Double($0), kind: .delivery, integration: "cdp->mailchimp", code: "200", message: "ok")
        }
        events += errors(3, on: "legacy->erp", from: end - 100, every: 1)  // not in the ecosystem
        let health = IntegrationHealth(
            ecosystem: ecosystem, events: events, end: end, length: window,
            errorRates: ["cdp->google-ads": 2.5, "crm->mailchimp": 0.4])

        #expect(health.entries.count == 16)
        let stripe = try #require(health.entries.first { $0.id == "storefront->stripe" })
        #expect(stripe.errorCount == 30)
        #expect(stripe.errorsPerMinute == 2)
        #expect(stripe.problems == [.errorEvents(perMinute: 2)])
        #expect(try #require(health.entries.first { $0.id == "crm->loyalty" }).isHealthy)
        #expect(try #require(health.entries.first { $0.id == "storefront->ups" }).errorCount == 0)
        #expect(try #require(health.entries.first { $0.id == "cdp->mailchimp" }).isHealthy)
        #expect(try #require(health.entries.first { $0.id == "cdp->google-ads" }).problems == [.errorRate(percent: 2.5)])
        #expect(try #require(health.entries.first { $0.id == "crm->mailchimp" }).isHealthy)

        #expect(health.healthyShare == 14.0 / 16)
        #expect(health.criticalHealthyShare == 3.0 / 4)  // stripe is one of the four critical ones
        #expect(health.unhealthy.map(\.id) == ["storefront->stripe", "cdp->google-ads"])  // critical first
    }

    @Test("the window is start..<end, like the events an EventSource reads for it")
    func halfOpenWindow() throws {
        let events = errors(1, on: "storefront->stripe", from: end - window, every: 1)
            + errors(1, on: "storefront->paypal", from: end, every: 1)
        let health = IntegrationHealth(ecosystem: ecosystem, events: events, end: end, length: window)
        #expect(try #require(health.entries.first { $0.id == "storefront->stripe" }).errorCount == 1)
        #expect(try #require(health.entries.first { $0.id == "storefront->paypal" }).errorCount == 0)
    }

    @Test("the threshold is a rate: the same count is fine over a longer window")
    func rateNotCount() throws {
        let events = errors(30, on: "storefront->stripe", from: end - 890, every: 29)
        let hour = IntegrationHealth(ecosystem: ecosystem, events: events, end: end, length: 3_600)
        #expect(try #require(hour.entries.first { $0.id == "storefront->stripe" }).errorsPerMinute == 0.5)
        #expect(hour.healthyShare == 1)
        let strict = IntegrationHealth(
            ecosystem: ecosystem, events: events, end: end, length: 3_600, maximumErrorsPerMinute: 0.25)
        #expect(strict.healthyShare == 15.0 / 16)
    }

    @Test("an ecosystem without integrations has no share")
    func empty() {
        let bare = Ecosystem(name: "bare", components: [], integrations: [], partners: [])
        let health = IntegrationHealth(ecosystem: bare, events: [], end: end, length: window)
        #expect(health.healthyShare == nil)
        #expect(health.criticalHealthyShare == nil)
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
        #expect(quiet.allSatisfy { $0.isHealthy })
    }
}
