import EcotopConfig
import Testing
@testable import EcotopCollectors

/// Building collectors validates their type-specific options with positions, like the file.
@Suite struct CollectorFactoryTests {
    private func problems(_ collectors: String) -> [String] {
        do {
            _ = try ConfiguredCollectors.build(yaml: "ecosystem: {components: [{id: shop}]}\ncollectors:\n" + collectors, file: "c.yaml")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func pluginOptionsAreCheckedWithDidYouMean() {
        let yaml = """
              - name: portal
                type: daemon
                argv: [portal-daemon]
                format: influxx
                options:
                  mode: free-runing
                  restart_backoff: {intial: 1s}
                  setle: 1s
            """
        #expect(problems(yaml) == [
            "c.yaml:6:13: collectors[0].format: expected one of auto, jsonl, influx, found 'influxx'; did you mean 'influx'?",
            "c.yaml:8:13: collectors[0].options.mode: expected one of signal, free-running, found 'free-runing'; did you mean 'free-running'?",
            "c.yaml:9:25: collectors[0].options.restart_backoff.intial: unknown key 'intial'; did you mean 'initial'?",
            "c.yaml:10:7: collectors[0].options.setle: unknown key 'setle'; did you mean 'settle'?",
        ])
    }

    @Test func aBadSelectorIsReportedAtItsColumnInsideTheQuotes() {
        let yaml = """
              - name: orders
                type: exec
                argv: [orders.sh]
                mapping:
                  - {match: 'orders{shop="eu"', metric: usage.transactions}
            """
        #expect(problems(yaml) == ["c.yaml:7:34: collectors[0].mapping[0].match: bad series selector: expected , or }"])
    }

    @Test func typesWithoutABuilderAreReportedAsUnavailable() {
        let factory = CollectorFactory(builders: [:])
        let issues = ConfigIssues()
        let collectors = factory.make([CollectorConfig(name: "x", type: .logTail, fieldPath: "collectors[0]")], issues: issues)
        #expect(collectors.isEmpty)
        #expect(issues.diagnostics.map(\.message) == ["collector type 'log-tail' is not available in this build; available: "])
    }

    @Test func theStarterConfigurationBuildsItsCollector() throws {
        let configured = try ConfiguredCollectors.build(yaml: StarterConfig.text, file: "starter.yaml")
        #expect(configured.collectors.map(\.name) == ["partners"])
        #expect(configured.collectors.first?.collector is ExecCollector)
    }
}
