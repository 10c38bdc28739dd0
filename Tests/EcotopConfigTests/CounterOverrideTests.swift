import EcotopCore
import Testing
@testable import EcotopConfig

/// `counter: true` marks a metric whose series are running totals, read as rates.
@Suite struct CounterOverrideTests {
    private func validate(_ metrics: String) -> Result<EcotopConfiguration, ConfigErrors> {
        ConfigValidator(home: "/home/ana").validate(yaml: "ecosystem: {}\nmetrics:\n" + metrics, file: "eco.yaml")
    }

    @Test func aRateMetricCanBeACounter() throws {
        let configuration = try validate("  usage.transactions: {counter: true}\n").get()
        #expect(configuration.metricCatalog()["usage.transactions"]?.isCounter == true)
        #expect(configuration.metricCatalog()["usage.active_users"]?.isCounter == false)
    }

    @Test func aCounterNeedsARateUnit() {
        guard case .failure(let errors) = validate("  usage.active_users: {counter: true}\n") else {
            Issue.record("a count metric marked as a counter was accepted")
            return
        }
        let message = errors.diagnostics.map(\.description).joined(separator: "\n")
        #expect(message.contains("eco.yaml:3:3"), "\(message)")
        #expect(message.contains("needs a rate unit"), "\(message)")
    }

    @Test func aCounterWithARateUnitOverrideIsAccepted() throws {
        let configuration = try validate("  usage.active_users: {counter: true, unit: per_minute}\n").get()
        #expect(configuration.metricCatalog()["usage.active_users"]?.isCounter == true)
    }
}
