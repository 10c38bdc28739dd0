import EcotopConfig
import EcotopCore
import Foundation
import Testing
@testable import EcotopCollectors

/// The built-in collectors made from YAML: their options as docs/collectors.md gives them,
/// checked with positions like the rest of the file.
@Suite struct BuiltInCollectorBuildersTests {
    private func build(_ collectors: String) throws(ConfigErrors) -> ConfiguredCollectors {
        try ConfiguredCollectors.build(yaml: "collectors:\n" + collectors, file: "c.yaml")
    }

    private func problems(_ collectors: String) -> [String] {
        do {
            _ = try build(collectors)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func everyBuiltInTypeIsBuiltFromItsConfiguration() throws {
        let configured = try build(#"""
              - name: shop-api
                type: http-json
                url: https://shop.internal/api/stats
                headers: {Authorization: "Bearer ${SHOP_TOKEN}"}
                timeout: 3s
                options:
                  max_body_bytes: 65536
                  values:
                    - {path: $.data.active_partners, metric: participation.active_partners}
                    - {path: '$.partners[*].orders', metric: usage.transactions, label_paths: {partner: '@.name'}, scale: 60}
              - name: node
                type: prometheus
                url: http://127.0.0.1:9100/metrics
                format: openmetrics
                mapping:
                  - {match: 'shop_error_ratio{env="prod"}', metric: usage.integration_error_rate, scale: 100}
              - name: nginx
                type: log-tail
                path: /var/log/nginx/access.log
                options:
                  start: beginning
                  rules:
                    - regex: '" (?<status>\d{3}) .*host="(?<upstream>[a-z_]+)"'
                      where: {status: '5\d\d'}
                      sample: {metric: usage.upstream_errors, labels: {upstream: "{upstream}"}}
                    - json: true
                      event: {integration: "storefront->{upstream}", code: "{status}", message: "answered {status}"}
                    - json: true
                      sample: {metric: usage.upstream_bytes, aggregate: {sum: bytes}}
              - name: backfill
                type: import
                path: /srv/history.csv
                format: csv
            """#)
        let json = try #require(configured.collectors[0].collector as? HTTPJSONCollector).configuration
        #expect(json.endpoint.url.template == "https://shop.internal/api/stats")
        #expect(json.endpoint.headers["Authorization"]?.template == "Bearer ${SHOP_TOKEN}")
        #expect(json.endpoint.timeout == 3 && json.endpoint.maxBodyBytes == 65_536)
        #expect(json.values.map(\.path.description) == ["$.data.active_partners", "$.partners[*].orders"])
        #expect(json.values[1].labelPaths["partner"]?.description == "@.name" && json.values[1].scale == 60)
        let scrape = try #require(configured.collectors[1].collector as? PrometheusScrapeCollector).configuration
        #expect(scrape.format == .openMetrics && scrape.mapping.rules.map(\.metricID) == ["usage.integration_error_rate"])
        #expect(configured.collectors[2].collector is LogTailCollector)
        #expect(configured.collectors[2].type == "log-tail")
        let importer = try #require(configured.collectors[3].collector as? ImportCollector)
        #expect(importer.name == "backfill")
    }

    @Test func optionProblemsNameTheirPosition() {
        #expect(problems(#"""
              - name: api
                type: http-json
                options:
                  values:
                    - {path: '$.data[', metric: participation.active_partnrs, lables: {}}
              - name: logs
                type: log-tail
                options:
                  rules:
                    - {regex: 'x', json: true, sample: {metric: m, aggregate: {median: f}}}
                    - {regex: '(?<status>\d+)', event: {integration: "a->{upstream}"}}
              - name: old
                type: import
                format: xml
                path: /srv/x.xml
            """#) == [
            "c.yaml:2:5: collectors[0].url: missing; a http-json collector needs the URL to poll",
            "c.yaml:6:26: collectors[0].options.values[0].path: bad JSON path: expected an index, * or a quoted name after [",
            "c.yaml:6:37: collectors[0].options.values[0].metric: unknown metric 'participation.active_partnrs'; did you mean 'participation.active_partners'? (a series of your own needs a name not this close to a catalog metric)",
            "c.yaml:6:67: collectors[0].options.values[0].lables: unknown key 'lables'; did you mean 'labels'?",
            "c.yaml:7:5: collectors[1].path: missing; a log-tail collector needs the file to read",
            "c.yaml:11:11: collectors[1].options.rules[0]: expected exactly one of `regex: PATTERN` or `json: true`",
            "c.yaml:11:68: collectors[1].options.rules[0].sample.aggregate: expected `count` or one of {sum: FIELD}, {last: FIELD}, {max: FIELD}, found 'median'",
            "c.yaml:15:13: collectors[2].format: expected one of csv, json, found 'xml'",
        ])
    }

    /// Issue 9: a label without a name was accepted wherever labels are configured. Each is
    /// reported at its key (inside the quotes, as quoted values are).
    @Test func anEmptyLabelNameIsReportedWhereItIsWritten() {
        #expect(problems(#"""
              - name: api
                type: http-json
                url: http://127.0.0.1:1/
                labels: {"": a}
                options:
                  values:
                    - {path: '$.n', metric: usage.transactions, labels: {"": b}, label_paths: {"": '$.x'}}
              - name: scrape
                type: prometheus
                url: http://127.0.0.1:1/metrics
                mapping:
                  - {match: up, metric: usage.transactions, set_labels: {"": c}, rename_labels: {job: ""}}
            """#) == [
            "c.yaml:5:15: collectors[0].labels: empty label name",
            "c.yaml:8:63: collectors[0].options.values[0].labels: empty label name",
            "c.yaml:8:85: collectors[0].options.values[0].label_paths: empty label name",
            "c.yaml:13:63: collectors[1].mapping[0].set_labels: empty label name",
            "c.yaml:13:92: collectors[1].mapping[0].rename_labels.job: empty label name",
        ])
    }

    @Test func aRuleTheLogCollectorRefusesIsReportedAtThatRule() {
        #expect(problems(#"""
              - name: logs
                type: log-tail
                path: /var/log/app.log
                options:
                  rules:
                    - {json: true, sample: {metric: usage.lines}}
                    - {regex: '(?<status>\d+)', event: {integration: "a->{upstream}"}}
            """#) == [
            "c.yaml:8:11: collectors[0].options.rules[1]: {upstream} is not a named group of the pattern (it has status)",
        ])
    }

    @Test func anImportCollectorRunsThroughTheScheduler() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ecotop-import-\(UUID()).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "ts,name,value,integration\n1732680000,usage.transactions,12.5,stripe\n".write(toFile: path, atomically: true, encoding: .utf8)
        let configured = try build("  - {name: backfill, type: import, path: \(path)}\n")
        let sink = MemorySink()
        let health = await configured.makeScheduler(sink: sink, clock: FixedWallClock(1_800_000_000)).runOnce()
        #expect(health[0].status == .ok && health[0].recordsOK == 1)
        #expect(sink.samples == [Sample(key: SeriesKey(name: "usage.transactions", labels: ["integration": "stripe"]), timestamp: 1_732_680_000, value: 12.5)])
    }

    @Test func theExamplesOfDocsCollectorsPassAsWritten() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/collectors.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let blocks = text.components(separatedBy: "```yaml\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        #expect(blocks.count == 2)
        for block in blocks {
            let configured = try ConfiguredCollectors.build(yaml: block, file: "docs/collectors.md")
            #expect(configured.collectors.count == 1)
        }
    }
}
