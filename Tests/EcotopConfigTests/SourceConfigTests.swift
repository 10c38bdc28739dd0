import EcotopCore
import Testing
@testable import EcotopConfig

/// `source:` (where series are read from) and `promql:` (how a metric is read from Prometheus).
@Suite struct SourceConfigTests {
    private func validate(_ yaml: String) -> Result<EcotopConfiguration, ConfigErrors> { ConfigTestDocument.validate(yaml) }
    private func problems(_ yaml: String) -> String { ConfigTestDocument.problems(yaml) }

    @Test func aPrometheusSourceKeepsItsURLHeadersAndTimeout() throws {
        let configuration = try validate("""
            source:
              type: prometheus
              url: https://prometheus.example:9090
              headers: {Authorization: "Bearer ${PROM_TOKEN}", X-Scope-OrgID: {fromEnv: TENANT}}
              timeout: 30s
            metrics:
              usage.transactions: {promql: "sum(rate(orders_total[5m])) * 60"}

            """).get()
        #expect(configuration.source == SourceSettings(
            url: "https://prometheus.example:9090",
            headers: ["Authorization": "Bearer ${PROM_TOKEN}", "X-Scope-OrgID": "${TENANT}"], timeout: 30))
        #expect(configuration.promqlExpressions == ["usage.transactions": "sum(rate(orders_total[5m])) * 60"])
    }

    @Test func withoutASourceTheStoreIsRead() throws {
        #expect(try validate("").get().source == nil)
    }

    @Test func mistakesAreReportedWhereTheyAre() {
        let message = problems("""
            source: {type: influx, url: prometheus:9090}
            metrics:
              usage.transactions: {promql: "  "}

            """)
        #expect(message.contains("eco.yaml:2:"), "\(message)")
        #expect(message.contains("source.type"), "\(message)")
        #expect(message.contains("expected an http:// or https:// URL, found 'prometheus:9090'"), "\(message)")
        #expect(message.contains("expected a PromQL expression, found an empty one"), "\(message)")
        #expect(problems("source: {type: prometheus}\n").contains("source.url"))
    }
}
