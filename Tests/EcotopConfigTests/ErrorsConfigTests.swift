import EcotopCore
import Testing
@testable import EcotopConfig

/// `errors:` classes failure codes and `runbooks:` gives error groups their advice, each
/// problem reported where it is.
@Suite struct ErrorsConfigTests {
    private let ecosystem = """
        ecosystem:
          components:
            - {id: shop, role: hub}
            - {id: stripe}
          integrations:
            - {from: shop, to: stripe}

        """

    private func validate(_ yaml: String) -> Result<EcotopConfiguration, ConfigErrors> {
        ConfigValidator(home: "/home/ana").validate(yaml: ecosystem + yaml, file: "eco.yaml")
    }

    private func problems(_ yaml: String) -> [String] {
        guard case .failure(let errors) = validate(yaml) else { return [] }
        return errors.diagnostics.map(\.description)
    }

    @Test func configuredCodesAndRunbooksAreRead() throws {
        let configuration = try validate("""
            errors:
              retryable: ["409"]
              permanent: [ETIMEDOUT]
            runbooks:
              - {integration: shop->stripe, code: "429|5..", url: "https://wiki.example/stripe"}
              - {code: "401", text: "Rotate the token in the vault"}
            """).get()
        let policy = configuration.errorPolicy
        #expect(policy.classifier.classify("409") == .retryable)
        #expect(policy.classifier.classify("ETIMEDOUT") == .permanent)
        #expect(Runbook.first(in: policy.runbooks, integration: "shop->stripe", code: "503")?.advice == "https://wiki.example/stripe")
        #expect(Runbook.first(in: policy.runbooks, integration: "shop->stripe", code: "4290") == nil, "the whole code must match")
        #expect(Runbook.first(in: policy.runbooks, integration: "crm->mail", code: "401")?.advice == "Rotate the token in the vault")
    }

    @Test func aRunbookForAnUnknownIntegrationABadPatternOrNoAdviceIsReportedWhereItIs() {
        let found = problems("""
            runbooks:
              - {integration: shop->strpe, url: "https://wiki.example"}
              - {code: "5(", text: "x"}
              - {code: "401"}
            """)
        #expect(found.contains { $0.hasPrefix("eco.yaml:8:19") && $0.contains("unknown integration 'shop->strpe'; did you mean 'shop->stripe'?") })
        #expect(found.contains { $0.hasPrefix("eco.yaml:9:13") && $0.contains("'5(' is not a regular expression") })
        #expect(found.contains { $0.hasPrefix("eco.yaml:10:5") && $0.contains("needs one of `url:` or `text:`") })
    }
}
