import EcotopCollectors
import EcotopCore
import Foundation
import Testing

@Suite struct LogTailCollectorTests {
    /// The example rule set of docs/collectors.md for nginx's `upstream` log format.
    static let nginxRules: [LogLineRule] = {
        let pattern = #"^(?<client>\S+) \S+ \S+ \[(?<time>[^\]]+)\] "(?<method>[A-Z]+) (?<path>\S+) [^"]*" (?<status>\d{3}) \d+ "[^"]*" "[^"]*" rt=(?<rt>[\d.]+) uct="[^"]*" urt="(?<urt>[^"]*)" ups="[^"]*" host="(?<upstream>[^"]*)""#
        return [
            LogLineRule(format: .regex(pattern), conditions: ["upstream": "[a-z_]+"],
                        output: .sample(.init(metricID: "usage.upstream_requests", labels: ["upstream": "{upstream}"]))),
            LogLineRule(format: .regex(pattern), conditions: ["status": #"5\d\d"#, "upstream": "[a-z_]+"],
                        output: .sample(.init(metricID: "usage.upstream_errors", labels: ["upstream": "{upstream}"]))),
            LogLineRule(format: .regex(pattern), conditions: ["status": #"5\d\d"#],
                        output: .event(.init(integration: "storefront->{upstream}", code: "{status}",
                                             message: "{method} {path} answered {status}", latencyField: "urt",
                                             latencyScale: 1000, attributes: ["client": "{client}"], timeField: "time"))),
        ]
    }()

    func counts(_ result: CollectionResult, _ metric: String) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: result.samples.filter { $0.key.name == metric }.map { ($0.key[label: "upstream"] ?? "", $0.value) })
    }

    @Test func nginxRulesCountRequestsAndFiveHundredsPerUpstreamAndMakeErrorEvents() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("access.log", String(decoding: try fixture("nginx-access.log"), as: UTF8.self))
        let collector = try LogTailCollector(configuration: .init(
            name: "nginx", path: directory.file("access.log"), start: .beginning, rules: Self.nginxRules))
        let result = try await collector.collect(at: 1_800_000_000)
        #expect(counts(result, "usage.upstream_requests") == ["stripe_api": 9, "dhl_api": 7, "klaviyo_api": 3])
        #expect(counts(result, "usage.upstream_errors") == ["stripe_api": 3, "dhl_api": 2, "klaviyo_api": 1])
        #expect(result.events.count == 6)
        let timeout = try #require(result.events.first { $0.code == "504" })
        #expect(timeout.integration == "storefront->stripe_api")
        #expect(timeout.message.hasPrefix("POST /api/"))
        #expect(timeout.latencyMilliseconds == 60_001)
        #expect(timeout.timestamp == 1_795_752_730, "27/Nov/2026:04:12:10 +0000, from the line")
        #expect(timeout.attributes["client"]?.hasPrefix("203.0.113.") == true)
        // The retried request has two upstream times: no single latency, but still an event.
        #expect(result.events.contains { $0.integration == "storefront->dhl_api" && $0.code == "502" && $0.latencyMilliseconds == nil })
        #expect(result.problems.isEmpty)

        // Nothing new: the errors of upstreams seen before read 0, not nothing.
        let quiet = try await collector.collect(at: 1_800_000_010)
        #expect(counts(quiet, "usage.upstream_errors") == ["stripe_api": 0, "dhl_api": 0, "klaviyo_api": 0])
        #expect(quiet.events.isEmpty)
    }

    @Test func startsAtTheEndByDefaultAndKeepsAPartialLastLineForLater() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("app.log", "old 1\nold 2\n")
        let collector = try LogTailCollector(configuration: .init(name: "app", path: directory.file("app.log"), rules: [Self.wordCount]))
        #expect(try await collector.collect(at: 1).samples.isEmpty)
        try directory.append("app.log", "new 1\nnew 2\nhalf")
        #expect(try await words(collector) == ["new": 2])
        try directory.append("app.log", "way 3\n")
        #expect(try await words(collector) == ["halfway": 1, "new": 0])
    }

    @Test func followsRenameRotationReadingTheOldFileToItsEndFirst() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("app.log", "a 1\n")
        let collector = try LogTailCollector(configuration: .init(
            name: "app", path: directory.file("app.log"), start: .beginning, rules: [Self.wordCount]))
        #expect(try await words(collector) == ["a": 1])
        try directory.append("app.log", "b 1\nla")
        try FileManager.default.moveItem(atPath: directory.file("app.log"), toPath: directory.file("app.log.1"))
        try directory.append("app.log.1", "st 1\n")
        #expect(try await words(collector) == ["a": 0, "b": 1, "last": 1])
        try directory.write("app.log", "c 1\nc 2\n")
        #expect(try await words(collector) == ["a": 0, "b": 0, "c": 2, "last": 0])
    }

    @Test func aFileTruncatedInPlaceIsReadAgainFromTheStart() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("app.log", "a 1\na 2\na 3\n")
        let collector = try LogTailCollector(configuration: .init(
            name: "app", path: directory.file("app.log"), start: .beginning, rules: [Self.wordCount]))
        #expect(try await words(collector) == ["a": 3])
        try directory.write("app.log", "")
        try directory.append("app.log", "z 1\n")
        #expect(try await words(collector) == ["a": 0, "z": 1])
    }

    @Test func readsAtMostTheBudgetPerCollectionAndSkipsOverlongLines() async throws {
        let directory = try TemporaryDirectory()
        let long = String(repeating: "x", count: 300)
        try directory.write("app.log", (1...20).map { "w \($0)\n" }.joined() + "\(long) 1\nafter 1\n")
        let collector = try LogTailCollector(configuration: .init(
            name: "app", path: directory.file("app.log"), start: .beginning, maxBytesPerCollection: 64,
            maxLineBytes: 100, rules: [Self.wordCount]))
        var total = 0.0
        var problems: [String] = []
        for _ in 0..<12 {
            let result = try await collector.collect(at: 1)
            #expect(result.samples.allSatisfy { $0.value <= 64 / 4 })
            total += result.samples.filter { $0.key[label: "word"] == "w" }.map(\.value).reduce(0, +)
            problems += result.problems
        }
        #expect(total == 20)
        #expect(problems == ["\(directory.file("app.log")): skipped 1 line(s) longer than 100 bytes"])
        #expect(try await collector.collect(at: 1).samples.isEmpty == false)
    }

    @Test func jsonRulesReadNestedFieldsAndCountLinesThatAreNotJSON() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("api.log", """
            {"level":"error","time":"2026-11-27T04:00:00Z","partner":{"name":"stripe"},"status":429,"latency_s":0.25,"msg":"rate limited"}
            {"level":"info","partner":{"name":"stripe"},"status":200,"latency_s":0.1}
            not json at all
            {"level":"error","status":500,"msg":"no partner"}

            """)
        let rule = LogLineRule(format: .json, conditions: ["level": "error"], output: .event(.init(
            integration: "shop->{partner.name}", code: "{status}", message: "{msg}", latencyField: "latency_s", latencyScale: 1000,
            timeField: "time")))
        let latency = LogLineRule(format: .json, output: .sample(.init(
            metricID: "usage.partner_latency_max", labels: ["partner": "{partner.name}"], aggregation: .max(field: "latency_s"))))
        let collector = try LogTailCollector(configuration: .init(
            name: "api", path: directory.file("api.log"), start: .beginning, rules: [rule, latency]))
        let result = try await collector.collect(at: 7)
        #expect(result.events == [IntegrationEvent(timestamp: 1_795_752_000, kind: .error, integration: "shop->stripe", code: "429",
                                                   message: "rate limited", latencyMilliseconds: 250)])
        #expect(result.samples == [Sample(key: SeriesKey(name: "usage.partner_latency_max", labels: ["partner": "stripe"]),
                                          timestamp: 7, value: 0.25)])
        #expect(result.problems == ["\(directory.file("api.log")): 1 line(s) were not JSON"])
    }

    @Test func aMissingFileReadsAsNothingUntilItAppears() async throws {
        let directory = try TemporaryDirectory()
        let collector = try LogTailCollector(configuration: .init(name: "app", path: directory.file("late.log"), rules: [Self.wordCount]))
        #expect(try await collector.collect(at: 1).samples.isEmpty)
        try directory.write("late.log", "early 1\n")
        #expect(try await words(collector) == ["early": 1])
    }

    @Test(arguments: [
        (LogLineRule(format: .regex("(?<a>x"), output: .sample(.init(metricID: "m"))), "rule 1: the pattern is not a valid regular expression: (?<a>x"),
        (LogLineRule(format: .regex("(?<status>\\d+)"), output: .sample(.init(metricID: "m", labels: ["u": "{upstream}"]))),
         "rule 1: {upstream} is not a named group of the pattern (it has status)"),
        (LogLineRule(format: .json, conditions: ["s": "(5"], output: .sample(.init(metricID: "m"))),
         "rule 1: the condition on s is not a valid regular expression: (5"),
    ])
    func rulesThatCannotRunAreRefusedUpFront(rule: LogLineRule, error: String) {
        var described = "no error"
        do { _ = try LogTailCollector(configuration: .init(name: "x", path: "/nonexistent", rules: [rule])) } catch { described = error.description }
        #expect(described == error)
    }

    /// `word N` lines: counts lines per word.
    static let wordCount = LogLineRule(
        format: .regex(#"^(?<word>\S+) \d+$"#), output: .sample(.init(metricID: "lines", labels: ["word": "{word}"])))

    func words(_ collector: LogTailCollector) async throws -> [String: Double] {
        let result = try await collector.collect(at: 1)
        return Dictionary(uniqueKeysWithValues: result.samples.map { ($0.key[label: "word"]!, $0.value) })
    }
}
