import EcotopCore
import Testing
@testable import EcotopConfig

/// `governance:`: agreements between sources of truth and owners, every problem reported with
/// its position, its field and what was expected.
@Suite struct GovernanceConfigTests {
    private func validate(_ governance: String) -> Result<EcotopConfiguration, ConfigErrors> {
        let yaml = """
            ecosystem:
              components:
                - {id: crm, kind: crm, role: hub}
                - {id: ga, kind: analytics}
            collectors: []
            governance:

            """ + governance
        return ConfigValidator().validate(yaml: yaml, file: "eco.yaml")
    }

    private func problems(_ governance: String) -> [String] {
        switch validate(governance) {
        case .success: return []
        case .failure(let errors): return errors.diagnostics.map(\.description)
        }
    }

    @Test func agreementsAndOwnersBecomePlainValues() throws {
        let configuration = try validate("""
              agreements:
                - {name: customer count, reference: crm.customers, compared: 'analytics.customers{source="ga"}', tolerance: 2%}
                - {name: orders, reference: shop.orders, compared: erp.orders, tolerance: 5}
              owners:
                usage.transactions: Payments team
                participation: Partnerships
                crm: Sales operations
            """).get()
        let governance = configuration.governance
        #expect(governance.agreements == [
            SourceAgreement(
                name: "customer count", reference: SeriesSelector(name: "crm.customers"),
                compared: SeriesSelector(name: "analytics.customers", matchers: [.equal("source", "ga")]), tolerance: .relative(0.02)),
            SourceAgreement(
                name: "orders", reference: SeriesSelector(name: "shop.orders"), compared: SeriesSelector(name: "erp.orders"),
                tolerance: .absolute(5)),
        ])
        #expect(governance.owners.entries.map(\.subject) == ["usage.transactions", "participation", "crm"])
        #expect(governance.owners.owner(ofComponent: "crm") == "Sales operations")
        let transactions = try #require(MetricCatalog.standard[MetricID(rawValue: "usage.transactions")])
        let partners = try #require(MetricCatalog.standard[MetricID(rawValue: "participation.active_partners")])
        #expect(governance.owners.owner(of: transactions) == "Payments team")
        #expect(governance.owners.owner(of: partners) == "Partnerships", "a metric without an owner of its own has its family's")
    }

    @Test func withoutTheSectionThereIsNoGovernance() throws {
        let configuration = try validate("").get()
        #expect(configuration.governance == Governance())
    }

    @Test func badAgreementsAreReportedWithTheirPositions() {
        #expect(problems("""
              agreements:
                - {name: a, reference: 'crm.customers{', compared: '{source="ga"}', tolerance: 2}
                - {name: b, reference: x, compared: y, tolerance: lots%}
                - {reference: x, compared: y, tolerance: [1]}
                - {name: d, reference: x, compared: y, tolerance: -3, toleranse: 1}
            """) == [
            "eco.yaml:8:29: governance.agreements[0].reference: not a series selector: column 15 of 'crm.customers{': expected a label name",
            "eco.yaml:8:57: governance.agreements[0].compared: expected a selector with a series name, such as crm.customers or crm.customers{region=\"eu\"}, found '{source=\"ga\"}'",
            "eco.yaml:9:55: governance.agreements[1].tolerance: expected a percentage between 0% and 1000%, such as 2%, found 'lots%'",
            "eco.yaml:10:7: governance.agreements[2].name: missing; this field is required",
            "eco.yaml:10:46: governance.agreements[2].tolerance: expected a percentage such as 2% or a number, found a list",
            "eco.yaml:11:55: governance.agreements[3].tolerance: expected a difference of 0 or more (or a percentage such as 2%), found -3",
            "eco.yaml:11:59: governance.agreements[3].toleranse: unknown key 'toleranse'; did you mean 'tolerance'?",
        ])
    }

    @Test func ownersMustNameAMetricAFamilyOrAComponent() {
        #expect(problems("""
              owners:
                usage.transactoins: Payments
                crn: Sales
                ga:
                participaton: Partnerships
            """) == [
            "eco.yaml:8:5: governance.owners.usage.transactoins: unknown subject 'usage.transactoins'; did you mean 'usage.transactions'?",
            "eco.yaml:9:5: governance.owners.crn: unknown subject 'crn'; did you mean 'crm'?",
            "eco.yaml:10:5: governance.owners.ga: missing owner; expected a team or a person",
            "eco.yaml:11:5: governance.owners.participaton: unknown subject 'participaton'; did you mean 'participation'?",
        ])
    }
}
