import EcotopCore
import Testing
@testable import EcotopConfig

/// `components[].cost`: read into the component, every problem reported with its position.
@Suite struct ComponentCostConfigTests {
    private func validate(_ components: String) -> Result<EcotopConfiguration, ConfigErrors> {
        ConfigValidator().validate(yaml: "ecosystem:\n  components:\n" + components + "collectors: []\n", file: "eco.yaml")
    }

    @Test func aCostBecomesPartOfItsComponent() throws {
        let configuration = try validate("""
                - {id: crm, kind: crm, role: hub, cost: {amount: 1200, per: month}}
                - {id: ga, kind: analytics, cost: {amount: 2400, per: year}}
                - {id: shop}

            """).get()
        let components = configuration.ecosystem.components
        #expect(components.map(\.cost) == [ComponentCost(amount: 1200, per: .month), ComponentCost(amount: 2400, per: .year), nil])
        #expect(components.map { $0.cost?.monthly } == [1200, 200, nil])
    }

    @Test func badCostsAreReportedWithTheirPositions() {
        guard case .failure(let errors) = validate("""
                - {id: crm, cost: {amount: -5, per: month}}
                - {id: ga, cost: {amount: 10, per: week, currency: EUR}}
                - {id: shop, cost: 12}

            """) else {
            Issue.record("bad costs were accepted")
            return
        }
        let text = errors.diagnostics.map(\.description).joined(separator: "\n")
        #expect(text.contains("eco.yaml:3:"), "\(text)")
        #expect(text.contains("ecosystem.components[0].cost.amount"), "\(text)")
        #expect(text.contains("ecosystem.components[1].cost.per"), "\(text)")
        #expect(text.contains("ecosystem.components[1].cost.currency"), "\(text)")
        #expect(text.contains("ecosystem.components[2].cost"), "\(text)")
    }
}
