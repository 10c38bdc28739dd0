import EcotopCore
import EcotopTestSupport
import Foundation
import Testing

/// `ecotop check` through the binary, on stores written by hand: the Nagios exit status of
/// each state, one status line on stdout with performance data in the guidelines' format,
/// and UNKNOWN (3) with the reason on stdout and details on stderr when it cannot check.
@Suite struct CheckCommandLineTests {
    static let time = 1_700_000_000.0

    /// A store holding `values` once a minute over the hour before `end`, with a configuration
    /// (an ecosystem without integrations or agreements) that reads it.
    static func store(_ values: [String: Double], until end: Double = time) throws -> (store: TemporaryStore, config: String) {
        let store = TemporaryStore()
        try store.writeMinutely(Dictionary(uniqueKeysWithValues: values.map { (SeriesKey(name: $0.key), $0.value) }), until: end, now: time)
        let config = try store.file(named: "shop.yaml", containing: "ecosystem: {name: Shop}\nstore: {path: \"\(store.root)\"}\n")
        return (store, config)
    }

    static func check(_ origin: (store: TemporaryStore, config: String), _ arguments: [String] = []) throws -> EcotopBinary.Run {
        try EcotopBinary.run(["check", "--config", origin.config, "--time", String(Int(time))] + arguments)
    }

    @Test func eachStateExitsWithItsNagiosStatus() throws {
        let cases: [(values: [String: Double], status: Int32, line: String)] = [
            (["usage.transactions": 1_000], 0, "ECOTOP OK - health 100, 1 of 20 metrics OK | "),
            (["usage.transactions": 1_000, "usage.integration_error_rate": 2], 1,
             "ECOTOP WARNING - 1 metric WARN (Integration errors 2.00%) | "),
            (["usage.integration_error_rate": 2, "value.ecosystem_revenue": 100_000], 2,
             "ECOTOP CRITICAL - 1 metric CRIT (Ecosystem revenue $100k), 1 metric WARN (Integration errors 2.00%) | "),
        ]
        for expected in cases {
            let run = try Self.check(try Self.store(expected.values))
            #expect(run.status == expected.status, "\(expected.values): \(run.output) \(run.errors)")
            #expect(run.output.hasPrefix(expected.line), "\(run.output)")
            #expect(run.output.split(separator: "\n").count == 1 && run.errors.isEmpty, "\(run.output) \(run.errors)")
        }
    }

    @Test func aSourceThatStoppedDeliveringWarns() throws {
        let run = try Self.check(try Self.store(["usage.transactions": 1_000], until: Self.time - 1_200))
        #expect(run.status == 1 && run.output.hasPrefix("ECOTOP WARNING - 1 metric STALE (Transactions "), "\(run.output)")
    }

    @Test func noDataAnUnreadableStoreOrConfigurationAnUnreachablePrometheusAndABadScopeAreUnknown() throws {
        let old = try Self.store(["usage.transactions": 1_000], until: Self.time - 7_200)
        let noData = try Self.check(old)
        #expect(noData.status == 3, "\(noData.output)")
        #expect(noData.output.hasPrefix("ECOTOP UNKNOWN - no data for 20 metrics in the last 1h | health=U;;;0;100 "))

        let file = try old.store.file(named: "not-a-store", containing: "hello")
        let unreadable = try EcotopBinary.run(["check", "--store", file + "/x"])
        #expect(unreadable.status == 3 && unreadable.output.hasPrefix("ECOTOP UNKNOWN - "), "\(unreadable.output) \(unreadable.errors)")
        #expect(!unreadable.errors.isEmpty)

        let unreachable = try EcotopBinary.run(["check", "--source", "prometheus", "--url", "http://127.0.0.1:\(try freeLoopbackPort())"])
        #expect(unreachable.status == 3 && unreachable.output.hasPrefix("ECOTOP UNKNOWN - "), "\(unreachable.output)")
        #expect(unreachable.output.split(separator: "\n").count == 1 && !unreachable.errors.isEmpty, "\(unreachable.errors)")

        let scoped = try Self.check(old, ["--metric", "usage.transactons"])
        #expect(scoped.status == 3 && scoped.output.contains("did you mean 'usage.transactions'?"), "\(scoped.output)")
        let config = try old.store.file(named: "bad.yaml", containing: "ecosystem: {name: Shop}\nbogus: 1\n")
        let badConfig = try EcotopBinary.run(["check", "--config", config])
        #expect(badConfig.status == 3 && badConfig.output.hasPrefix("ECOTOP UNKNOWN - "), "\(badConfig.output)")
        #expect(badConfig.errors.contains("bad.yaml:2:1: bogus: unknown key"), "\(badConfig.errors)")
        let range = try Self.check(old, ["--range", "2h"])
        #expect(range.status == 3 && range.output.hasPrefix("ECOTOP UNKNOWN - "), "\(range.output)")
    }

    @Test func scopingJudgesOnlyTheNamedFamiliesAndMetrics() throws {
        let store = try Self.store(["usage.transactions": 1_000, "usage.integration_error_rate": 2, "value.ecosystem_revenue": 100_000])
        let transactions = try Self.check(store, ["--metric", "usage.transactions"])
        #expect(transactions.status == 0 && transactions.output.hasPrefix("ECOTOP OK - health "), "\(transactions.output)")
        #expect(transactions.output.contains(", 1 of 1 metric OK | "), "\(transactions.output)")
        let usage = try Self.check(store, ["--family", "usage"])
        #expect(usage.status == 1, "\(usage.output)")
        #expect(usage.output.contains("'Usage health'=") && !usage.output.contains("'Value health'="), "\(usage.output)")
    }

    /// Every item of the performance data matches the guidelines' `'label'=value[UOM];warn;crit;min;max`.
    @Test func performanceDataFollowsTheGuidelines() throws {
        let store = try Self.store(["usage.transactions": 1_000, "usage.integration_error_rate": 2.5, "usage.critical_uptime": 99.95])
        let run = try Self.check(store)
        let parts = run.output.split(separator: "|", omittingEmptySubsequences: false)
        try #require(parts.count == 2, "one | between the summary and the performance data: \(run.output)")
        let items = try Self.items(String(parts[1].dropFirst().dropLast()))
        #expect(items.count == 1 + 4 + 20)
        #expect(items.first == ["health", items[0][1], "", "", "0", "100"])
        #expect(items.contains(["Integration errors", "2.5%", "~:1", "~:5", "0", "100"]), "\(items)")
        #expect(items.contains(["Transactions", "1000", "300:", "120:", "", ""]), "\(items)")
        #expect(items.contains(["Active partners", "U", "40:", "30:", "", ""]), "\(items)")
    }

    /// The items of performance data as [label, value with unit, warn, crit, min, max], read as
    /// the guidelines define them: space-separated, labels quoted when they hold a space.
    static func items(_ text: String) throws -> [[String]] {
        var items: [[String]] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            let label: String
            if rest.hasPrefix("'") {
                let close = try #require(rest.dropFirst().firstIndex(of: "'"), "unterminated label in \(rest)")
                label = String(rest[rest.index(after: rest.startIndex)..<close])
                rest = rest[rest.index(after: close)...]
            } else {
                let equals = try #require(rest.firstIndex(of: "="), "no = in \(rest)")
                label = String(rest[..<equals])
                #expect(!label.contains(" ") && !label.contains("'"), "unquoted label \(label)")
                rest = rest[equals...]
            }
            try #require(rest.hasPrefix("="), "no = after \(label)")
            let end = rest.firstIndex(of: " ") ?? rest.endIndex
            let fields = rest.dropFirst()[..<end].split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            try #require(fields.count == 5, "\(label): \(fields)")
            #expect(fields[0].wholeMatch(of: /U|-?[0-9]+(\.[0-9]+)?%?/) != nil, "\(label) value \(fields[0])")
            for range in fields[1...2] {
                #expect(range.wholeMatch(of: /|~:-?[0-9.]+|-?[0-9.]+:/) != nil, "\(label) range \(range)")
            }
            items.append([label] + fields)
            rest = end == rest.endIndex ? "" : rest[rest.index(after: end)...]
        }
        return items
    }
}
