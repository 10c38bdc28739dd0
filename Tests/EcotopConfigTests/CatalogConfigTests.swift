import EcotopCore
import Testing
@testable import EcotopConfig

/// A configuration's own families and metrics, beside or instead of the standard twenty.
@Suite struct CatalogConfigTests {
    private func validate(_ yaml: String) -> Result<EcotopConfiguration, ConfigErrors> { ConfigTestDocument.validate(yaml) }
    private func problems(_ yaml: String) -> String { ConfigTestDocument.problems(yaml) }

    private let logistics = """
        catalog:
          families:
            - {id: logistics, name: Logistics}
        metrics:
          logistics.on_time_delivery:
            family: logistics
            name: On-time delivery
            short_name: On time
            unit: percent
            thresholds: {warn: 95, critical: 90}
            expected_interval: 5m
          usage.webhook_backlog:
            family: usage
            name: Webhook backlog
            unit: count
            direction: lower
            aggregation: max
            thresholds: {warn: 100, critical: 500}
        health:
          families: {logistics: 2}

        """

    @Test func aFamilyAndMetricsOfItsOwnJoinTheStandardOnes() throws {
        let configuration = try validate(logistics).get()
        let catalog = configuration.catalog
        #expect(catalog.families.map(\.id) == ["participation", "usage", "value", "qualitative", "logistics"])
        #expect(catalog.metrics.count == 22)
        let onTime = try #require(catalog["logistics.on_time_delivery"])
        #expect(onTime.family.title == "Logistics" && onTime.title == "On-time delivery" && onTime.shortTitle == "On time")
        #expect(onTime.unit == .percent && onTime.direction == .higherIsBetter && onTime.aggregation == .avg)
        #expect(onTime.thresholds == Thresholds(warn: 95, critical: 90))
        let backlog = try #require(catalog["usage.webhook_backlog"])
        #expect(backlog.direction == .lowerIsBetter && backlog.aggregation == .max)
        #expect(catalog.metrics(in: .usage).last?.id == "usage.webhook_backlog", "a new metric follows its family's others")
        #expect(configuration.expectedIntervals["logistics.on_time_delivery"] == 300)
        #expect(configuration.health.families[MetricFamily(id: "logistics", title: "")] == 2)
    }

    @Test func theStandardMetricsCanBeLeftOut() throws {
        let configuration = try validate("catalog: {standard: false, families: [{id: logistics}]}\n" + """
            metrics:
              logistics.parcels: {family: logistics, name: Parcels shipped, unit: per_day, thresholds: {warn: 100, critical: 10}}

            """).get()
        #expect(configuration.catalog.metrics.map(\.id) == ["logistics.parcels"])
        #expect(configuration.catalog.families.map(\.title) == ["Logistics"])
    }

    @Test func aMetricOfItsOwnNamesItsFamilyUnitAndThresholds() {
        let message = problems("""
            metrics:
              logistics.on_time: {family: logistcs, name: On time}

            """)
        #expect(message.contains("eco.yaml:3:31: metrics.logistics.on_time.family: unknown family 'logistcs'"), "\(message)")
        #expect(message.contains("metrics.logistics.on_time.unit: missing"), "\(message)")
        #expect(message.contains("metrics.logistics.on_time.thresholds: missing"), "\(message)")
    }

    @Test func thresholdsOfANewMetricFollowItsDirection() {
        let message = problems("""
            metrics:
              usage.backlog: {family: usage, name: Backlog, unit: count, direction: lower, thresholds: {warn: 500, critical: 100}}

            """)
        #expect(message.contains("usage.backlog is lower is better, so warn must be at most critical"), "\(message)")
    }

    @Test func familiesNeedFreshIdsAndMetrics() {
        let message = problems("""
            catalog:
              families: [{id: usage}, {id: Logistics}, {id: empty}, {id: empty}]

            """)
        #expect(message.contains("'usage' is a standard family already"), "\(message)")
        #expect(message.contains("expected a lower-case id"), "\(message)")
        #expect(message.contains("duplicate family id 'empty'"), "\(message)")
        #expect(message.contains("family 'empty' has no metrics"), "\(message)")
    }

    @Test func anEmptyCatalogIsRefused() {
        #expect(problems("catalog: {standard: false}\n").contains("the catalog has no metrics"))
    }

    @Test func aTypoOfACatalogIdWithoutAFamilyIsStillATypo() {
        let message = problems("metrics:\n  usage.transactoins: {thresholds: {warn: 1, critical: 0}}\n")
        #expect(message.contains("did you mean 'usage.transactions'"), "\(message)")
    }

    @Test func collectorsMayMapToTheNewMetrics() throws {
        let configuration = try validate(logistics + """
            collectors:
              - name: carrier
                type: exec
                argv: [true]
                mapping:
                  - {match: carrier.on_time, metric: logistics.on_time_delivery}

            """).get()
        #expect(configuration.collectors.first?.mapping.first?.metric == "logistics.on_time_delivery")
    }
}
