import EcotopCore
import Testing

@testable import EcotopEngine

@Suite("Health scores with weights")
struct HealthScoreTests {
    private let catalog = MetricCatalog.standard

    /// A summary of a catalog metric with only its score set (nil: stale or no data).
    private func summary(_ id: MetricID, score: Double?) -> MetricSummary {
        MetricSummary(
            definition: catalog[id]!, latest: nil, history: [],
            status: score == nil ? .stale : .ok, score: score)
    }

    private var summaries: [MetricSummary] {
        [
            summary("participation.active_partners", score: 100),
            summary("participation.integrated_services", score: 50),
            summary("participation.connected_sources", score: nil),
            summary("usage.transactions", score: 80),
            summary("usage.integration_error_rate", score: 20),
            summary("value.ecosystem_revenue", score: 90),
        ]
    }

    @Test("without weights: family means, then the mean of families with a score")
    func unweighted() throws {
        let health = HealthScore(summaries: summaries)
        #expect(health.families[.participation] == 75)  // (100 + 50) / 2; the stale metric is left out
        #expect(health.families[.usage] == 50)
        #expect(health.families[.value] == 90)
        #expect(health.families[.qualitative] == nil)
        #expect(try #require(health.overall) == (75 + 50 + 90) / 3.0)
    }

    @Test("family weights and metric weights")
    func weighted() throws {
        let health = HealthScore(
            summaries: summaries, weights: [.usage: 2, .value: 0],
            metricWeights: ["usage.integration_error_rate": 3, "participation.integrated_services": 0])
        #expect(health.families[.participation] == 100)  // the 50 weighs nothing
        #expect(health.families[.usage] == 35)  // (80 + 3 * 20) / 4
        #expect(health.families[.value] == 90)  // still shown, but weighs 0 overall
        #expect(try #require(health.overall) == (100 + 2 * 35) / 3.0)
    }

    @Test("a family whose metrics all weigh zero has no score; no family, no overall")
    func zeroWeights() {
        let health = HealthScore(summaries: summaries, metricWeights: ["value.ecosystem_revenue": 0])
        #expect(health.families[.value] == nil)
        #expect(HealthScore(summaries: [summary("usage.transactions", score: nil)]).overall == nil)
        // Negative weights count as zero rather than subtracting.
        let negative = HealthScore(summaries: summaries, weights: [.participation: -5, .usage: 0, .value: 0])
        #expect(negative.overall == nil)
    }

    @Test("the formula summary is one paragraph naming what it leaves out")
    func formulaSummary() {
        let text = HealthScore.formulaSummary
        #expect(!text.contains("\n"))
        #expect(text.contains("weighted mean"))
        #expect(text.contains("Stale"))
    }
}

/// The score says how much it knows, and integrations in trouble pull usage down.
@Suite struct HealthScoreCoverageTests {
    private let catalog = MetricCatalog.standard

    private func summaries(scored: [MetricID: Double]) -> [MetricSummary] {
        catalog.metrics.map { metric in
            MetricSummary(
                definition: metric, latest: nil, history: [], status: scored[metric.id] == nil ? .noData : .ok,
                score: scored[metric.id])
        }
    }

    @Test func oneMetricReportingOfTwentyIsSaid() {
        let health = HealthScore(summaries: summaries(scored: ["usage.transactions": 100]))
        #expect(health.overall == 100)
        #expect(health.reporting == 1 && health.total == 20)
    }

    @Test func aCriticalIntegrationInAnIncidentPullsUsageToWarn() throws {
        let ecosystem = Ecosystem.demo
        let burst = (0..<22).map {
            IntegrationEvent(timestamp: 10_000 - 270 + Double($0) * 12, kind: .error, integration: "storefront->stripe", code: "429", message: "")
        }
        let integrations = IntegrationHealth(ecosystem: ecosystem, events: burst, end: 10_000)
        let all = Dictionary(uniqueKeysWithValues: catalog.metrics.map { ($0.id, 100.0) })
        let health = HealthScore(summaries: summaries(scored: all), integrations: integrations)
        let usage = try #require(health.families[.usage])
        #expect(usage <= HealthScore.criticalIntegrationCap && usage < 80, "usage \(usage) is WARN or worse")
        #expect(health.families[.participation] == 100)
        #expect(try #require(health.overall) < 100)
        #expect(health.unhealthyIntegrations == ["storefront->stripe"])
    }

    @Test func withoutAUsageFamilyTheOverallScoreIsCapped() throws {
        let logistics = MetricFamily(id: "logistics", title: "Logistics")
        let metric = MetricDefinition(
            id: "logistics.on_time", family: logistics, title: "On time", shortTitle: "On time", unit: .percent,
            direction: .higherIsBetter, aggregation: .avg, thresholds: Thresholds(warn: 95, critical: 90), summary: "")
        let summary = MetricSummary(definition: metric, latest: nil, history: [], status: .ok, score: 100)
        let events = (0..<30).map {
            IntegrationEvent(timestamp: 9_500 + Double($0), kind: .error, integration: "storefront->trustpilot", code: "500", message: "")
        }
        let health = HealthScore(
            summaries: [summary], integrations: IntegrationHealth(ecosystem: .demo, events: events, end: 10_000))
        #expect(health.overall == HealthScore.integrationCap)
    }
}
