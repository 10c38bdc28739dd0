import EcotopCollectors
import EcotopCore
import Testing

@Suite struct SeriesMappingTests {
    func key(_ name: String, _ labels: [String: String] = [:]) -> SeriesKey {
        SeriesKey(name: name, labels: labels)
    }

    @Test func selectorParsesNameAndMatchers() throws {
        let selector = try SeriesSelector(parsing: #"http_requests_total{code!="200",path="/a\"b"}"#)
        #expect(selector == SeriesSelector(name: "http_requests_total", matchers: [
            .notEqual("code", "200"), .equal("path", "/a\"b"),
        ]))
        #expect(try SeriesSelector(parsing: "up{}") == SeriesSelector(name: "up"))
    }

    @Test(arguments: [
        ("", "1:1: expected a metric name"),
        ("up{", "1:4: expected a label name"),
        ("up{a}", "1:5: expected =, !=, =~ or !~ after the label name"),
        ("up{a!\"x\"}", "1:6: expected = or ~ after !"),
        ("up{a=\"x\"", "1:9: expected , or }"),
        ("up x", "1:3: expected the end of the selector"),
    ])
    func selectorErrorsSayWhere(text: String, expected: String) {
        let error = #expect(throws: SeriesSelector.ParseError.self) { try SeriesSelector(parsing: text) }
        #expect(error?.description == expected)
    }

    @Test func matchersTreatAMissingLabelAsEmpty() throws {
        let selector = try SeriesSelector(parsing: #"up{job="node",instance!=""}"#)
        #expect(selector.matches(key("up", ["job": "node", "instance": "a:9100"])))
        #expect(!selector.matches(key("up", ["job": "node"])))
        #expect(!selector.matches(key("up", ["job": "web", "instance": "a:9100"])))
        #expect(!selector.matches(key("down", ["job": "node", "instance": "a:9100"])))
        #expect(try SeriesSelector(parsing: #"up{zone=""}"#).matches(key("up", ["job": "node"])))
    }

    @Test func ruleRenamesKeepsSetsLabelsAndScales() throws {
        let rule = SeriesMappingRule(
            selector: try SeriesSelector(parsing: #"shop_error_ratio{env="prod"}"#),
            metricID: "usage.error_rate",
            keepLabels: ["route", "env"],
            renameLabels: ["route": "integration"],
            setLabels: ["component": "storefront", "env": "production"],
            scale: 100)
        let sample = Sample(key: key("shop_error_ratio", ["env": "prod", "route": "/checkout", "pod": "x1"]), timestamp: 7, value: 0.025)
        #expect(rule.apply(to: sample) == Sample(
            key: key("usage.error_rate", ["integration": "/checkout", "component": "storefront", "env": "production"]),
            timestamp: 7, value: 2.5))
        #expect(rule.apply(to: Sample(key: key("shop_error_ratio", ["env": "dev"]), timestamp: 7, value: 1)) == nil)
    }

    @Test func firstMatchingRuleWinsAndUnmatchedSamplesAreDropped() throws {
        let mapping = SeriesMapping(rules: [
            SeriesMappingRule(selector: try SeriesSelector(parsing: #"up{job="shop"}"#), metricID: "usage.uptime", scale: 100),
            SeriesMappingRule(selector: try SeriesSelector(parsing: "up"), metricID: "usage.other_uptime"),
        ])
        let scraped = try PrometheusTextParser().parse("up{job=\"shop\"} 1\nup{job=\"crm\"} 0\nnode_load1 0.5\n".utf8, defaultTimestamp: 3)
        #expect(mapping.map(scraped.samples) == [
            Sample(key: key("usage.uptime", ["job": "shop"]), timestamp: 3, value: 100),
            Sample(key: key("usage.other_uptime", ["job": "crm"]), timestamp: 3, value: 0),
        ])
    }
}
