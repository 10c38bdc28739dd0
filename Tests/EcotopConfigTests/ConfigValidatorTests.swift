import EcotopCore
import Testing
@testable import EcotopConfig

/// Validation reports every problem with file:line:column, the field and what was expected.
@Suite struct ConfigValidatorTests {
    private func problems(_ yaml: String) -> [String] {
        switch ConfigValidator(home: "/home/ana").validate(yaml: yaml, file: "eco.yaml") {
        case .success: return []
        case .failure(let errors): return errors.diagnostics.map(\.description)
        }
    }

    private let ecosystem = """
        ecosystem:
          components:
            - {id: shop, kind: storefront, role: hub}
            - {id: stripe, kind: payments}
          integrations:
            - {from: shop, to: stripe, protocol: api, critical: true}

        """

    @Test func aValidFileBecomesPlainValues() throws {
        let yaml = ecosystem + """
            collectors:
              - name: orders
                type: exec
                interval: 30s
                timeout: 1500ms
                argv: [/opt/orders.sh, --json]
                env: {SHOP: eu}
                cwd: ~/plugins
                labels: {shop: eu}
                headers: {Authorization: "Bearer ${TOKEN}", X-Tenant: {fromEnv: TENANT}}
                mapping:
                  - {match: 'orders{shop="eu"}', metric: usage.transactions, scale: 2}
                  - {match: 'errors', metric: shop.upstream_errors}
            metrics:
              usage.transactions: {thresholds: {warn: 200, critical: 100}, unit: per_minute, expected_interval: 2m}
            health:
              families: {usage: 2}
              metrics: {usage.critical_uptime: 3}
            store: {path: ~/data, fsync_interval: 5s}
            """
        let configuration = try ConfigValidator(home: "/home/ana").validate(yaml: yaml, file: "eco.yaml").get()
        #expect(configuration.ecosystem.integrations == [Integration(from: "shop", to: "stripe", transport: .api, isCritical: true)])
        let collector = try #require(configuration.collectors.first)
        #expect(collector.interval == 30 && collector.timeout == 1.5)
        #expect(collector.argv == ["/opt/orders.sh", "--json"] && collector.cwd == "/home/ana/plugins")
        #expect(collector.mapping.first?.match == #"orders{shop="eu"}"# && collector.mapping.first?.scale == 2)
        #expect(collector.mapping.last?.metric == "shop.upstream_errors")
        #expect(collector.mapping.first?.matchMark == ConfigMark(file: "eco.yaml", line: 18, column: 18))
        #expect(collector.headers == ["Authorization": "Bearer ${TOKEN}", "X-Tenant": "${TENANT}"])
        #expect(configuration.metricCatalog()["usage.transactions"]?.thresholds == Thresholds(warn: 200, critical: 100))
        #expect(configuration.expectedIntervals == ["usage.transactions": 120])
        #expect(configuration.health == HealthWeights(families: [.usage: 2], metrics: ["usage.critical_uptime": 3]))
        #expect(configuration.store == StoreSettings(path: "/home/ana/data", fsyncInterval: 5))
    }

    @Test func everyProblemIsReportedWithItsPositionFieldAndADidYouMean() {
        let yaml = ecosystem + """
            collectors:
              - name: orders
                type: exce
                intervall: 30s
                timeout: soon
                argv: [/opt/orders.sh]
                mapping:
                  - {match: orders, metric: usage.transactoins, scale: 2, set_labels: {a: b}}
              - name: orders
                type: exec
            """
        #expect(problems(yaml) == [
            "eco.yaml:9:11: collectors[0].type: expected one of demo, exec, daemon, http-json, prometheus, log-tail, import, found 'exce'; did you mean 'exec'?",
            "eco.yaml:10:5: collectors[0].intervall: unknown key 'intervall'; did you mean 'interval'?",
            "eco.yaml:11:14: collectors[0].timeout: expected a positive duration such as 500ms, 30s, 5m or 1h (a bare number is seconds), found 'soon'",
            "eco.yaml:14:33: collectors[0].mapping[0].metric: unknown metric 'usage.transactoins'; did you mean 'usage.transactions'? (a series of your own needs a name not this close to a catalog metric)",
            "eco.yaml:15:5: collectors[1].argv: missing; an exec collector needs the program and its arguments, e.g. [/usr/local/bin/orders.sh, --json]",
            "eco.yaml:15:11: collectors[1].name: duplicate collector name 'orders' (first used at eco.yaml:8:11)",
        ])
    }

    @Test func anIncompleteEntryDoesNotMakeItsOtherKeysLookUnknown() {
        let yaml = """
            collectors:
              - name: orders
                type: exec
                argv: [orders.sh]
                mapping:
                  - {metric: usage.transactions, scale: 2, keep_labels: [shop]}
            """
        #expect(problems(yaml) == ["eco.yaml:6:9: collectors[0].mapping[0].match: missing; this field is required"])
    }

    @Test func ecosystemReferencesMustNameComponents() {
        let yaml = """
            ecosystem:
              components:
                - {id: shop}
                - {id: shop, name: Shop, kind: storefront}
              integrations:
                - {from: shop, to: shpo, protocl: api}
              partners:
                - {id: acme, tier: gold, components: [crm]}
            """
        #expect(problems(yaml) == [
            "eco.yaml:4:12: ecosystem.components[1].id: duplicate component id 'shop' (first used at eco.yaml:3:12)",
            "eco.yaml:6:24: ecosystem.integrations[0].to: unknown component 'shpo'; did you mean 'shop'?; expected the id of a component under ecosystem.components",
            "eco.yaml:6:30: ecosystem.integrations[0].protocl: unknown key 'protocl'; did you mean 'protocol'?",
            "eco.yaml:8:24: ecosystem.partners[0].tier: expected one of strategic, technology, reseller, community, found 'gold'",
            "eco.yaml:8:43: ecosystem.partners[0].components[0]: unknown component 'crm'; expected the id of a component under ecosystem.components",
        ])
    }

    @Test func thresholdsMustFollowTheMetricsDirectionAndWeightsTheirRange() {
        let yaml = ecosystem + """
            metrics:
              usage.integration_error_rate: {thresholds: {warn: 5, critical: 1}}
              usage.transactons: {unit: per_minute}
            health:
              families: {usage: -1}
              familes: {}
            store: {fsync_interval: 0}
            """
        #expect(problems(yaml) == [
            "eco.yaml:8:46: metrics.usage.integration_error_rate.thresholds: usage.integration_error_rate is lower is better, so warn must be at most critical (warn 5.0, critical 1.0)",
            "eco.yaml:9:3: metrics.usage.transactons: unknown metric 'usage.transactons'; did you mean 'usage.transactions'?",
            "eco.yaml:11:21: health.families.usage: expected a number from 0 to 1000, found -1",
            "eco.yaml:12:3: health.familes: unknown key 'familes'; did you mean 'families'?",
            "eco.yaml:13:25: store.fsync_interval: expected a positive duration such as 500ms, 30s, 5m or 1h (a bare number is seconds), found '0'",
        ])
    }

    @Test func syntaxErrorsAndWrongShapesSayWhere() {
        #expect(problems("ecosystem: [unclosed\n") == ["eco.yaml:2:1: YAML syntax: while parsing a flow sequence did not find expected ',' or ']'"])
        #expect(problems("collectors: {name: x}\n") == ["eco.yaml:1:13: collectors: expected a list, found a mapping"])
        #expect(problems("") == ["eco.yaml:1:1: the file is empty; expected at least `ecosystem:` and `collectors:`"])
        #expect(problems("a: 1\na: 2\n") == ["eco.yaml:2:1: duplicate key 'a' in this mapping (first at eco.yaml:1:1)"])
    }

    /// Issue 9: Yams names one repeated key of one mapping, at its first occurrence. Every
    /// repetition is reported where it is, plain or quoted, in block and flow mappings alike.
    @Test func everyRepeatedKeyIsReportedAtItsOwnLine() {
        let yaml = """
            store: {path: /a, "path": /b}
            collectors:
              - name: one
                type: exec
                name: two
                'name': three
            store: {}

            """
        #expect(problems(yaml) == [
            "eco.yaml:1:20: duplicate key 'path' in this mapping (first at eco.yaml:1:9)",
            "eco.yaml:5:5: duplicate key 'name' in this mapping (first at eco.yaml:3:5)",
            "eco.yaml:6:6: duplicate key 'name' in this mapping (first at eco.yaml:3:5)",
            "eco.yaml:7:1: duplicate key 'store' in this mapping (first at eco.yaml:1:1)",
        ])
    }

    @Test func theStarterConfigurationPassesAsWritten() throws {
        let configuration = try ConfigValidator().validate(yaml: StarterConfig.text, file: "starter.yaml").get()
        #expect(configuration.collectors.map(\.type) == [.exec])
        #expect(configuration.ecosystem.components.count == 4)
    }

    @Test func defaultPathFollowsXDG() {
        #expect(ConfigFile.defaultPath(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/ecotop/config.yaml")
        #expect(ConfigFile.defaultPath(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h"]) == "/h/.config/ecotop/config.yaml")
    }

    @Test func suggestionsNeedToBeClose() {
        #expect(Suggestion.closest(to: "intervall", among: ["interval", "timeout"]) == "interval")
        #expect(Suggestion.closest(to: "tmieout", among: ["interval", "timeout"]) == "timeout")
        #expect(Suggestion.closest(to: "colour", among: ["interval", "timeout"]) == nil)
    }
}

/// A few hundred bytes of YAML aliases must not expand to billions of values.
@Suite struct AliasBombTests {
    static let bomb = """
        a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
        d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
        e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
        f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
        g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
        h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
        i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
        """

    @Test func anAliasBombIsRefusedWithWhereAndWhy() {
        guard case .failure(let diagnostic) = ConfigNode.parse(yaml: Self.bomb, file: "bomb.yaml") else {
            Issue.record("a document of 387 million values was accepted")
            return
        }
        #expect(diagnostic.description.hasPrefix("bomb.yaml:"), "\(diagnostic)")
        #expect(diagnostic.description.contains("expands to more than 100000 values"), "\(diagnostic)")
    }

    @Test func aDocumentWithAFewAliasesStillReads() throws {
        let yaml = "defaults: &defaults {interval: 30s, timeout: 5s}\none: *defaults\ntwo: *defaults\n"
        guard case .success(let root) = ConfigNode.parse(yaml: yaml, file: "ok.yaml") else {
            Issue.record("ordinary aliases were refused")
            return
        }
        #expect(root.content != .null)
    }
}

/// A character YAML may not hold is reported where it is, not at 1:1.
@Suite struct YAMLReaderErrorTests {
    @Test func aControlCharacterIsReportedAtItsLineAndColumn() {
        guard case .failure(let diagnostic) = ConfigNode.parse(yaml: "a: 1\nb: \u{1}bad\n", file: "c.yaml") else {
            Issue.record("a control character was accepted")
            return
        }
        #expect(diagnostic.description.hasPrefix("c.yaml:2:4: YAML: control characters are not allowed"), "\(diagnostic)")
    }
}
